// The reading list, through the same commands and buttons every platform uses.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { handlePaperAction } from "../../src/command-kit/interactions.ts";
import { BOOKMARKS_PAGE_SIZE } from "../../src/commands/bookmarks.ts";
import type { TestServices } from "../support/services.ts";
import { bookmarkInOrder, contextFor, person, registry, run, say, setup, teardown } from "./support.ts";

let services: TestServices;
let ids: string[];
beforeAll(async () => {
  services = await setup();
  ids = (await services.papers.trending())!.ids;
});
afterAll(() => teardown(services));

describe("/papers bookmarks", () => {
  it("tells someone with no bookmarks, in one sentence, how to bookmark", async () => {
    const reply = await say(services, person("U-empty"), "bookmarks");
    expect(reply.tone).toBe("info");
    expect(reply.text).toMatch(/🔖/);
    expect(reply.text).toMatch(/Bookmark/);
    expect(reply.text.split(/(?<=[.!?])\s/).length).toBe(1);
    expect(reply.papers ?? []).toHaveLength(0);
  });

  it("pages the list newest first, with Show more until the last page", async () => {
    const reader = person("U-pager");
    const saved = ids.slice(0, 12);
    await bookmarkInOrder(services, reader, saved);
    const newestFirst = [...saved].reverse();

    const first = await say(services, reader, "bookmarks");
    expect(first.papers!.map((p) => p.id)).toEqual(newestFirst.slice(0, BOOKMARKS_PAGE_SIZE));
    expect(first.text).toContain("of 12");
    expect(first.actions).toEqual(expect.arrayContaining(["markRead", "unbookmark"]));
    expect(first.more).toEqual({ command: "bookmarks", input: { page: 2 } });

    // "Show more" is the same command with the next page, as an adapter would run it.
    const second = await run(services, reader, first.more!.command, first.more!.input);
    expect(second.papers!.map((p) => p.id)).toEqual(newestFirst.slice(5, 10));
    const third = await say(services, reader, "bookmarks 3");
    expect(third.papers!.map((p) => p.id)).toEqual(newestFirst.slice(10));
    expect(third.more).toBeUndefined();
    // Typed the way Discord names the option, or in words: the page too, not a search for "page:2".
    for (const text of ["bookmarks page:2", "bookmarks page 2"]) expect((await say(services, reader, text)).papers!.map((p) => p.id), text).toEqual(newestFirst.slice(5, 10));
  });

  it("marks a bookmark read and removes one from the list itself", async () => {
    const reader = person("U-manager");
    await bookmarkInOrder(services, reader, ids.slice(0, 3));
    const before = await say(services, reader, "bookmarks");
    expect(before.papers!.every((p) => p.readAt === null)).toBe(true);
    const [top, second] = before.papers!;

    const ctx = contextFor(services, reader);
    expect((await handlePaperAction(ctx, registry, "markRead", top!.id)).text).toMatch(/read/);
    expect((await handlePaperAction(ctx, registry, "unbookmark", second!.id)).text).toMatch(/Removed/);

    const after = await say(services, reader, "bookmarks");
    expect(after.papers!.map((p) => p.id)).toEqual([top!.id, before.papers![2]!.id]);
    expect(after.papers![0]!.readAt).toBeInstanceOf(Date);
    expect(after.papers![1]!.readAt).toBeNull();
    expect(after.text).toContain("of 2");
  });

  it("answers a page past the end, or not a page, with one sentence naming a page that exists", async () => {
    const reader = person("U-range");
    await bookmarkInOrder(services, reader, ids.slice(0, 6));
    const past = await say(services, reader, "bookmarks 9");
    expect(past.tone).toBe("error");
    expect(past.text).toBe("Your reading list has 2 pages; try /papers bookmarks 2.");
    // Words that are not a number search inside the list instead (notes-and-search.test.ts).
    for (const bad of ["bookmarks 0", "bookmarks -1", "bookmarks 1.5"]) {
      const reply = await say(services, reader, bad);
      expect(reply.tone, bad).toBe("error");
      expect(reply.text, bad).toMatch(/page is a number/);
      expect(reply.text).not.toMatch(/\n|at .*\.ts/);
    }
    expect((await say(services, reader, "bookmarks 1 2")).text).toMatch(/didn't expect "2"/);
  });

  it("keeps each person's list to themselves, per workspace and per platform", async () => {
    const ada = person("U-ada", "T-acme"), adaElsewhere = person("U-ada", "T-other"), bob = person("U-bob", "T-acme");
    const adaOnDiscord = person("U-ada", "T-acme", "discord");
    await bookmarkInOrder(services, ada, [ids[0]!, ids[1]!]);
    await bookmarkInOrder(services, adaElsewhere, [ids[2]!]);
    await bookmarkInOrder(services, bob, [ids[3]!]);
    expect((await say(services, ada, "bookmarks")).papers!.map((p) => p.id)).toEqual([ids[1], ids[0]]);
    expect((await say(services, adaElsewhere, "bookmarks")).papers!.map((p) => p.id)).toEqual([ids[2]]);
    expect((await say(services, bob, "bookmarks")).papers!.map((p) => p.id)).toEqual([ids[3]]);
    expect((await say(services, adaOnDiscord, "bookmarks")).papers ?? []).toHaveLength(0);
    // Removing from one workspace's list leaves the other's alone.
    await handlePaperAction(contextFor(services, adaElsewhere), registry, "unbookmark", ids[2]!);
    await handlePaperAction(contextFor(services, bob), registry, "unbookmark", ids[0]!);
    expect((await say(services, ada, "bookmarks")).papers!.map((p) => p.id)).toEqual([ids[1], ids[0]]);
  });
});

describe("/papers bookmarks add|read|unread|remove (typed, for the terminal)", () => {
  it("manages the list by typing, with the same effect as the buttons", async () => {
    const reader = person("U-typist", "local", "console");
    expect((await say(services, reader, `bookmarks add ${ids[0]}`)).text).toMatch(/^🔖 Bookmarked/);
    expect((await say(services, reader, `bookmarks add ${ids[0]}`)).text).toMatch(/already in your bookmarks/);
    await new Promise((r) => setTimeout(r, 5));
    await say(services, reader, `bookmarks add ${ids[1]}`);
    expect((await say(services, reader, `bookmarks read ${ids[0]}`)).text).toMatch(/^Marked .* as read\.$/);
    let list = await say(services, reader, "bookmarks");
    expect(list.text).toContain("1 unread");
    expect(list.papers!.map((p) => [p.id, p.readAt instanceof Date])).toEqual([[ids[1], false], [ids[0], true]]);
    // Read again: said so, and the date it was read stays the first one.
    const readAt = list.papers![1]!.readAt;
    await new Promise((r) => setTimeout(r, 5));
    expect((await say(services, reader, `bookmarks read ${ids[0]}`)).text).toMatch(/ is already marked as read\.$/);
    expect((await say(services, reader, "bookmarks")).papers![1]!.readAt).toEqual(readAt);
    expect((await say(services, reader, `bookmarks unread ${ids[0]}`)).text).toMatch(/^Marked .* as unread\.$/);
    expect((await say(services, reader, `bookmarks unread ${ids[0]}`)).text).toMatch(/ is already marked as unread\.$/);
    expect((await say(services, reader, `bookmarks remove ${ids[1]}`)).text).toMatch(/^Removed/);
    list = await say(services, reader, "bookmarks");
    expect(list.papers!.map((p) => [p.id, p.readAt])).toEqual([[ids[0], null]]);
  });

  it("answers each mistake with one sentence", async () => {
    const reader = person("U-typist", "local", "console");
    const cases: [string, RegExp][] = [
      ["bookmarks read", /^Say which paper, by its number in your last list or its id, like \/papers bookmarks read 2 or \/papers bookmarks remove 2\./],
      ["bookmarks remove 9999.99999", /^I don't know a paper "9999\.99999"/],
      [`bookmarks read ${ids[7]}`, /is not in your bookmarks; add it with \/papers bookmark /],
    ];
    for (const [text, expected] of cases) {
      const reply = await say(services, reader, text);
      expect(reply.tone, text).toBe("error");
      expect(reply.text, text).toMatch(expected);
    }
  });
});
