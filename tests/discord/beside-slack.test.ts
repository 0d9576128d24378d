// Discord in a process that also runs Slack. @slack/socket-mode brings undici 7, and whichever undici loads
// first installs its Agent as the process-wide dispatcher that discord.js's REST client (undici 6) falls
// back to: Slack first, as in `papers start` with both configured, made every file upload fail ("action is
// not a function"). So this file loads Slack's client before anything of Discord's.
import "@slack/socket-mode";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { person, slashCommand } from "../emulators/discord/index.ts";
import { deferredThenEdited, startHarness, type Harness } from "./harness.ts";

let h: Harness;
beforeAll(async () => { h = await startHarness(); });
afterAll(async () => { await h?.close(); });

describe("Discord beside Slack in one process", () => {
  it("still hands an export over as a file", async () => {
    const ada = person("ada");
    const paperId = h.services.catalog.index.search("moe", { limit: 1 }).hits[0]!.id;
    await h.services.bookmarks.add({ platform: "discord", workspaceId: h.emulator.guilds[0]!.id, userId: ada.id }, paperId);
    const { edit } = await deferredThenEdited(h.emulator, slashCommand(h.emulator, "export", { format: "bibtex" }, { user: ada }));
    expect(edit.body.content ?? "").not.toMatch(/went wrong/);
    expect(edit.files).toHaveLength(1);
    expect(edit.files[0]!.content).toMatch(/^@\w+\{/m);
  });
});
