// Reading-list search and notes on Discord (issue 15, item 5), through discord.js and the emulator.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { person, slashCommand } from "../emulators/discord/index.ts";
import { deferredThenEdited, startHarness, type Harness } from "./harness.ts";

let h: Harness;
const ada = person("ada");
let ids: string[];
beforeAll(async () => {
  h = await startHarness();
  ids = (await h.services.papers.trending(new Date().toISOString().slice(0, 10)))!.ids.slice(0, 3);
  const user = { platform: "discord" as const, workspaceId: h.emulator.guilds[0]!.id, userId: ada.id };
  for (const id of ids) { await h.services.bookmarks.add(user, id); await new Promise((r) => setTimeout(r, 5)); }
});
afterAll(async () => { await h?.close(); });

async function run(sub: string, values: Record<string, string | number | boolean>) {
  const { edit } = await deferredThenEdited(h.emulator, slashCommand(h.emulator, sub, values, { user: ada }));
  return edit.body;
}

describe("reading list on Discord", () => {
  it("/papers note takes the list number and text; the list shows the note in a field; bookmarks query searches", async () => {
    await run("bookmarks", {}); // a number means the paper so numbered in the last list seen
    expect((await run("note", { paper: "2", text: "ask @everyone about the ablation" })).content).toMatch(/^📝 Saved your note on/);
    const list = await run("bookmarks", {});
    const noted = list.embeds.find((e: any) => e.fields?.some((f: any) => f.name === "📝 Your note"));
    expect(noted.fields.find((f: any) => f.name === "📝 Your note").value).toBe("ask @everyone about the ablation");
    expect(noted.title).toBe(`2. ${h.services.catalog.get(ids[1]!)!.title}`.slice(0, 256));
    const found = await run("bookmarks", { query: "ablation" });
    expect(found.content).toMatch(/^Your bookmarks matching "ablation" \(1 of 1\)/);
    expect(found.embeds).toHaveLength(1);
  });

  it("not-interested takes its mark back with undo, a True/False option", async () => {
    expect((await run("not-interested", { paper: ids[2]! })).content).toMatch(/Changed your mind\? \/papers not-interested undo:true$/);
    expect((await run("not-interested", { undo: true })).content).toMatch(/^Taken back: “.+” counts again/);
    expect((await run("not-interested", { undo: false })).content).toMatch(/Say which paper: its number in the last list, like \/papers not-interested paper:2, or its id or link\.$/);
  });

  it("an empty note clears it", async () => {
    await run("bookmarks", {}); // the last list seen was the search above; numbers now mean the whole list
    expect((await run("note", { paper: "2" })).content).toMatch(/^Cleared your note on/);
    const list = await run("bookmarks", {});
    expect(JSON.stringify(list.embeds)).not.toContain("Your note");
  });
});
