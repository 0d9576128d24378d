// A digest falls due by each process's own clock (its lease is judged on the database's): a process whose
// clock is off the database's says so at start-up (app/clock-check.ts). PostgreSQL has a clock of its own to
// compare with; SQLite has none.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { clockSkewMs, warnOfClockSkew } from "../../src/app/clock-check.ts";
import { createTestServices, type TestServices } from "../support/services.ts";

let services: TestServices;
let offset = 0; // what this process's clock is set ahead of the real one, in ms
beforeAll(async () => { services = await createTestServices({ clock: () => new Date(Date.now() + offset) }); });
afterAll(async () => { await services?.close(); });

const warnings = () => services.logs.lines.filter((line) => line.includes("clock is"));

describe("the start-up clock check", () => {
  it("on PostgreSQL warns of a clock 70 s ahead of the database's, naming NTP, and is quiet when the clocks agree", async () => {
    offset = 0;
    await warnOfClockSkew(services);
    expect(warnings()).toEqual([]);
    offset = 70_000;
    const skew = await clockSkewMs(services);
    if (services.provider === "sqlite") {
      expect(skew).toBeNull(); // one machine's clock: nothing apart to compare with
      await warnOfClockSkew(services);
      expect(warnings()).toEqual([]);
      return;
    }
    expect(Math.abs(skew! - 70_000)).toBeLessThan(2_000);
    await warnOfClockSkew(services);
    const [line] = warnings();
    expect(JSON.parse(line!)).toMatchObject({ level: "warn", skewSeconds: 70 });
    expect(line).toContain("this machine's clock is 70 s ahead of the database's, so this process may post digests 70 s early");
    expect(line).toContain("(NTP)");
    expect(line).not.toContain("lease"); // no longer a risk of skew: leases are judged on the database's clock
    offset = -30_000;
    await warnOfClockSkew(services);
    expect(warnings().at(-1)).toContain("30 s behind the database's, so this process may post digests 30 s late");
  });
});
