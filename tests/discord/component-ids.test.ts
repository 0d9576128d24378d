import { describe, expect, it } from "vitest";
import { ComponentIds } from "../../src/adapters/discord/component-ids.ts";

describe("custom ids within Discord's 100 characters", () => {
  it("round-trips paper actions inline", () => {
    const ids = new ComponentIds();
    expect(ids.decode(ids.paper("bookmark", "2403.07816"))).toEqual({ kind: "paper", action: "bookmark", paperId: "2403.07816" });
    expect(ids.decode(ids.paper("share", "t-0123456789ab"))).toEqual({ kind: "paper", action: "share", paperId: "t-0123456789ab" });
  });

  it("parks a long Show more input under a short key, and says when it has expired", () => {
    let now = 0;
    const ids = new ComponentIds(() => now);
    const input = { query: "mixture of experts ".repeat(25), offset: 5, limit: 5 };
    const id = ids.more("search", input);
    expect(id.length).toBeLessThanOrEqual(100);
    expect(ids.decode(id)).toEqual({ kind: "more", command: "search", input });
    now += 2 * 60 * 60_000;
    expect(ids.decode(id)).toEqual({ kind: "expired" });
    expect(new ComponentIds().decode(id)).toEqual({ kind: "expired" }); // after a restart
  });

  it("does not trust ids it did not write", () => {
    const ids = new ComponentIds();
    for (const bad of ["", "zz:1", "m:not json", "m:[1,2]", "pb:", "px:1"]) expect(ids.decode(bad)).toEqual({ kind: "unknown" });
  });
});
