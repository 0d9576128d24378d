// When a digest is due: local time on the local date, across zones and Europe/Berlin's DST changes.
import { describe, expect, it } from "vitest";
import { dueAt, fireTime, nextRun, describeWait, LATE_AFTER_MS } from "../../src/core/digest/schedule.ts";

const berlin = (localTime: string) => ({ localTime, timeZone: "Europe/Berlin" });

describe("dueAt", () => {
  it("is due from the local time on, on the subscriber's local date, in each zone", () => {
    const at = new Date("2025-06-10T07:00:00Z"); // 09:00 Berlin, 03:00 New York, 16:00 Tokyo
    expect(dueAt(berlin("09:00"), at)).toMatchObject({ due: true, localDate: "2025-06-10", late: false });
    expect(dueAt(berlin("09:01"), at).due).toBe(false);
    expect(dueAt({ localTime: "09:00", timeZone: "America/New_York" }, at)).toMatchObject({ due: false, localDate: "2025-06-10" });
    expect(dueAt({ localTime: "09:00", timeZone: "Asia/Tokyo" }, at)).toMatchObject({ due: true, localDate: "2025-06-10", late: true });
    // 23:30 UTC is already tomorrow in Tokyo, and its 09:00 has not come there yet.
    expect(dueAt({ localTime: "09:00", timeZone: "Asia/Tokyo" }, new Date("2025-06-10T23:30:00Z"))).toMatchObject({ due: false, localDate: "2025-06-11" });
  });

  it("marks a digest late once it is more than a few minutes past its time", () => {
    const fire = fireTime("2025-06-10", berlin("09:00"))!;
    expect(dueAt(berlin("09:00"), new Date(fire.getTime() + LATE_AFTER_MS - 60_000)).late).toBe(false);
    expect(dueAt(berlin("09:00"), new Date(fire.getTime() + LATE_AFTER_MS)).late).toBe(true);
  });

  it("fires a time skipped by spring-forward at the first minute after the gap (Berlin, 30 Mar 2025)", () => {
    // 02:00 CET jumps to 03:00 CEST at 01:00 UTC.
    expect(fireTime("2025-03-30", berlin("02:30"))!.toISOString()).toBe("2025-03-30T01:00:00.000Z");
    expect(fireTime("2025-03-30", berlin("01:59"))!.toISOString()).toBe("2025-03-30T00:59:00.000Z");
    expect(fireTime("2025-03-30", berlin("09:00"))!.toISOString()).toBe("2025-03-30T07:00:00.000Z");
    expect(dueAt(berlin("02:30"), new Date("2025-03-30T00:59:00Z")).due).toBe(false);
    expect(dueAt(berlin("02:30"), new Date("2025-03-30T01:00:00Z")).due).toBe(true);
    // The day before and after keep their usual offsets.
    expect(fireTime("2025-03-29", berlin("09:00"))!.toISOString()).toBe("2025-03-29T08:00:00.000Z");
    expect(fireTime("2025-03-31", berlin("02:30"))!.toISOString()).toBe("2025-03-31T00:30:00.000Z");
  });

  it("fires a repeated hour once, at its first occurrence (Berlin, 26 Oct 2025)", () => {
    // 03:00 CEST falls back to 02:00 CET at 01:00 UTC: 02:30 happens at 00:30 and 01:30 UTC.
    expect(fireTime("2025-10-26", berlin("02:30"))!.toISOString()).toBe("2025-10-26T00:30:00.000Z");
    const first = dueAt(berlin("02:30"), new Date("2025-10-26T00:30:00Z"));
    const second = dueAt(berlin("02:30"), new Date("2025-10-26T01:30:00Z"));
    // Both say "today is the 26th": the ledger keys on that date, so the second occurrence finds it taken.
    expect(first).toMatchObject({ due: true, localDate: "2025-10-26" });
    expect(second).toMatchObject({ due: true, localDate: "2025-10-26", late: true });
    expect(fireTime("2025-10-26", berlin("09:00"))!.toISOString()).toBe("2025-10-26T08:00:00.000Z");
  });

  it("walks minute by minute over both DST days without skipping or doubling a day", () => {
    for (const [from, days] of [["2025-03-28T00:00:00Z", 4], ["2025-10-24T00:00:00Z", 4]] as const) {
      const dueDays = new Set<string>();
      let firstDueCount = 0;
      const wasDue = new Map<string, boolean>();
      for (let t = Date.parse(from); t < Date.parse(from) + days * 86_400_000; t += 5 * 60_000) {
        for (const time of ["02:30", "09:00"]) {
          const check = dueAt(berlin(time), new Date(t));
          const k = `${time}@${check.localDate}`;
          if (check.due && !wasDue.get(k)) { firstDueCount++; dueDays.add(k); }
          wasDue.set(k, check.due || (wasDue.get(k) ?? false));
        }
      }
      // Each local day between the start and the end becomes due exactly once per time.
      expect(firstDueCount).toBe(dueDays.size);
      expect([...dueDays].filter((k) => k.startsWith("02:30")).length).toBeGreaterThanOrEqual(days - 1);
      expect([...dueDays].filter((k) => k.startsWith("09:00")).length).toBeGreaterThanOrEqual(days - 1);
    }
  });
});

describe("nextRun", () => {
  it("is today when the time is ahead, tomorrow when it passed or today's digest is done", () => {
    const now = new Date("2025-06-10T20:00:00Z"); // 22:00 Berlin
    expect(nextRun(berlin("09:00"), now, () => false)).toMatchObject({ localDate: "2025-06-11", today: false });
    expect(nextRun(berlin("23:00"), now, () => false)).toMatchObject({ localDate: "2025-06-10", today: true });
    expect(nextRun(berlin("23:00"), now, (date) => date === "2025-06-10")).toMatchObject({ localDate: "2025-06-11", today: false });
    expect(describeWait(nextRun(berlin("09:00"), now, () => false).at.getTime() - now.getTime())).toBe("in 11 h");
    expect(describeWait(25 * 60_000)).toBe("in 25 min");
  });

  it("passes over a date the ledger has already (a zone moved west), and says which", () => {
    const now = new Date("2025-03-11T06:30:00Z"); // 23:30 on 10 March in Los Angeles
    const la = { localTime: "09:00", timeZone: "America/Los_Angeles" };
    expect(nextRun(la, now, (date) => date === "2025-03-11")).toMatchObject({ localDate: "2025-03-12", wentOut: ["2025-03-11"] });
    expect(nextRun(la, now, () => false)).toMatchObject({ localDate: "2025-03-11", wentOut: [] });
  });
});
