// Property: whatever follows "/papers" (a search query, a mistyped command, binary noise, 6 kB of
// repetition), runText answers — never throws, never hangs, refuses in one clean sentence — and the
// next ordinary request still gets its papers.
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createRegistry } from "../../src/commands/index.ts";
import { runText } from "../../src/command-kit/dispatch.ts";
import type { CommandContext } from "../../src/command-kit/command.ts";
import { createTestServices, type TestServices } from "../support/services.ts";
import { chatText, expectCleanAnswer, FUZZ_RUNS, fuzzTimeout } from "./support.ts";

const registry = createRegistry();
let services: TestServices;
let ctx: CommandContext;
beforeAll(async () => {
  services = await createTestServices();
  ctx = { services, user: { platform: "slack", workspaceId: "T1", userId: "U1" }, channel: { platform: "slack", workspaceId: "T1", channelId: "C1" },
    canManageChannel: true, now: new Date("2025-03-11T09:00:00Z") };
});
afterAll(async () => { await services.close(); });

describe("runText under arbitrary text", () => {
  it(`answers ${FUZZ_RUNS} generated texts cleanly and keeps answering`, { timeout: fuzzTimeout(FUZZ_RUNS, 60) }, async () => {
    let tried = 0;
    await fc.assert(fc.asyncProperty(chatText(), async (text) => {
      tried++;
      const reply = await runText(registry, text, ctx);
      expectCleanAnswer(reply, text);
      if (tried % 200 === 0) expect((await runText(registry, "trending 1", ctx)).papers).toHaveLength(1);
    }), { numRuns: FUZZ_RUNS });
    expect(tried).toBe(FUZZ_RUNS);
    expect((await runText(registry, "mixture of experts", ctx)).papers?.length).toBeGreaterThan(0);
    expect(services.logs.text).not.toContain('"msg":"command failed"');
  });

  it(`searches ${FUZZ_RUNS} generated queries without a crash`, { timeout: fuzzTimeout(FUZZ_RUNS, 60) }, async () => {
    await fc.assert(fc.asyncProperty(chatText(), async (text) => {
      const reply = await runText(registry, `search ${text}`, ctx);
      expectCleanAnswer(reply, text);
      for (const card of reply.papers ?? []) expect(services.catalog.get(card.id), text).toBeDefined();
    }), { numRuns: FUZZ_RUNS });
    expect(services.logs.text).not.toContain('"msg":"command failed"');
  });
});
