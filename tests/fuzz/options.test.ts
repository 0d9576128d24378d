// Property: every command, handed arbitrary JSON-ish options (what a Discord payload, a Slack button
// value or a "more" page could carry once tampered with), answers through runCommand without a crash:
// a result, or one clean sentence. Also with extra keys, prototype keys, and either permission.
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createRegistry } from "../../src/commands/index.ts";
import { runCommand, runText } from "../../src/command-kit/dispatch.ts";
import type { CommandContext } from "../../src/command-kit/command.ts";
import { describeOptions } from "../../src/command-kit/options.ts";
import { createTestServices, type TestServices } from "../support/services.ts";
import { expectCleanAnswer, FUZZ_RUNS, fuzzTimeout, optionValue } from "./support.ts";

const registry = createRegistry();
let services: TestServices;
const context = (canManageChannel: boolean, userId: string): CommandContext => ({
  services, user: { platform: "discord", workspaceId: "G1", userId }, channel: { platform: "discord", workspaceId: "G1", channelId: "C1" },
  canManageChannel, now: new Date("2025-03-11T09:00:00Z"),
});
beforeAll(async () => { services = await createTestServices(); });
afterAll(async () => { await services.close(); });

// Each command gets a share of the runs, so the total per entry point stays FUZZ_RUNS per command.
describe.each(createRegistry().list().map((c) => [c.data.name, c] as const))("/papers %s with arbitrary options", (name, command) => {
  const known = describeOptions(command.data.options).map((o) => o.name);
  const key = fc.oneof(
    { weight: 6, arbitrary: fc.constantFrom(...(known.length ? known : ["query"])) },
    { weight: 1, arbitrary: fc.constantFrom("_extra", "__proto__", "constructor", "toString", "offset", "input") },
    { weight: 1, arbitrary: fc.string({ maxLength: 8 }) },
  );
  const raw = fc.dictionary(key, optionValue(), { maxKeys: 6 });

  it(`answers ${FUZZ_RUNS} option sets cleanly`, { timeout: fuzzTimeout(FUZZ_RUNS, 60) }, async () => {
    let n = 0;
    await fc.assert(fc.asyncProperty(raw, fc.boolean(), async (options, canManage) => {
      n++;
      const reply = await runCommand(registry, name, options as Record<string, unknown>, context(canManage, `U${n % 7}`));
      expectCleanAnswer(reply, JSON.stringify(options) ?? "");
    }), { numRuns: FUZZ_RUNS });
    expect(services.logs.text, "a command crashed (see the log)").not.toContain('"msg":"command failed"');
    expect((await runText(registry, "trending 1", context(false, "U0"))).papers).toHaveLength(1);
  });
});

it("answers an option that is no text where a person acting for themselves is asked ('me'), as the fuzz once sent it", async () => {
  for (const [name, key] of [["unsubscribe", "which"], ["subscribe", "who"]] as const) {
    const options = { [key]: { toString: "" } };
    expectCleanAnswer(await runCommand(registry, name, options, context(false, "U1")), JSON.stringify(options));
  }
  expect(services.logs.text, "a command crashed (see the log)").not.toContain('"msg":"command failed"');
});
