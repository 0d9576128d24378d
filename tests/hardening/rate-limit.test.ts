// The per-person command limit: a burst up to COMMANDS_PER_MINUTE, then one friendly sentence with the
// wait, per person (platform:workspace:user), with bounded memory, and a flood from one person never
// stops anyone else's answers.
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { RateLimiter } from "../../src/core/rate-limit.ts";
import { createRegistry } from "../../src/commands/index.ts";
import { runCommand, runText } from "../../src/command-kit/dispatch.ts";
import type { CommandContext } from "../../src/command-kit/command.ts";
import type { Platform } from "../../src/core/channel.ts";
import { createTestServices, manualClock, type TestServices } from "../support/services.ts";

describe("RateLimiter", () => {
  it("allows a burst of the limit, then refuses with the seconds until the next token", () => {
    const limiter = new RateLimiter(20);
    const t0 = 1_000_000;
    for (let i = 0; i < 20; i++) expect(limiter.take("a", t0).allowed).toBe(true);
    expect(limiter.take("a", t0)).toEqual({ allowed: false, retryAfterSeconds: 3 }); // 60 s / 20
    expect(limiter.take("a", t0 + 2_000)).toEqual({ allowed: false, retryAfterSeconds: 1 });
    expect(limiter.take("a", t0 + 3_000).allowed).toBe(true);
    expect(limiter.take("a", t0 + 3_000).allowed).toBe(false);
    // A full minute idle refills the whole burst, never more.
    for (let i = 0; i < 20; i++) expect(limiter.take("a", t0 + 600_000).allowed).toBe(true);
    expect(limiter.take("a", t0 + 600_000).allowed).toBe(false);
  });

  it("keeps keys apart", () => {
    const limiter = new RateLimiter(2);
    expect([limiter.take("a", 0), limiter.take("a", 0), limiter.take("a", 0)].map((d) => d.allowed)).toEqual([true, true, false]);
    expect(limiter.take("b", 0).allowed).toBe(true);
  });

  it("neither mints nor burns tokens when the clock steps backwards", () => {
    const limiter = new RateLimiter(1);
    expect(limiter.take("a", 60_000).allowed).toBe(true);
    expect(limiter.take("a", 0).allowed).toBe(false);
    expect(limiter.take("a", 119_000).allowed).toBe(false);
    expect(limiter.take("a", 120_000).allowed).toBe(true);
  });

  it("forgets idle people and never holds more than maxKeys", () => {
    const limiter = new RateLimiter(20, 1_000);
    for (let i = 0; i < 100_000; i++) limiter.take(`user-${i}`, i);
    expect(limiter.size).toBeLessThanOrEqual(1_000);
    // Everyone above has refilled a minute later; the next check drops them all.
    limiter.take("late", 100_000 + 60_000);
    expect(limiter.size).toBe(1);
  });

  it("keeps counting a noisy person while thousands of others come and go", () => {
    const limiter = new RateLimiter(5, 100);
    for (let i = 0; i < 5; i++) limiter.take("noisy", 0);
    for (let i = 0; i < 10_000; i++) {
      limiter.take(`passer-${i}`, 1);
      if (i % 50 === 0) expect(limiter.take("noisy", 1).allowed, `after ${i} others`).toBe(false);
    }
  });
});

describe("the limit in runCommand", () => {
  const clock = manualClock("2025-03-11T09:00:00Z");
  const registry = createRegistry();
  let services: TestServices;
  beforeAll(async () => { services = await createTestServices({ clock, env: { COMMANDS_PER_MINUTE: "5" } }); });
  afterAll(async () => { await services.close(); });

  const ctx = (userId: string, platform: Platform = "slack", workspaceId = "T1"): CommandContext => ({
    services, user: { platform, workspaceId, userId }, channel: { platform, workspaceId, channelId: "C1" },
    canManageChannel: false, now: clock(),
  });

  it("answers the sixth command in a minute with one friendly sentence, then answers again after the wait", async () => {
    for (let i = 0; i < 5; i++) expect((await runText(registry, "trending 2", ctx("alice"))).papers).toHaveLength(2);
    const refused = await runText(registry, "trending 2", ctx("alice"));
    expect(refused).toEqual({ visibility: "ephemeral", tone: "error", text: "You're going a bit fast — try again in 12 seconds." });
    clock.advance(11_000);
    expect((await runCommand(registry, "trending", { count: 1 }, ctx("alice"))).text).toBe("You're going a bit fast — try again in 1 second.");
    clock.advance(1_000);
    expect((await runCommand(registry, "trending", { count: 1 }, ctx("alice"))).papers).toHaveLength(1);
  });

  it("limits each person separately: same id in another workspace or platform is someone else", async () => {
    for (let i = 0; i < 5; i++) await runText(registry, "help", ctx("bob"));
    expect((await runText(registry, "help", ctx("bob"))).text).toMatch(/^You're going a bit fast/);
    expect((await runText(registry, "help", ctx("bob", "slack", "T2"))).text).toMatch(/^papers-bot/);
    expect((await runText(registry, "help", ctx("bob", "discord"))).text).toMatch(/^papers-bot/);
    expect((await runText(registry, "help", ctx("carol"))).text).toMatch(/^papers-bot/);
  });

  it("counts refusals of bad input and unknown commands too, so garbage cannot be sent without limit", async () => {
    for (let i = 0; i < 5; i++) expect((await runCommand(registry, "nope", {}, ctx("dave"))).text).toMatch(/^There is no/);
    expect((await runCommand(registry, "nope", {}, ctx("dave"))).text).toMatch(/^You're going a bit fast/);
  });

  it("lets everyone else through while one person floods", async () => {
    const flood = Array.from({ length: 3_000 }, () => runText(registry, "trending 5", ctx("mallory")));
    const others = Array.from({ length: 4 }, (_, i) => runText(registry, "trending 3", ctx(`quiet-${i}`)));
    const [flooded, answered] = await Promise.all([Promise.all(flood), Promise.all(others)]);
    expect(flooded.filter((r) => r.papers?.length === 5)).toHaveLength(5);
    expect(new Set(flooded.slice(5).map((r) => r.text))).toEqual(new Set(["You're going a bit fast — try again in 12 seconds."]));
    expect(answered.map((r) => r.papers?.length)).toEqual([3, 3, 3, 3]);
    // A refusal does no work: 10,000 more never reach the command (no database round trip each).
    const trending = registry.get("trending")!;
    const run = vi.spyOn(trending, "execute");
    for (let i = 0; i < 10_000; i++) await runCommand(registry, "trending", {}, ctx("mallory"));
    expect(run).not.toHaveBeenCalled();
    await runCommand(registry, "trending", {}, ctx("quiet-0"));
    expect(run).toHaveBeenCalledTimes(1); // the spy does see a command that is let through
    run.mockRestore();
  });

  it("leaves the person at the terminal alone (they own the process)", async () => {
    for (let i = 0; i < 8; i++) expect((await runText(registry, "help", ctx("me", "console"))).text).toMatch(/^papers-bot/);
  });
});
