import { describe, expect, it } from "vitest";
import { Coalescer } from "../../src/core/coalesce.ts";

describe("Coalescer (the ledger's group commit)", () => {
  it("writes requests made together as one batch, and later ones in the next", async () => {
    const batches: number[][] = [];
    const c = new Coalescer<number, number>(async (reqs) => { batches.push(reqs); return reqs.map((r) => r * 10); });
    const first = await Promise.all([1, 2, 3].map((n) => c.submit(n)));
    const second = await c.submit(4);
    expect(first).toEqual([10, 20, 30]);
    expect(second).toBe(40);
    expect(batches).toEqual([[1, 2, 3], [4]]);
  });

  it("queues what arrives while a batch is being written for the next one", async () => {
    const batches: number[][] = [];
    let release!: () => void;
    const gate = new Promise<void>((resolve) => { release = resolve; });
    const c = new Coalescer<number, number>(async (reqs) => { batches.push(reqs); if (batches.length === 1) await gate; return reqs; });
    const a = c.submit(1);
    await new Promise((resolve) => setImmediate(resolve));
    await new Promise((resolve) => setImmediate(resolve));
    const rest = [c.submit(2), c.submit(3)];
    release();
    expect(await Promise.all([a, ...rest])).toEqual([1, 2, 3]);
    expect(batches).toEqual([[1], [2, 3]]);
  });

  it("caps a batch at its size", async () => {
    const sizes: number[] = [];
    const c = new Coalescer<number, number>(async (reqs) => { sizes.push(reqs.length); return reqs; }, 4);
    await Promise.all(Array.from({ length: 10 }, (_, i) => c.submit(i)));
    expect(sizes).toEqual([4, 4, 2]);
  });

  it("a failing batch is retried one request at a time, so only the bad request fails", async () => {
    const c = new Coalescer<number, number>(async (reqs) => {
      if (reqs.includes(13)) throw new Error(`cannot write ${reqs.join(",")}`);
      return reqs.map((r) => r + 1);
    });
    const results = await Promise.allSettled([1, 13, 2].map((n) => c.submit(n)));
    expect(results.map((r) => r.status)).toEqual(["fulfilled", "rejected", "fulfilled"]);
    expect((results[1] as PromiseRejectedResult).reason.message).toBe("cannot write 13");
    expect((results[0] as PromiseFulfilledResult<number>).value).toBe(2);
  });
});
