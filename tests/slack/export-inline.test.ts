// An export Slack will not take as a file (an install without files:write) arrives inline, and whole: a
// reading list of dozens of papers is many sections of code, over a few messages, not its first 2,800 characters.
import { afterAll, beforeAll, expect, it } from "vitest";
import { startHarness, type SlackHarness } from "./harness.ts";

let h: SlackHarness;
const alice = { platform: "slack" as const, workspaceId: "T0TEST", userId: "U0ALICE" };
beforeAll(async () => {
  h = await startHarness();
  for (const paper of (await h.services.papers.all()).slice(0, 40)) {
    await h.services.bookmarks.add(alice, paper.id);
    await h.services.bookmarks.setNote(alice, paper.id, "read with <@U0BOB> & the ```team```");
  }
});
afterAll(async () => { await h?.close(); });

/** `export bibtex` where Slack refuses the upload (no files:write): every message answered to its response_url. */
async function exportWithoutUpload(): Promise<any[]> {
  h.emulator.failMethod("files.getUploadURLExternal", { kind: "error", error: "missing_scope" });
  const rid = h.nextResponseId();
  await h.requester.command("export bibtex", h.emulator.responseUrl(rid));
  await h.emulator.response(rid);
  await new Promise((r) => setTimeout(r, 500)); // the later parts follow the first
  return h.emulator.responsesTo(rid).map((r) => r.body);
}

const fromMrkdwn = (text: string) => text.replace(/&lt;/g, "<").replace(/&gt;/g, ">").replace(/&amp;/g, "&");

it("a 40-paper BibTeX export whose upload fails comes inline in full, every section within Slack's limits", async () => {
  const uploaded = h.nextResponseId();
  await h.requester.command("export bibtex", h.emulator.responseUrl(uploaded));
  await h.emulator.response(uploaded);
  const file = [...h.emulator.files.values()][0]!.content;
  expect(file.length).toBeGreaterThan(10_000);

  const answers = await exportWithoutUpload();
  expect(answers.length).toBeGreaterThan(1);
  expect(answers.length).toBeLessThanOrEqual(4); // a response_url takes five
  const sections = answers.flatMap((a) => a.blocks as any[]).map((b) => b.text.text as string);
  for (const text of sections) expect(text.length).toBeLessThanOrEqual(3000);
  expect(sections[0]).toMatch(/I couldn't attach \*papers-bookmarks\.bib\*, so here it is, in \d+ parts:/);
  const code = sections.slice(1).map((text) => /^```([\s\S]*)```$/.exec(text)![1]!);
  expect(fromMrkdwn(code.join("\n")).replace(/\u200b/g, "")).toBe(file);
});

it("a file longer than four messages hold is cut at a section's end and says how much it shows", async () => {
  for (const paper of await h.services.papers.all()) {
    await h.services.bookmarks.add(alice, paper.id);
    await h.services.bookmarks.setNote(alice, paper.id, "a long note & more ".repeat(26).trim());
  }
  const answers = await exportWithoutUpload();
  expect(answers).toHaveLength(4);
  const sections = answers.flatMap((a) => a.blocks as any[]).map((b) => b.text.text as string);
  for (const text of sections) expect(text.length).toBeLessThanOrEqual(3000);
  for (const text of sections.slice(1, -1)) expect(text).toMatch(/^```[\s\S]*```$/);
  expect(sections.at(-1)).toMatch(/^… cut here: that is \d+% of the file; the rest needs the file itself/);
});
