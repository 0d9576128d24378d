// Taking a 🔖 reaction back undoes what the reaction did, and no more: a bookmark saved another way, or
// holding the person's note, stays (a note deleted with it could not be given back).
import { afterAll, beforeAll, expect, it } from "vitest";
import { createRegistry } from "../../src/commands/index.ts";
import { runCommand } from "../../src/command-kit/dispatch.ts";
import { handlePaperAction, handleReaction } from "../../src/command-kit/interactions.ts";
import type { CommandContext } from "../../src/command-kit/command.ts";
import type { Platform } from "../../src/core/channel.ts";
import type { TestServices } from "../support/services.ts";
import { addPapers, paper, setup } from "./support.ts";
import { plainTyped } from "../../src/core/messages/typed.ts";

let services: TestServices;
const paperId = "2502.00042";
const registry = createRegistry();
const MESSAGE = "1700000000.000200";

beforeAll(async () => {
  services = await setup();
  await addPapers(services, [paper({ id: paperId, arxivId: paperId, title: "Sparse Upcycling of Dense Checkpoints" })]);
  for (const platform of ["slack", "discord"] as const) await services.posted.record(channelOn(platform), MESSAGE, paperId, "digest");
});
afterAll(async () => { await services?.close(); });

function channelOn(platform: Platform) { return { platform, workspaceId: "T1", channelId: "C1" }; }
function as(userId: string, platform: Platform = "slack") {
  const user = { platform, workspaceId: "T1", userId };
  const ctx: CommandContext = { services, user, channel: channelOn(platform), canManageChannel: true, now: new Date("2025-03-12T09:00:00Z") };
  return {
    ctx,
    command: (name: string, options: Record<string, unknown>) => runCommand(registry, name, options, ctx),
    react: (added: boolean) => handleReaction(services, user, channelOn(platform), MESSAGE, added),
    bookmark: () => services.db.bookmark.findFirst({ where: { userId } }),
  };
}

it("a bookmark the reaction made goes when the reaction does", async () => {
  const ada = as("U-ada");
  expect((await ada.react(true))?.text).toMatch(/^🔖 Bookmarked/);
  expect((await ada.react(false))?.text).toMatch(/^Removed “.+” from your bookmarks\.$/);
  expect(await ada.bookmark()).toBeNull();
  expect(await ada.react(false)).toBeNull(); // nothing left to take back: silence, as for any other reaction
});

it("a bookmark saved with a command stays, note and all, and the person is told how to remove it", async () => {
  const bo = as("U-bo");
  await bo.command("bookmark", { id: paperId });
  await bo.command("note", { paper: paperId, text: "key paper for the Q3 roadmap" });
  expect((await bo.react(true))?.text).toMatch(/is already in your bookmarks/);
  expect(plainTyped((await bo.react(false))?.text ?? "")).toBe(`“${services.catalog.get(paperId)!.title}” stays in your bookmarks, where you had saved it before reacting; /papers unbookmark ${paperId} removes it.`);
  expect(await bo.bookmark()).toMatchObject({ paperId, note: "key paper for the Q3 roadmap" });
});

it("a bookmark the reaction made keeps the note written on it since", async () => {
  const cy = as("U-cy", "discord");
  await cy.react(true);
  await cy.command("note", { paper: paperId, text: "read section 3" });
  expect((await cy.react(false))?.text).toMatch(new RegExp(`stays in your bookmarks, since it has your note; /papers unbookmark id:${paperId} removes it\\.$`));
  expect(await cy.bookmark()).toMatchObject({ note: "read section 3" });
  await cy.command("note", { paper: paperId, text: "" }); // the note cleared, the reaction's bookmark is its own again
  await cy.react(false);
  expect(await cy.bookmark()).toBeNull();
});

it("a reaction's bookmark saved again on purpose, or marked read, is the person's: taking the reaction back leaves it", async () => {
  const di = as("U-di");
  await di.react(true);
  await di.command("bookmark", { id: paperId }); // "already in your bookmarks", and now theirs
  expect((await di.react(false))?.text).toMatch(/where you had saved it before reacting/);
  expect(await di.bookmark()).not.toBeNull();
  const ed = as("U-ed");
  await ed.react(true);
  await ed.command("bookmarks", { change: "read", id: paperId });
  expect((await ed.react(false))?.text).toMatch(/stays in your bookmarks, since you marked it read/);
  expect(await ed.bookmark()).not.toBeNull();
});

it("a paper marked not interested and then bookmarked, by command, button or 🔖, loses the mark: the later wish wins", async () => {
  for (const [who, save] of [
    ["U-cmd", (p: ReturnType<typeof as>) => p.command("bookmark", { id: paperId })],
    ["U-btn", (p: ReturnType<typeof as>) => handlePaperAction(p.ctx, registry, "bookmark", paperId)],
    ["U-react", (p: ReturnType<typeof as>) => p.react(true)],
  ] as const) {
    const someone = as(who);
    await someone.command("not-interested", { paper: paperId });
    expect(await services.notInterested.list(someone.ctx.user)).toEqual([paperId]);
    expect((await save(someone))?.text).toMatch(/^🔖 Bookmarked “.+”\..* It is no longer marked not interested\.$/);
    expect(await services.notInterested.list(someone.ctx.user)).toEqual([]);
    // Saving it again says nothing more about a mark that is gone.
    expect((await someone.command("bookmark", { id: paperId })).text).toMatch(/is already in your bookmarks\.$/);
  }
});
