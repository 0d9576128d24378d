// A personal digest end to end on Slack: the slash command through real Bolt reads the person's zone with
// users.info, and the digest tick opens their DM (conversations.open) and posts there once per local day.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runDigestTick } from "../../src/core/digest/tick.ts";
import { fastRetry } from "../digest/support.ts";
import { startHarness, type SlackHarness } from "./harness.ts";

let h: SlackHarness;
beforeAll(async () => { h = await startHarness(); });
afterAll(async () => { await h.close(); });

describe("subscribe me on Slack", () => {
  it("uses the person's Slack time zone and sends one DM digest per local day", async () => {
    h.emulator.userZones.set("U0ALICE", "Asia/Tokyo");
    const id = h.nextResponseId();
    await h.requester.command("subscribe me 08:30", h.emulator.responseUrl(id));
    const [answer] = await h.emulator.waitFor(() => { const r = h.emulator.responsesTo(id); return r.length ? r : null; });
    expect(JSON.stringify(answer)).toMatch(/08:30 Asia\/Tokyo/);
    expect(h.emulator.okCalls("users.info")[0]!.params).toMatchObject({ user: "U0ALICE" });
    const tick = (at: string) => runDigestTick(h.services, new Map([["slack", h.slack.transport]]), new Date(at), { retry: fastRetry });
    // 08:30 in Tokyo is 23:30 UTC the day before.
    expect((await tick("2030-03-11T23:29:00Z")).channels).toEqual([]);
    const report = await tick("2030-03-11T23:30:00Z");
    expect(report.channels).toMatchObject([{ outcome: "posted", localDate: "2030-03-12" }]);
    expect(h.emulator.okCalls("conversations.open")[0]!.params).toMatchObject({ users: "U0ALICE" });
    const dms = () => h.emulator.messages.filter((m) => m.channel === "DU0ALICE");
    expect(dms().length).toBeGreaterThan(1);
    expect(dms()[0]!.text).toMatch(/Your papers for/);
    const count = dms().length;
    await tick("2030-03-11T23:31:00Z");
    await tick("2030-03-12T10:00:00Z");
    expect(dms()).toHaveLength(count);
  });

  // A channel digest without a zone: "09:00" is the subscriber's 09:00 (as Slack's /remind reads a time),
  // from their profile; a zone typed wins.
  it("a channel digest without a zone takes the subscriber's Slack zone", async () => {
    h.emulator.userZones.set("U0ALICE", "Europe/Berlin");
    const ask = async (text: string) => {
      const id = h.nextResponseId();
      await h.requester.command(text, h.emulator.responseUrl(id));
      const [answer] = await h.emulator.waitFor(() => { const r = h.emulator.responsesTo(id); return r.length ? r : null; });
      return JSON.stringify(answer);
    };
    expect(await ask("subscribe 09:00 mixture of experts")).toMatch(/09:00 Europe\/Berlin/);
    const stored = async () => (await h.services.subscriptions.all()).find((s) => s.channelId === "C0GENERAL" && s.cadence === "daily")?.timeZone;
    expect(await stored()).toBe("Europe/Berlin");
    expect(await ask("subscribe 09:00 America/New_York")).toMatch(/09:00 America\/New_York/);
    expect(await stored()).toBe("America/New_York");
  });
});
