import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { z } from "zod";
import { createRegistry } from "../../src/commands/index.ts";
import { runCommand, runText } from "../../src/command-kit/dispatch.ts";
import { CommandRegistry } from "../../src/command-kit/registry.ts";
import { defineCommand, type CommandContext } from "../../src/command-kit/command.ts";
import { createTestServices, type TestServices } from "../support/services.ts";
import { plainTyped } from "../../src/core/messages/typed.ts";

let services: TestServices;
let ctx: CommandContext;
const registry = createRegistry();
beforeAll(async () => {
  services = await createTestServices();
  ctx = { services, user: { platform: "console", workspaceId: "w", userId: "u" }, channel: { platform: "console", workspaceId: "w", channelId: "c" },
    canManageChannel: false, now: new Date("2025-03-11T09:00:00Z") };
});
afterAll(async () => { await services.close(); });

/** One sentence a person can act on: no stack frames, no error class names, no line breaks. */
function expectOneSentence(text: string) {
  expect(text).not.toMatch(/\n|\bat .*:\d+|Error:|undefined|\[object/);
  expect(text.length).toBeLessThan(300);
}

describe("free text after /papers", () => {
  it("is help when empty", async () => {
    const reply = await runText(registry, "   ", ctx);
    expect(reply.text).toMatch(/^papers-bot keeps your team/);
    expect(reply.text).toContain("/papers trending [count]");
    // Help asked for as other tools take it, not a search for "--help" (papers mention it).
    for (const asked of ["--help", "-h", "?"]) expect((await runText(registry, asked, ctx)).text, asked).toMatch(/^papers-bot keeps your team/);
  });

  it("picks a command by its first word, case-insensitively", async () => {
    const reply = await runText(registry, "TRENDING 3", ctx);
    expect(reply.papers?.map((p) => p.rank)).toEqual([1, 2, 3]);
    expect(reply.papers?.[0]?.title).toBe("Value Gradient weighted Model-Based Reinforcement Learning");
    expect(reply.more).toEqual({ command: "trending", input: { count: 3, offset: 3 } });
    // Punctuation after the name is a slip: the command, not a search for "trending," (a paper has that word).
    expect((await runText(registry, "trending,", ctx)).text).toMatch(/^Trending papers/);
    expect((await runText(registry, "Help.", ctx)).text).toMatch(/^papers-bot keeps your team/);
    expect((await runText(registry, "help trending!", ctx)).text).toMatch(/^\/papers trending \[count\]/);
  });

  it("lists only the trending papers about a topic, in the list's order, with the count first or last", async () => {
    const first = await runText(registry, "trending 50", ctx);
    const all = [...first.papers!, ...(await runCommand(registry, "trending", first.more!.input, ctx)).papers!].map((p) => p.title);
    const about = await runText(registry, "trending moe", ctx);
    expect(plainTyped(about.text)).toMatch(/^Trending papers about "moe", \d{4}-\d\d-\d\d \(1–5 of 7\):$/);
    const titles = about.papers!.map((p) => p.title);
    expect(titles.every((t) => /experts|moe/i.test(t))).toBe(true);
    expect(titles).toEqual(all.filter((t) => titles.includes(t))); // the list's order
    expect(about.papers!.map((p) => p.rank)).toEqual([1, 2, 3, 4, 5]); // numbered as shown: "bookmark 2" is the second
    expect(about.more).toEqual({ command: "trending", input: { count: 5, topic: "moe", offset: 5 } });
    expect((await runCommand(registry, "trending", about.more!.input, ctx)).papers!.map((p) => p.rank)).toEqual([6, 7]);
    for (const text of ["trending 2 moe", "trending moe 2"]) {
      expect((await runText(registry, text, ctx)).papers!.map((p) => p.title), text).toEqual(titles.slice(0, 2));
    }
    // A number after the topic is its own where a trending paper says the two together ("Llama 3"): the topic.
    const llama3 = await runText(registry, "trending llama 3", ctx);
    expect(plainTyped(llama3.text)).toMatch(/^Trending papers about "llama 3", \S+ \(1–5 of 5\):$/);
    expect((await runText(registry, "trending llama 2", ctx)).papers!.length).toBe(3); // Llama 2's, not two llamas
    expect((await runText(registry, "trending 10 llama 3", ctx)).papers!.length).toBe(5);
    // A word read as another is named, as /papers search names it.
    expect(plainTyped((await runText(registry, "trending reinforcment", ctx)).text)).toMatch(/^Trending papers about "reinforcment" \("reinforcment" read as "reinforcement"\), /);
    const none = await runText(registry, "trending zorblax", ctx);
    expect(plainTyped(none.text)).toMatch(/^None of the \d+ trending papers of \S+ is about "zorblax" \(no paper mentions "zorblax"\); search every paper with \/papers zorblax\.$/);
    // Only common words name no topic: the whole list.
    for (const text of ["trending today", "trending papers please", "trending 3 today"]) {
      expect((await runText(registry, text, ctx)).text, text).toMatch(/^Trending papers, \S+ \(1–\d of \d+\):$/);
    }
    // Words like "the" were meant as a topic and name none: said so, not the whole list as if all matched.
    expect(plainTyped((await runText(registry, "trending of the", ctx)).text)).toBe(
      '"of the" has no word specific enough for a topic; try a few keywords, like /papers trending 10 mixture of experts, or leave the topic out for every trending paper.');
    // So is a topic of no word at all, dropped in silence before.
    expect(plainTyped((await runText(registry, "trending 🔥", ctx)).text)).toMatch(/^"🔥" has no word specific enough for a topic; .*leave the topic out/);
    expect(plainTyped((await runText(registry, "trending -survey", ctx)).text)).toBe(
      '"-survey" only says what to leave out; add what to look for, like /papers trending 10 mixture of experts -survey.');
    expect((await runText(registry, "trending 10 mixture of experts -survey", ctx)).papers!.every((p) => !/survey/i.test(p.title))).toBe(true);
  });

  it("takes options typed by name, as help and Discord name them, beside the other words", async () => {
    expect((await runText(registry, "trending count:3", ctx)).papers).toHaveLength(3);
    const topical = await runText(registry, "trending count:2 topic:mixture of experts", ctx);
    expect(plainTyped(topical.text)).toMatch(/^Trending papers about "mixture of experts", \S+ \(1–2 of \d+\):$/);
    expect(plainTyped((await runText(registry, "trending topic:moe 2", ctx)).text)).toMatch(/about "moe 2"/); // the topic takes the words after it
    expect((await runText(registry, "similar id:1", ctx)).text).toMatch(/^More like “/);
    expect(plainTyped((await runText(registry, "search query:mixture of experts", ctx)).text)).toMatch(/^Papers for "mixture of experts"/);
    // The words option and a number count anywhere, as on Discord; "topic:" alone gives no topic.
    expect(plainTyped((await runText(registry, "trending 2 topic:moe", ctx)).text)).toMatch(/^Trending papers about "moe", \S+ \(1–2 of \d+\):$/);
    expect(plainTyped((await runText(registry, "trending moe count:2", ctx)).text)).toMatch(/^Trending papers about "moe", \S+ \(1–2 of \d+\):$/);
    expect((await runText(registry, "trending topic:", ctx)).text).toMatch(/^Trending papers, \S+ \(1–5 of \d+\):$/);
    // After a plain word another name is that word's text: a note may say "paper:2".
    const noter = { ...ctx, user: { ...ctx.user, userId: "U-noter" } };
    await runText(registry, "moe", noter);
    await runText(registry, "bookmark 1", noter);
    expect((await runText(registry, "note 1 compare with paper:2", noter)).text).toMatch(/^📝 Saved your note on/);
    expect((await services.bookmarks.list(noter.user)).entries[0]?.note).toBe("compare with paper:2");
    await runText(registry, "note 1 text:read the ablations", noter);
    expect((await services.bookmarks.list(noter.user)).entries[0]?.note).toBe("read the ablations");
    // Once the note has begun, "text:" is a word of it: nothing before it is lost.
    await runText(registry, "note 1 Full text: appendix B has the routing ablation", noter);
    expect((await services.bookmarks.list(noter.user)).entries[0]?.note).toBe("Full text: appendix B has the routing ablation");
    await runText(registry, "note 1 compare with their main text:fig 2 first", noter);
    expect((await services.bookmarks.list(noter.user)).entries[0]?.note).toBe("compare with their main text:fig 2 first");
  });

  it("answers bad input with one sentence that says what to type", async () => {
    for (const text of ["trending 0", "trending 999", "trending 3 4", "paper", "paper 9999.99999"]) {
      const reply = await runText(registry, text, ctx);
      expect(reply.tone, text).toBe("error");
      expectOneSentence(reply.text);
    }
    expect((await runText(registry, "trending 3 4", ctx)).text).toBe("The count is one number from 1 to 50, like /papers trending 10.");
    // A count is typed in digits: what else Number() reads (hex, exponents, binary, "5.0") is no count a person meant.
    for (const text of ["trending 0x10", "trending 1e1", "trending 0b11", "trending 5.0"]) {
      expect((await runText(registry, text, ctx)).text, text).toBe("The count is one number from 1 to 50, like /papers trending 10.");
    }
    expect((await runText(registry, "trending 07", ctx)).papers, "07").toHaveLength(7);
    // Shaped like an arXiv id but none can be: said so, not "search for 9999.99999" (a search of it lands here again).
    for (const text of ["paper 9999.99999", "2503.0409", "search 2503.0409"]) {
      expect(plainTyped((await runText(registry, text, ctx)).text), text).toMatch(/^"\d{4}\.\d+" is no arXiv id: .*like 2503\.04094; check it, or search for the paper by its words, like \/papers <words>\.$/);
    }
  });

  it("says a search of only words to leave out needs something to look for", async () => {
    for (const text of ["-survey", "search -survey -moe", "-survey OR -moe", '-survey -""']) {
      const reply = await runText(registry, text, ctx);
      expect(reply.papers ?? [], text).toEqual([]);
      expect(plainTyped(reply.text)).toMatch(/^".*-survey.*" only says what to leave out; add what to look for, like \/papers mixture of experts -survey\.$/);
    }
    // Empty quotes leave out nothing: a search of them has no word to look for.
    expect(plainTyped((await runText(registry, '-""', ctx)).text)).toMatch(/has no word specific enough to search for/);
    const titles = ((await runText(registry, "moe -survey", ctx)).papers ?? []).map((p) => p.title);
    expect(titles.length).toBeGreaterThan(0);
    expect(titles.filter((t) => /survey/i.test(t))).toEqual([]);
    // Leaving out what every match has is said so, not "no match"; a stopword leaves out nothing.
    expect(plainTyped((await runText(registry, "moe -experts", ctx)).text))
      .toMatch(/^All \d+ papers about "moe" have "experts", which the minus leaves out; search without it to see them\.$/);
    const ids = async (text: string) => ((await runText(registry, text, ctx)).papers ?? []).map((p) => p.id);
    expect(await ids("-the moe")).toEqual(await ids("moe"));
  });

  it("answers a quoted phrase no paper has word for word with the papers that have its words, saying so", async () => {
    const reply = await runText(registry, '"mixture of expert routers"', ctx);
    expect(plainTyped(reply.text)).toMatch(/^No paper has "mixture of expert routers" word for word; papers with its words \(1–/);
    expect(reply.papers!.length).toBeGreaterThan(0);
    const exact = await runText(registry, '"mixture of experts"', ctx);
    expect(plainTyped(exact.text)).toMatch(/^Papers for "mixture of experts" \(1–/);
    // Quotes inside what is echoed: curly ones around it, so the two pairs read apart.
    expect(plainTyped((await runText(registry, '"mixture of experts" -survey', ctx)).text)).toMatch(/^Papers for “"mixture of experts" -survey” \(1–/);
    expect(plainTyped((await runText(registry, '"mixture of experts" "routing"', ctx)).text)).toMatch(/^Papers for “"mixture of experts" "routing"” \(1–/);
  });

  it("says a search of only common words names no topic, instead of listing every paper", async () => {
    for (const text of ["the of and", "show me papers", "a", "🚀", "?!"]) {
      const reply = await runText(registry, text, ctx);
      expect(reply.papers ?? [], text).toEqual([]);
      expect(plainTyped(reply.text)).toBe(`"${text}" has no word specific enough to search for; try a topic, like /papers mixture of experts, or see /papers trending for what's new.`);
    }
    expect((await runText(registry, "the mixture of experts", ctx)).papers?.length).toBeGreaterThan(0);
  });

  it("quotes a hint's placeholder brackets typed by a person as nothing special, in one sentence", async () => {
    for (const text of ["paper ⟦[x]⟧", "trending 5 ⟦[1,2]⟧", 'paper ⟦["search",[["query","pwned"]]]⟧']) {
      const reply = await runText(registry, text, ctx);
      expect(reply.text, text).not.toMatch(/^Sorry, something went wrong/);
      expect(reply.text, text).not.toMatch(/⟦|\/papers pwned/); // quoted as typed, never expanded into a hint
      expectOneSentence(reply.text);
    }
  });

  it("refuses 10 kB of text without searching", async () => {
    const reply = await runText(registry, "moe ".repeat(2560), ctx);
    expect(reply.tone).toBe("error");
    expect(reply.text).toBe("That's 10,239 characters; keep a search under 500. Try a few keywords, like /papers mixture of experts.");
    // A command's text is held to the command's own limit for its words, where it has one (a note's 500, not the
    // 2,000 any command reads, which would send a note of 1,999 characters back again), and gets no search advice.
    expect((await runText(registry, `note 1 ${"x".repeat(2100)}`, ctx)).text)
      .toBe("That's 2,107 characters; /papers note takes up to 500 characters for its text; nothing was done, so shorten it and try again.");
    expect((await runText(registry, `export ${"x".repeat(2100)}`, ctx)).text).toMatch(/^That's 2,107 characters; \/papers export takes up to 2,000 characters; nothing was done/);
    expect((await runText(registry, `search ${"moe ".repeat(600)}`, ctx)).text).toMatch(/^That's 2,406 characters; keep a search under 500\. Try a few keywords/);
    expect((await runText(registry, "moe ".repeat(490), ctx)).text).toMatch(/^Keep the search under 500 characters/);
  });

  it("answers a search typed with a command-line flag by naming the flag, not as a search for it", async () => {
    const said = async (text: string) => { const reply = await runText(registry, text, ctx); expect(reply.papers, text).toBeUndefined(); return plainTyped(reply.text); };
    // Searched for, "--limit 3" made "moe" read as a topic nothing is about ("No papers are about …").
    expect(await said("moe --limit 3")).toBe('"--limit" reads as a command-line option; here a search takes words only and lists its papers a page at a time (typing "more" shows the next), so try /papers moe.');
    expect(await said("search --json=true world model")).toMatch(/^"--json=true" reads as a command-line option; .* so try \/papers world model\.$/);
    expect(await said("--json")).toMatch(/so try \/papers mixture of experts\.$/);
    // A minus word, a lone "--" and help asked for with --help are what they were.
    expect((await runText(registry, "moe -survey", ctx)).papers?.length).toBeGreaterThan(0);
    expect((await runText(registry, "--help", ctx)).text).toMatch(/^papers-bot keeps your team/);
  });

  it("points a typo at the command that was meant", async () => {
    const reply = await runText(registry, "trendin 5", ctx);
    expect(plainTyped(reply.text)).toBe("There is no /papers trendin; did you mean /papers trending? Type /papers help for all commands.");
    expect((await runText(registry, "bookmark2", ctx)).text).toMatch(/did you mean \/papers bookmark 2\?/);
    // Two letters swapped, and a typo the search's own typo fallback would read as a word papers have.
    for (const [typed, meant] of [["subscirbe 09:00", "subscribe"], ["trendign", "trending"], ["bookamrk 1", "bookmark"], ["simlar 1", "similar"], ["similiar 1", "similar"]] as const) {
      expect(plainTyped((await runText(registry, typed, ctx)).text), typed).toMatch(new RegExp(`^There is no /papers ${typed.split(" ")[0]}; did you mean /papers ${meant}\\?`));
    }
  });

  it("explains one command: /papers help <command>, or the command followed by help", async () => {
    for (const text of ["help subscribe", "subscribe help", "help /papers subscribe", "SUBSCRIBE --help"]) {
      const reply = await runText(registry, text, ctx);
      expect(reply.text, text).toMatch(/^\/papers subscribe .*\n.*\.\nOptions:\n• /);
    }
    // Every command about one paper writes its argument alike.
    for (const name of ["bookmark", "unbookmark", "paper", "note", "not-interested"]) {
      expect((await runText(registry, `${name} help`, ctx)).text, name).toMatch(new RegExp(`^/papers ${name} <number or id>`));
    }
    // Similar takes words about a paper too, as its usage line says; its option says so.
    expect((await runText(registry, "help similar", ctx)).text).toContain("• id: Number in your last list, the paper's id or arXiv link, or words about it");
    // A range the description already says is not said twice.
    const subscribe = (await runText(registry, "help subscribe", ctx)).text;
    expect(subscribe).not.toMatch(/\(1–20[^)]*\) \(1–20\)/);
    expect(subscribe).toContain("• ranked (optional): Order: trending (default) or team\n");
    // One pair of brackets, where the description ends in its own.
    expect((await runText(registry, "help bookmarks", ctx)).text).toContain("• page (optional): Which page (5 per page; 1–10000)\n");
    expect((await runText(registry, "help export", ctx)).text).toMatch(/\(bibtex, markdown\)|bibtex.*markdown/);
    expect(plainTyped((await runText(registry, "help frobnicate", ctx)).text)).toBe("There is no /papers frobnicate command; /papers help lists them all.");
    // Asking for papers in plain words after "help": how to search for them, with their topic.
    expect(plainTyped((await runText(registry, "help me find moe papers please", ctx)).text)).toBe(
      "There is no /papers me command; /papers help lists them all. To find papers, type the topic after /papers, like /papers moe.");
    expect(plainTyped((await runText(registry, "help with mixture of experts", ctx)).text)).toMatch(/like \/papers mixture of experts\.$/);
    // A lone word: the command one typo away, or the search where papers are about it.
    expect(plainTyped((await runText(registry, "help subscrbe", ctx)).text)).toBe("There is no /papers subscrbe command; did you mean /papers help subscribe?");
    expect(plainTyped((await runText(registry, "help moe", ctx)).text)).toMatch(/; \/papers help lists them all\. To find papers, type the topic after \/papers, like \/papers moe\.$/);
    expect((await runText(registry, "help not interested", ctx)).text).toMatch(/^\/papers not-interested /);
    expect((await runText(registry, "help", ctx)).text).toContain("/papers help <command> explains one command.");
  });

  it("drops the invisible marks that reorder text before echoing a query", async () => {
    const reply = await runText(registry, "\u202emoe\u2066", ctx);
    expect(plainTyped(reply.text)).toMatch(/^Papers for "moe" /);
    // And from an option as Discord sends it: a bell and a terminal colour code are not echoed.
    const option = await runCommand(registry, "search", { query: "\u0007\u001b[31mzzqx" }, ctx);
    expect(plainTyped(option.text)).toMatch(/^No papers match "\s*\[31mzzqx"/);
    expect(option.text).not.toMatch(/[\u0000-\u001f]/);
  });

  it("says a personal digest comes to the terminal session itself, which has no direct messages", async () => {
    const reply = await runText(registry, "subscribe me 08:30 UTC", { ...ctx, user: { ...ctx.user, userId: "u-own" } });
    expect(plainTyped(reply.text)).toMatch(/^You'll get your own papers here every day at 08:30 UTC/);
  });

  it("takes two words for a hyphenated command: not interested 1", async () => {
    // The same sentence as bookmark, similar and paper give for the same mistake.
    expect((await runText(registry, "not interested", ctx)).text).toBe("Say which paper: its number in the last list, like /papers not-interested 2, or its id or link.");
  });
});

describe("command names however they were typed", () => {
  it("reads a one-word name typed as two words, full-width letters, a zero-width space before it and full-width digits", async () => {
    const answer = async (text: string) => plainTyped((await runText(registry, text, ctx)).text);
    expect(await answer("for you")).toBe(await answer("foryou"));
    expect(await answer("For You")).toBe(await answer("foryou"));
    expect(await answer("ｔｒｅｎｄｉｎｇ 2")).toBe(await answer("trending 2"));
    expect(await answer("\u200btrending 2")).toBe(await answer("trending 2"));
    await runText(registry, "trending 3", ctx);
    expect(await answer("paper ２")).toBe(await answer("paper 2"));
  });
});

describe("runCommand", () => {
  it("checks the channel permission before running", async () => {
    let ran = false;
    const guarded = new CommandRegistry([defineCommand({ data: { name: "guarded", description: "d", usage: "guarded", options: z.object({}),
      permission: "manageChannel" }, async execute() { ran = true; return { visibility: "ephemeral", text: "ok" }; } })]);
    const reply = await runCommand(guarded, "guarded", {}, ctx);
    expect(reply.text).toBe("Only people who can manage this channel can change its digest; ask a channel admin.");
    expect(ran).toBe(false);
    expect((await runCommand(guarded, "guarded", {}, { ...ctx, canManageChannel: true })).text).toBe("ok");
  });

  it("turns a crash into an apology with a reference, and logs it", async () => {
    const crashing = new CommandRegistry([defineCommand({ data: { name: "crash", description: "d", usage: "crash", options: z.object({}) },
      async execute() { throw new Error("database on fire"); } })]);
    const reply = await runCommand(crashing, "crash", {}, ctx);
    const ref = /\(ref ([0-9a-f]{8})\)/.exec(reply.text)?.[1];
    expect(reply.text).toBe(`Sorry, something went wrong on our side (ref ${ref}). Please try again in a moment.`);
    expect(services.logs.text).toContain(ref);
    expect(services.logs.text).toContain("database on fire");
  });

  it("names an unknown command", async () => {
    expect((await runCommand(registry, "frobnicate", {}, ctx)).text).toBe("There is no /papers frobnicate command. Type /papers help to see what there is.");
  });
});

describe("searching from free text", () => {
  it("treats words that are not a command as a search", async () => {
    const reply = await runText(registry, "moe", ctx);
    expect(reply.papers).toHaveLength(5);
    expect(reply.more).toEqual({ command: "search", input: { query: "moe", offset: 5, limit: 5 } });
    // One letter off "export", but papers mention experts: a search, not a typo.
    expect((await runText(registry, "expert routing", ctx)).papers?.length).toBeGreaterThan(0);
  });

  it("reads a lone list number as that paper of the last list, not as a search for the digit", async () => {
    const here = { ...ctx, user: { ...ctx.user, userId: "U-number" } };
    expect((await runText(registry, "2", here)).text).toMatch(/^There is no numbered list here to pick 2 from yet/);
    const list = await runText(registry, "moe", here);
    expect((await runText(registry, "#2", here)).papers?.map((p) => p.id)).toEqual([list.papers![1]!.id]);
  });

  it("shows a paper already in the person's bookmarks as saved, offering to remove it rather than save it again", async () => {
    const here = { ...ctx, user: { ...ctx.user, userId: "U-saved" } };
    const [first] = (await runText(registry, "moe", here)).papers!;
    expect((await runText(registry, `paper ${first!.id}`, here)).actions).toContain("bookmark");
    await runText(registry, `bookmark ${first!.id}`, here);
    const saved = await runText(registry, `paper ${first!.id}`, here);
    expect(saved.text).toMatch(/^🔖 In your bookmarks \(\/papers unbookmark \S+ removes it\):$/);
    // The option named as Discord names it, typed: that paper.
    expect((await runText(registry, `paper paper:${first!.id}`, here)).text).toBe(saved.text);
    expect(saved.actions).toContain("unbookmark");
    expect(saved.actions).not.toContain("bookmark");
  });

  it("answers search syntax and SQL fragments like any other words", async () => {
    for (const text of ['"unclosed quote', "AND(", "*", "🔖🔥", "'; DROP TABLE Paper; --", "NEAR(a b)", "-", "title:moe"]) {
      const reply = await runText(registry, text, ctx);
      expectOneSentence(reply.text);
      expect(reply.tone === "error" ? reply.text : "answered").not.toMatch(/wrong on our side/);
    }
    expect(await services.papers.count()).toBe(89);
  });
});

describe("trending, written by another process since this one last synced", () => {
  it("shows the new list whole, read from the database, and pages on from it", async () => {
    const other = await createTestServices();
    try {
      const fresh = Array.from({ length: 7 }, (_, i) => ({ ...other.catalog.get(other.catalog.index.search("moe").hits[0]!.id)!,
        id: `fresh-${i}`, arxivId: `2612.0000${i}`, title: `A paper the catalog has not read ${i}` }));
      // The store alone, as `papers ingest` or another replica writes: this process's catalog has not synced.
      await other.papers.ingest("2025-03-12", fresh, "hf");
      const here = { ...ctx, services: other, now: new Date("2025-03-12T09:00:00Z") };
      const reply = await runText(registry, "trending 5", here);
      expect(reply.text).toBe("Trending papers, 2025-03-12 (1–5 of 7):");
      expect(reply.papers?.map((p) => [p.rank, p.title])).toEqual(fresh.slice(0, 5).map((p, i) => [i + 1, p.title]));
      expect(reply.more).toEqual({ command: "trending", input: { count: 5, offset: 5 } });
      const next = await runCommand(registry, "trending", reply.more!.input, here);
      expect(next.papers?.map((p) => p.rank)).toEqual([6, 7]);
    } finally {
      await other.close();
    }
  });
});
