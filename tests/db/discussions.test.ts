// The Discuss claim (core/stores/discussions.ts) on both databases: one winner among concurrent claims,
// later claims pointed at the open thread, a dead opener's claim taken over once, a release retried, and
// claims judged on the database's clock, so replicas whose clocks disagree agree on which claim is stale.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { MessageRef } from "../../src/core/stores/discussions.ts";
import { createReplica, createTestServices, type TestServices } from "../support/services.ts";

let services: TestServices;
beforeAll(async () => { services = await createTestServices(); });
afterAll(async () => { await services?.close(); });

const message = (messageId: string) => ({ platform: "slack" as const, workspaceId: "T1", channelId: "C1", messageId });
const t0 = new Date("2026-12-01T12:00:00Z");

/** As if `ms` went by on the database's clock, which dates and judges every claim (a process's clock does not move it). */
async function passClaimTime(m: MessageRef, ms: number): Promise<void> {
  const where = { platform_workspaceId_channelId_messageId: { platform: m.platform, workspaceId: m.workspaceId, channelId: m.channelId, messageId: m.messageId } };
  const row = await services.db.discussThread.findUniqueOrThrow({ where });
  await services.db.discussThread.update({ where, data: { claimedAt: new Date(row.claimedAt.getTime() - ms) } });
}

describe("discussion claims", () => {
  it("exactly one of many concurrent claims wins; the rest see it opening, then open", async () => {
    const m = message("1.0001");
    const claims = await Promise.all(Array.from({ length: 8 }, (_, i) => services.discussions.claim(m, "2501.00001", `U${i}`, 60_000)));
    expect(claims.filter((c) => c.kind === "claimed")).toHaveLength(1);
    expect(claims.filter((c) => c.kind === "opening")).toHaveLength(7);
    await services.discussions.opened(m, "1.0001", t0);
    await passClaimTime(m, 10 * 60_000);
    expect(await services.discussions.claim(m, "2501.00001", "U9", 60_000)).toEqual({ kind: "open", threadId: "1.0001" });
  });

  it("a claim left opening past the stale time is taken over by exactly one later press", async () => {
    const m = message("1.0002");
    expect((await services.discussions.claim(m, "2501.00001", "U1", 60_000)).kind).toBe("claimed");
    await passClaimTime(m, 30_000);
    expect((await services.discussions.claim(m, "2501.00001", "U2", 60_000)).kind).toBe("opening");
    await passClaimTime(m, 31_000);
    const takeovers = await Promise.all([1, 2, 3].map((i) => services.discussions.claim(m, "2501.00001", `U${i}`, 60_000)));
    expect(takeovers.filter((c) => c.kind === "claimed")).toHaveLength(1);
  });

  it("a released claim (opening failed) lets the next press claim again; release never drops an open thread", async () => {
    const m = message("1.0003");
    await services.discussions.claim(m, "2501.00001", "U1", 60_000);
    await services.discussions.release(m);
    expect((await services.discussions.claim(m, "2501.00001", "U2", 60_000)).kind).toBe("claimed");
    await services.discussions.opened(m, "1.0003", t0);
    await services.discussions.release(m);
    expect(await services.discussions.claim(m, "2501.00001", "U3", 60_000)).toEqual({ kind: "open", threadId: "1.0003" });
  });

  it("a thread found gone is claimed again by exactly one of the presses that found it so, and only that thread", async () => {
    const m = message("1.0004");
    await services.discussions.claim(m, "2501.00001", "U1", 60_000);
    await services.discussions.opened(m, "T-old", t0);
    const reopened = await Promise.all([1, 2, 3].map((i) => services.discussions.reopen(m, "T-old", `U${i}`)));
    expect(reopened.filter(Boolean)).toHaveLength(1);
    expect((await services.discussions.claim(m, "2501.00001", "U4", 60_000)).kind).toBe("opening");
    await services.discussions.opened(m, "T-new", t0);
    expect(await services.discussions.reopen(m, "T-old", "U5")).toBe(false);
    expect(await services.discussions.claim(m, "2501.00001", "U6", 60_000)).toEqual({ kind: "open", threadId: "T-new" });
  });

  // Two replicas on one database, one's clock 3 minutes ahead, the other's 3 minutes behind: a claim one of them
  // made a moment ago is live for both, whichever made it (judged on each process's clock, the one ahead took
  // the other's claim over and opened a second thread, and the one behind wrote claims the other found stale).
  it("replicas whose clocks disagree by minutes leave each other's fresh claim alone, and agree when it is stale", async () => {
    const skew = 3 * 60_000;
    const ahead = await createReplica(services, { clock: () => new Date(Date.now() + skew) });
    const behind = await createReplica(services, { clock: () => new Date(Date.now() - skew) });
    try {
      const m = message("1.0005");
      expect((await behind.discussions.claim(m, "2501.00001", "U1", 60_000)).kind).toBe("claimed");
      expect((await ahead.discussions.claim(m, "2501.00001", "U2", 60_000)).kind).toBe("opening");
      expect((await services.discussions.claim(m, "2501.00001", "U3", 60_000)).kind).toBe("opening");
      const n = message("1.0006");
      expect((await ahead.discussions.claim(n, "2501.00001", "U1", 60_000)).kind).toBe("claimed");
      expect((await behind.discussions.claim(n, "2501.00001", "U2", 60_000)).kind).toBe("opening");
      await passClaimTime(n, 61_000);
      expect((await behind.discussions.claim(n, "2501.00001", "U2", 60_000)).kind).toBe("claimed");
    } finally { await ahead.close(); await behind.close(); }
  });
});
