// The Discuss claim (core/stores/discussions.ts) on both databases: one winner among concurrent claims,
// later claims pointed at the open thread, a dead opener's claim taken over once, a release retried.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestServices, type TestServices } from "../support/services.ts";

let services: TestServices;
beforeAll(async () => { services = await createTestServices(); });
afterAll(async () => { await services?.close(); });

const message = (messageId: string) => ({ platform: "slack" as const, workspaceId: "T1", channelId: "C1", messageId });
const t0 = new Date("2026-12-01T12:00:00Z");
const later = (ms: number) => new Date(t0.getTime() + ms);

describe("discussion claims", () => {
  it("exactly one of many concurrent claims wins; the rest see it opening, then open", async () => {
    const m = message("1.0001");
    const claims = await Promise.all(Array.from({ length: 8 }, (_, i) => services.discussions.claim(m, "2501.00001", `U${i}`, t0, 60_000)));
    expect(claims.filter((c) => c.kind === "claimed")).toHaveLength(1);
    expect(claims.filter((c) => c.kind === "opening")).toHaveLength(7);
    await services.discussions.opened(m, "1.0001", t0);
    expect(await services.discussions.claim(m, "2501.00001", "U9", later(10 * 60_000), 60_000)).toEqual({ kind: "open", threadId: "1.0001" });
  });

  it("a claim left opening past the stale time is taken over by exactly one later press", async () => {
    const m = message("1.0002");
    expect((await services.discussions.claim(m, "2501.00001", "U1", t0, 60_000)).kind).toBe("claimed");
    expect((await services.discussions.claim(m, "2501.00001", "U2", later(30_000), 60_000)).kind).toBe("opening");
    const takeovers = await Promise.all([1, 2, 3].map((i) => services.discussions.claim(m, "2501.00001", `U${i}`, later(61_000), 60_000)));
    expect(takeovers.filter((c) => c.kind === "claimed")).toHaveLength(1);
  });

  it("a released claim (opening failed) lets the next press claim again; release never drops an open thread", async () => {
    const m = message("1.0003");
    await services.discussions.claim(m, "2501.00001", "U1", t0, 60_000);
    await services.discussions.release(m);
    expect((await services.discussions.claim(m, "2501.00001", "U2", t0, 60_000)).kind).toBe("claimed");
    await services.discussions.opened(m, "1.0003", t0);
    await services.discussions.release(m);
    expect(await services.discussions.claim(m, "2501.00001", "U3", t0, 60_000)).toEqual({ kind: "open", threadId: "1.0003" });
  });

  it("a thread found gone is claimed again by exactly one of the presses that found it so, and only that thread", async () => {
    const m = message("1.0004");
    await services.discussions.claim(m, "2501.00001", "U1", t0, 60_000);
    await services.discussions.opened(m, "T-old", t0);
    const reopened = await Promise.all([1, 2, 3].map((i) => services.discussions.reopen(m, "T-old", `U${i}`, later(1000))));
    expect(reopened.filter(Boolean)).toHaveLength(1);
    expect((await services.discussions.claim(m, "2501.00001", "U4", later(2000), 60_000)).kind).toBe("opening");
    await services.discussions.opened(m, "T-new", later(3000));
    expect(await services.discussions.reopen(m, "T-old", "U5", later(4000))).toBe(false);
    expect(await services.discussions.claim(m, "2501.00001", "U6", later(5000), 60_000)).toEqual({ kind: "open", threadId: "T-new" });
  });
});
