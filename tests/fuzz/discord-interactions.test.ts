// Property: interactions dispatched through the emulator's gateway to the real discord.js client —
// /papers with any subcommand and any option values (including types Discord would not send), button
// clicks and menu picks with arbitrary custom ids, autocomplete with any text — are each answered
// (deferral then an edit, or an autocomplete result), never with an apology for a crash, and the bot
// still answers an ordinary command afterwards.
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { autocomplete, clickComponent, PERMISSIONS, person, slashCommand, type DispatchedInteraction } from "../emulators/discord/index.ts";
import { deferredThenEdited, startHarness, type Harness } from "../discord/harness.ts";
import { createRegistry } from "../../src/commands/index.ts";
import { describeOptions } from "../../src/command-kit/options.ts";
import { chatText, FUZZ_RUNS, fuzzTimeout } from "./support.ts";

let h: Harness;
beforeAll(async () => { h = await startHarness(); });
afterAll(async () => { await h?.close(); });

const commands = createRegistry().list();
const optionNames = [...new Set(commands.flatMap((c) => describeOptions(c.data.options).map((o) => o.name)))];
const value = fc.oneof(chatText().map((s) => s.slice(0, 100)), fc.integer(), fc.double({ noNaN: true }), fc.constantFrom(0, -1, 2 ** 31, 1e21, "", " "));
const values = fc.dictionary(fc.oneof(fc.constantFrom(...optionNames), fc.string({ minLength: 1, maxLength: 8 })), value, { maxKeys: 4 })
  .map((v) => v as Record<string, string | number>);
const who = fc.record({ name: fc.constantFrom("ada", "bob"), admin: fc.boolean() });

type Action = { kind: "command" | "click" | "autocomplete"; data: unknown; run(h: Harness): DispatchedInteraction };
const command = fc.record({ sub: fc.oneof(fc.constantFrom(...commands.map((c) => c.data.name)), fc.string({ minLength: 1, maxLength: 10 })), values, who })
  .map((f): Action => ({ kind: "command", data: f, run: (h) => slashCommand(h.emulator, f.sub, f.values, { user: person(f.who.name), permissions: f.who.admin ? PERMISSIONS.manageChannels : PERMISSIONS.member }) }));
const click = fc.record({ id: fc.oneof(fc.string({ maxLength: 100 }), fc.constantFrom("bookmark:2403.07816", "p:1", "more:1", "x".repeat(100))), values: fc.option(fc.array(fc.string({ maxLength: 20 }), { maxLength: 2 }), { nil: undefined }) })
  .map((f): Action => ({ kind: "click", data: f, run: (h) => clickComponent(h.emulator, h.emulator.seedMessage(h.channelId, "a paper", h.emulator.bot), f.id, {}, f.values) }));
// Sometimes no option is marked focused, which discord.js refuses to read: the answer is then no choices.
const typing = fc.record({ sub: fc.constantFrom("paper", "similar", "subscribe", "search"), focused: fc.constantFrom("id", "zone", "query", "paper"),
  text: chatText().map((s) => s.slice(0, 100)), unfocused: fc.boolean() })
  .map((f): Action => ({ kind: "autocomplete", data: f, run: (h) => autocomplete(h.emulator, f.sub, { [f.focused]: f.text }, f.unfocused ? "" : f.focused) }));

const BATCH = 10;
const batches = Math.ceil(FUZZ_RUNS / BATCH);

describe("Discord interactions", () => {
  it(`answers ${batches * BATCH} generated interactions, none with a crash apology`, { timeout: fuzzTimeout(batches, 5_000) }, async () => {
    const kinds = new Set<string>();
    await fc.assert(fc.asyncProperty(fc.array(fc.oneof(command, click, typing), { minLength: BATCH, maxLength: BATCH }), async (actions) => {
      await Promise.all(actions.map(async (action) => {
        kinds.add(action.kind);
        const interaction = action.run(h);
        const label = `${action.kind} ${JSON.stringify(action.data)}`;
        if (action.kind === "autocomplete") {
          const result = await h.emulator.waitFor((r) => r.path === `/interactions/${interaction.id}/${interaction.token}/callback`, label);
          expect(result.body.type, label).toBe(8);
          expect(Array.isArray(result.body.data.choices), label).toBe(true);
          return;
        }
        const { edit } = await deferredThenEdited(h.emulator, interaction);
        expect(String(edit.body.content ?? ""), label).not.toMatch(/Sorry, something went wrong/);
      }));
    }), { numRuns: batches });
    expect([...kinds].sort()).toEqual(["autocomplete", "click", "command"]);
    // Only the unfocused autocompletes may fail (discord.js throws reading them); nothing else does.
    const failed = h.services.logs.lines.map((l) => JSON.parse(l) as { msg: string; type?: number }).filter((l) => l.msg === "discord interaction failed");
    expect(failed.filter((l) => l.type !== 4)).toEqual([]);
    expect(h.services.logs.text).not.toContain('"msg":"command failed"');
    const after = slashCommand(h.emulator, "trending", { count: 2 });
    expect((await deferredThenEdited(h.emulator, after)).edit.body.embeds).toHaveLength(2);
  });
});
