// Shared set-up for the reading-list tests: real services over a real database, commands run the way
// every adapter runs them (runText / runCommand), and a few people in two workspaces.
import type { UserRef } from "../../src/core/channel.ts";
import type { Paper } from "../../src/core/paper.ts";
import type { CommandContext } from "../../src/command-kit/command.ts";
import { runCommand, runText } from "../../src/command-kit/dispatch.ts";
import { createRegistry } from "../../src/commands/index.ts";
import type { Reply } from "../../src/core/messages/reply.ts";
import { createTestServices, manualClock, type TestServices } from "../support/services.ts";
import { plainTyped } from "../../src/core/messages/typed.ts";

export const registry = createRegistry();

export async function setup(): Promise<TestServices> {
  return createTestServices({ clock: manualClock("2025-03-11T09:00:00Z") });
}

export function person(userId: string, workspaceId = "T1", platform: UserRef["platform"] = "slack"): UserRef {
  return { platform, workspaceId, userId };
}

export function contextFor(services: TestServices, user: UserRef): CommandContext {
  return { services, user, channel: { platform: user.platform, workspaceId: user.workspaceId, channelId: "C1" }, canManageChannel: true, now: services.clock() };
}

// What a person reads: the marks around text they typed (core/messages/typed.ts) are each platform's business.
const plain = (reply: Reply): Reply => ({ ...reply, text: plainTyped(reply.text) });
export const say = async (services: TestServices, user: UserRef, text: string): Promise<Reply> => plain(await runText(registry, text, contextFor(services, user)));
export const run = async (services: TestServices, user: UserRef, name: string, raw: Record<string, unknown>): Promise<Reply> =>
  plain(await runCommand(registry, name, raw, contextFor(services, user)));

/** Bundled-capture papers whose title says they are about mixture of experts. */
export async function moeTitled(services: TestServices): Promise<Paper[]> {
  return (await services.papers.all()).filter((p) => isMoeTitle(p.title));
}

export function isMoeTitle(title: string): boolean {
  return /mixture[- ]of[- ]experts|moe\b|\bexperts\b/i.test(title);
}

export async function addPapers(services: TestServices, papers: Paper[]): Promise<void> {
  await services.papers.upsert(papers, "hf");
  services.catalog.apply(papers);
}

export function paper(fields: Partial<Paper> & Pick<Paper, "id" | "title">): Paper {
  return { arxivId: null, summary: `${fields.title}. A study.`, authors: [], keywords: [], githubRepo: null, publishedAt: null, upvotes: 0, ...fields };
}

/** Bookmarks added in order, each a few ms after the last, so "newest first" has a real order to keep. */
export async function bookmarkInOrder(services: TestServices, user: UserRef, ids: string[]): Promise<void> {
  for (const id of ids) {
    await services.bookmarks.add(user, id);
    await new Promise((r) => setTimeout(r, 5));
  }
}

/** Closes the services and drops the test database; a no-op when set-up itself failed (vitest reports that). */
export async function teardown(services: TestServices | undefined): Promise<void> {
  await services?.close();
}
