// An interaction that fails before its deferral, or whose deferral itself fails, still gets an answer:
// a first reply saying so (with a reference), never Discord's "The application did not respond"; an
// autocomplete that fails shows no choices instead of "Loading options failed". A gateway connection
// Discord drops (as it does every few hours) is resumed, or re-identified when Discord lost the session.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { autocomplete, slashCommand } from "../emulators/discord/index.ts";
import { startHarness, type Harness } from "./harness.ts";

let h: Harness;
beforeAll(async () => { h = await startHarness(); });
afterAll(async () => { await h?.close(); });

const callbacks = (id: string, token: string) => h.emulator.records.filter((r) => r.path === `/interactions/${id}/${token}/callback`);

describe("interactions that fail before their deferral", () => {
  it("a deferral Discord keeps refusing (500 through discord.js's retries) is followed by a private apology", async () => {
    h.emulator.failCallbacks(4); // the deferral and discord.js's three retries
    const interaction = slashCommand(h.emulator, "trending", { count: 2 });
    const reply = await h.emulator.waitFor((r) => r.path === `/interactions/${interaction.id}/${interaction.token}/callback` && r.status === 204, "an accepted callback");
    expect(reply.body).toMatchObject({ type: 4, data: { flags: 64 } });
    expect(reply.body.data.content).toMatch(/^⚠️ Sorry, something went wrong on our side \(ref [0-9a-f]{8}\)\./);
    expect(callbacks(interaction.id, interaction.token).map((r) => r.status)).toEqual([500, 500, 500, 500, 204]);
    expect(h.services.logs.text).toContain('"msg":"discord interaction failed"');
    // The failed callback's url is logged without the interaction's token, which would let anyone answer as the bot.
    expect(h.services.logs.text).toContain(`/interactions/${interaction.id}/[redacted]/callback`);
    expect(h.services.logs.text).not.toContain(interaction.token);
  });

  it("an autocomplete that throws (no focused option) answers with no choices", async () => {
    const typing = autocomplete(h.emulator, "search", { query: "moe" }, "none-focused");
    const result = await h.emulator.waitFor((r) => r.path === `/interactions/${typing.id}/${typing.token}/callback`, "autocomplete result");
    expect(result.body).toEqual({ type: 8, data: { choices: [] } });
  });

  it("the next command is answered as usual", async () => {
    const interaction = slashCommand(h.emulator, "trending", { count: 1 });
    const edit = await h.emulator.waitFor((r) => r.method === "PATCH" && r.path.includes(interaction.token), "edit of the reply");
    expect(edit.body.embeds).toHaveLength(1);
  });
});

describe("a gateway connection that drops", () => {
  const answered = async (subcommand: string) => {
    const interaction = slashCommand(h.emulator, subcommand, { count: 1 });
    return h.emulator.waitFor((r) => r.method === "PATCH" && r.path.includes(interaction.token), `the answer to ${subcommand}`);
  };

  it("is resumed, and a command sent while it was down is answered", async () => {
    const { identifies, resumes } = h.emulator.gateway;
    h.emulator.gateway.dropConnections();
    expect((await answered("trending")).body.embeds).toHaveLength(1);
    expect(h.emulator.gateway.resumes).toBe(resumes + 1);
    expect(h.emulator.gateway.identifies).toBe(identifies);
  });

  it("is identified afresh when Discord lost the session, and answers again", async () => {
    const { identifies } = h.emulator.gateway;
    h.emulator.gateway.dropConnections({ forget: true });
    await h.emulator.gateway.identified();
    expect(h.emulator.gateway.identifies).toBe(identifies + 1);
    expect((await answered("trending")).body.embeds).toHaveLength(1);
  });
});
