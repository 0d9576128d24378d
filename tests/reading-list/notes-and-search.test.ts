// Reading list (issue 15, item 5): searching inside one's bookmarks with the search index's ranking,
// and notes on bookmarks, shown in the list and exported (BibTeX note, Markdown), on both databases.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { TestServices } from "../support/services.ts";
import { decode, parseBibtex } from "./bibtex-reader.ts";
import { addPapers, bookmarkInOrder, paper, person, run, say, setup, teardown } from "./support.ts";
import { plainTyped } from "../../src/core/messages/typed.ts";

const MOE = paper({ id: "2501.00001", arxivId: "2501.00001", title: "Sparse Mixture of Experts at Scale", summary: "We route tokens to experts with a learned gate.", authors: ["Ada Router"] });
const MOE2 = paper({ id: "2501.00002", arxivId: "2501.00002", title: "Expert Choice Routing for Mixture-of-Experts", summary: "Experts pick tokens.", authors: ["Bo Gate"] });
const DIFF = paper({ id: "2501.00003", arxivId: "2501.00003", title: "Diffusion Models Beat GANs on Image Synthesis", summary: "Denoising diffusion for images.", authors: ["Cy Noise"] });
const RL = paper({ id: "2501.00004", arxivId: "2501.00004", title: "Policy Optimization with Verifiable Rewards", summary: "Reinforcement learning for reasoning.", authors: ["Di Reward"] });
// Not bookmarked by anyone: a search inside bookmarks must never return it, however well it matches.
const OTHER_MOE = paper({ id: "2501.00005", arxivId: "2501.00005", title: "Mixture of Experts Mixture of Experts Mixture of Experts", summary: "Mixture of experts.", authors: [] });

let services: TestServices;
const reader = person("U-reader");
beforeAll(async () => {
  services = await setup();
  await addPapers(services, [MOE, MOE2, DIFF, RL, OTHER_MOE]);
  await bookmarkInOrder(services, reader, [RL.id, DIFF.id, MOE2.id, MOE.id]); // list: MOE(1), MOE2(2), DIFF(3), RL(4)
});
afterAll(() => teardown(services));

describe("/papers bookmarks <words>", () => {
  it("searches only the person's bookmarks, best match first, numbered as a list of their own", async () => {
    const reply = await say(services, reader, "bookmarks mixture of experts");
    expect(reply.text).toMatch(/^Your bookmarks matching "mixture of experts" \(1–2 of 2\)/);
    expect(reply.papers!.map((p) => p.id).sort()).toEqual([MOE.id, MOE2.id].sort());
    expect(reply.papers!.map((p) => p.id)).not.toContain(OTHER_MOE.id);
    // Numbered 1, 2 in the order shown: the next "/papers note 1 …" means the first of these.
    expect(reply.papers!.map((p) => p.rank)).toEqual([1, 2]);
    // The same analyzer as /papers search: the acronym and a stemmed form find them too.
    expect((await say(services, reader, "bookmarks MoE")).papers?.length).toBe(2);
    expect((await say(services, reader, "bookmarks diffusion")).papers!.map((p) => p.id)).toEqual([DIFF.id]);
    // A word no paper has: the bookmarks listed match the other words only, and the header says so.
    const partly = await say(services, reader, "bookmarks mixture of experts autoencoders");
    expect(partly.text).toMatch(/^Your bookmarks matching "mixture of experts autoencoders" \(1–2 of 2; no paper mentions "autoencoders"\)/);
    expect(partly.papers!.map((p) => p.id).sort()).toEqual([MOE.id, MOE2.id].sort());
    // A typo is read as the word a letter away, as /papers search reads it, and the header says so.
    const typo = await say(services, reader, "bookmarks mixtrue");
    expect(typo.text).toBe('Your bookmarks matching "mixtrue" (1–2 of 2; "mixtrue" read as "mixture"):');
    expect(typo.papers!.map((p) => p.id).sort()).toEqual([MOE.id, MOE2.id].sort());
    // A word read as another is named, as /papers search names it.
    expect((await say(services, reader, "bookmarks difusion")).text).toMatch(/^Your bookmarks matching "difusion" \(1 of 1; "difusion" read as "diffusion"\)/);
  });

  it("a page number still pages, and a miss says so in one sentence", async () => {
    expect((await say(services, reader, "bookmarks 1")).text).toMatch(/^Your reading list \(1–4 of 4/);
    const miss = await say(services, reader, "bookmarks quantum chromodynamics");
    expect(miss.text).toMatch(/^None of your 4 bookmarks match "quantum chromodynamics"; no paper mentions "quantum" or "chromodynamics"\./);
    expect(miss.papers).toBeUndefined();
    const empty = await say(services, person("U-nobody"), "bookmarks experts");
    expect(empty.text).toMatch(/Your reading list is empty/);
  });

  it("lists only bookmarks about the words, as /papers search does: a passing mention is not a match", async () => {
    const gamer = person("U-gamer");
    const minimax = paper({ id: "2503.00001", arxivId: "2503.00001", title: "An Expert-level Minimax Agent for Pokémon Battles", summary: "A language agent plays Pokémon battles at an expert level." });
    await addPapers(services, [minimax]);
    await bookmarkInOrder(services, gamer, [DIFF.id, minimax.id]);
    // "moe" is "mixture of experts": "Expert-level" shares one word of three, which search counts as weak.
    const reply = await say(services, gamer, "bookmarks moe");
    expect(reply.text).toMatch(/^None of your 2 bookmarks match "moe"\./);
    expect((await say(services, gamer, "bookmarks pokemon")).papers!.map((p) => p.id)).toEqual([minimax.id]);
  });

  it("pages search results with Show more, and works as Discord's option", async () => {
    const many = person("U-many");
    const papers = Array.from({ length: 7 }, (_, i) => paper({ id: `2502.0000${i}`, arxivId: `2502.0000${i}`, title: `Retrieval augmented generation study ${i}` }));
    await addPapers(services, papers);
    await bookmarkInOrder(services, many, papers.map((p) => p.id));
    const first = await run(services, many, "bookmarks", { query: "retrieval augmented" });
    expect(first.papers).toHaveLength(5);
    expect(first.more).toEqual({ command: "bookmarks", input: { query: "retrieval augmented", page: 2 } });
    const second = await run(services, many, "bookmarks", first.more!.input);
    expect(second.papers).toHaveLength(2);
    expect(second.more).toBeUndefined();
  });
});

describe("/papers note", () => {
  it("reads 'bookmarks read later' as words to look for, since no paper is named by a word without a digit or a dot", async () => {
    const later = person("U-later");
    await addPapers(services, [MOE, DIFF]);
    await say(services, later, `bookmark ${MOE.id}`);
    await say(services, later, `bookmark ${DIFF.id}`);
    await say(services, later, `note ${DIFF.id} read later with the team`);
    const found = await say(services, later, "bookmarks read later");
    expect(found.papers?.map((p) => p.id)).toEqual([DIFF.id]);
    // A number or an id after it is still the paper to mark.
    expect(plainTyped((await say(services, later, `bookmarks read ${MOE.id}`)).text)).toMatch(/^Marked “.+” as read\.$/);
  });

  it("says a removed bookmark's note went with it, since saving the paper again does not bring it back", async () => {
    const noter = person("U-noter");
    await addPapers(services, [MOE, DIFF]);
    await say(services, noter, `bookmark ${MOE.id}`);
    await say(services, noter, `bookmark ${DIFF.id}`);
    await say(services, noter, `note ${MOE.id} section 4 has the routing`);
    expect(plainTyped((await say(services, noter, `unbookmark ${MOE.id}`)).text)).toMatch(/^Removed “.+” from your bookmarks, and your note on it\.$/);
    expect(plainTyped((await say(services, noter, `unbookmark ${DIFF.id}`)).text)).toMatch(/^Removed “.+” from your bookmarks\.$/);
  });

  it("attaches a note by list number or id, shows it in the list, and finds it by search", async () => {
    const saved = await say(services, reader, "note 3 compare with DDPM; check the FID table");
    expect(saved.tone).toBe("info");
    expect(plainTyped(saved.text)).toMatch(/Saved your note on “Diffusion Models Beat GANs/);
    const list = await say(services, reader, "bookmarks");
    expect(list.papers!.find((p) => p.id === DIFF.id)!.note).toBe("compare with DDPM; check the FID table");
    expect(list.papers!.find((p) => p.id === MOE.id)!.note ?? null).toBeNull();
    await say(services, reader, "note https://arxiv.org/abs/2501.00004v2 read section 3 first");
    expect((await services.bookmarks.list(reader)).entries.find((e) => e.paperId === RL.id)!.note).toBe("read section 3 first");
    // Words only in a note find the bookmark too.
    const byNote = await say(services, reader, "bookmarks FID table");
    expect(byNote.papers!.map((p) => p.id)).toEqual([DIFF.id]);
    expect(byNote.text).not.toMatch(/no paper mentions/); // the note has the word
    // Accents and look-alike letters either way round, as in paper search.
    await say(services, reader, `note ${DIFF.id} naïve ＦＩＤ baseline`);
    expect((await say(services, reader, "bookmarks naive fid")).papers!.map((p) => p.id)).toEqual([DIFF.id]);
    expect((await say(services, reader, "bookmarks NAÏVE")).papers!.map((p) => p.id)).toEqual([DIFF.id]);
    // Notes read the query as search does: either side of an OR, and not with a word left out.
    expect((await say(services, reader, "bookmarks fid OR section")).papers!.map((p) => p.id).sort()).toEqual([DIFF.id, RL.id].sort());
    expect((await say(services, reader, "bookmarks fid -baseline")).text).toMatch(/^None of your 4 bookmarks match "fid -baseline"/);
    expect((await say(services, reader, "bookmarks fid -section")).papers!.map((p) => p.id)).toEqual([DIFF.id]);
  });

  it("matches notes by whole words, stemmed, with quoted phrases in order and a minus leaving words or phrases out", async () => {
    const words = person("U-words");
    await bookmarkInOrder(services, words, [RL.id, DIFF.id, MOE.id]);
    await run(services, words, "note", { paper: DIFF.id, text: "my favourite" });
    await run(services, words, "note", { paper: RL.id, text: "Ideas for the reading group, next Tuesday" });
    const ids = async (text: string) => (await say(services, words, `bookmarks ${text}`)).papers?.map((p) => p.id) ?? [];
    // A piece of a word is no word of the note.
    expect(await ids("vo")).toEqual([]);
    expect(await ids("favourite")).toEqual([DIFF.id]);
    // Stemmed and folded as papers are: another spelling or form of the word finds it.
    expect(await ids("favorites")).toEqual([DIFF.id]);
    expect(await ids("idea")).toEqual([RL.id]);
    // A minus leaves out a word of the note, not a piece of one.
    expect(await ids("ideas -roup")).toEqual([RL.id]);
    expect(await ids("ideas -group")).toEqual([]);
    // Quoted words stand together, in order; a minus before quotes leaves out the note that has them so.
    expect(await ids('"reading group"')).toEqual([RL.id]);
    expect(await ids('"group reading"')).toEqual([]);
    expect(await ids('ideas -"reading group"')).toEqual([]);
    expect(await ids('ideas -"group reading"')).toEqual([RL.id]);
    // A word in the note is not reported as one no paper mentions.
    expect((await say(services, words, "bookmarks tuesday")).text).not.toMatch(/no paper mentions/);
  });

  it("answers a bookmark search that only says what to leave out as paper search does", async () => {
    const words = person("U-words");
    const reply = await say(services, words, "bookmarks -favourite");
    expect(reply.tone).toBe("info");
    expect(reply.text).toBe('"-favourite" only says what to leave out; add what to look for, like /papers bookmarks mixture of experts -favourite.');
    expect(reply.papers).toBeUndefined();
    expect((await say(services, words, 'bookmarks -"reading group"')).text).toBe('“-"reading group"” only says what to leave out; add what to look for, like /papers bookmarks mixture of experts -"reading group".');
  });

  it("answers a bookmark search with no word to look for as paper search does, while a note may still hold common words", async () => {
    const labels = person("U-labels");
    await bookmarkInOrder(services, labels, [RL.id, DIFF.id, MOE.id]);
    // No word at all, or only words every paper has: not "none match … search every paper with /papers !!!"
    // (which answers that it has no word), nor every bookmark listed as matching "the".
    for (const text of ["!!!", '""', "-", "😀", "the"]) {
      const reply = await say(services, labels, `bookmarks ${text}`);
      expect(reply.tone, text).toBe("info");
      expect(plainTyped(reply.text), text).toMatch(/^\S+ has no word specific enough for a topic; try a few keywords, like \/papers bookmarks mixture of experts\.$/);
      expect(reply.papers, text).toBeUndefined();
    }
    // A person's own label of common words finds the note that says it, and only that one.
    await run(services, labels, "note", { paper: DIFF.id, text: "to do" });
    expect((await say(services, labels, "bookmarks to do")).papers?.map((p) => p.id)).toEqual([DIFF.id]);
  });

  it("clears the note when the text is empty", async () => {
    const tmp = person("U-clear");
    await bookmarkInOrder(services, tmp, [MOE.id]);
    await say(services, tmp, "bookmarks"); // numbers refer to the last list seen
    await say(services, tmp, "note 1 something");
    const cleared = await say(services, tmp, "note 1");
    expect(cleared.text).toMatch(/^Cleared your note on/);
    expect((await services.bookmarks.list(tmp)).entries[0]!.note).toBeNull();
    // Again, with no note left: it says so instead of claiming to clear one.
    expect((await say(services, tmp, "note 1")).text).toMatch(/^“.*” had no note to clear; add one with \/papers note \S+ <your note>\.$/);
  });

  it("refuses a note over the limit in one clear sentence, keeping the old one", async () => {
    const tmp = person("U-long");
    await bookmarkInOrder(services, tmp, [MOE.id]);
    await say(services, tmp, "bookmarks");
    await say(services, tmp, "note 1 keep me");
    const reply = await say(services, tmp, `note 1 ${"word ".repeat(150)}`);
    expect(reply.tone).toBe("error");
    expect(reply.text).toMatch(/^Notes can be up to 500 characters and yours has 749; nothing was saved/);
    expect(reply.text.split(/(?<=[.!?])\s/).length).toBe(1);
    expect((await services.bookmarks.list(tmp)).entries[0]!.note).toBe("keep me");
  });

  it("counts a note by characters (code points) once composed, not UTF-16 units: an emoji is one, an accented letter typed as two is one", async () => {
    const tmp = person("U-count");
    await bookmarkInOrder(services, tmp, [MOE.id]);
    await say(services, tmp, "bookmarks");
    const noteNow = async () => (await services.bookmarks.list(tmp)).entries[0]!.note;
    // 300 emoji are 600 UTF-16 units, and 300 characters.
    expect((await say(services, tmp, `note 1 ${"😀".repeat(300)}`)).tone).toBe("info");
    expect(await noteNow()).toBe("😀".repeat(300));
    // e + combining acute, 400 times: saved composed, 400 characters.
    expect((await say(services, tmp, `note 1 ${"e\u0301".repeat(400)}`)).tone).toBe("info");
    expect(await noteNow()).toBe("\u00e9".repeat(400));
    expect((await say(services, tmp, `note 1 ${"😀".repeat(500)}`)).tone).toBe("info");
    const over = await say(services, tmp, `note 1 ${"😀".repeat(501)}`);
    expect(over.tone).toBe("error");
    expect(over.text).toMatch(/^Notes can be up to 500 characters and yours has 501; nothing was saved/);
    expect(await noteNow()).toBe("😀".repeat(500));
  });

  it("answers a missing, unknown or unbookmarked paper with one sentence", async () => {
    const tmp = person("U-oops");
    await bookmarkInOrder(services, tmp, [MOE.id]);
    await say(services, tmp, "bookmarks");
    expect((await say(services, tmp, "note")).text).toMatch(/Say which bookmark/);
    expect((await say(services, tmp, "note 9 hello")).text).toBe("Your last list here has only number 1, not 9; pick one of those or give the paper's id.");
    expect((await say(services, tmp, "note 2409.99999 hello")).text).toMatch(/^I don't know a paper "2409\.99999"/);
    expect((await say(services, tmp, `note ${DIFF.id} hello`)).text).toMatch(/is not in your bookmarks; add it with \/papers bookmark 2501\.00003/);
  });

  it("exports notes: a BibTeX note field with every special escaped, and a Markdown quote", async () => {
    const tmp = person("U-export");
    await bookmarkInOrder(services, tmp, [MOE.id, DIFF.id]);
    // One unbalanced "}" too: BibTeX counts escaped braces as well, so \} would end the field there.
    const tricky = "50% {faster} than $baseline & see #3_b \\ ~x^2 — naïve, unbalanced }";
    await run(services, tmp, "note", { paper: MOE.id, text: tricky });
    const bib = await say(services, tmp, "export bibtex");
    const entries = parseBibtex(bib.file!.content);
    const moe = entries.find((e) => e.fields.eprint === MOE.id)!;
    expect(decode(moe.fields.note!)).toBe(tricky);
    expect(entries.find((e) => e.fields.eprint === DIFF.id)!.fields.note).toBeUndefined();
    const md = await say(services, tmp, "export markdown");
    expect(md.file!.content).toContain("\n  > 📝 50% {faster} than $baseline & see #3\\_b \\\\ ~x^2 — naïve, unbalanced }");
    // A note that starts like a numbered list keeps its number as typed: "2\." shows "2.", "\2." would show the backslash.
    for (const [typed, written] of [["2. read section 3", "2\\. read section 3"], ["10) later", "10\\) later"], ["# not a heading", "\\# not a heading"]]) {
      await run(services, tmp, "note", { paper: MOE.id, text: typed });
      expect((await say(services, tmp, "export markdown")).file!.content).toContain(`\n  > 📝 ${written}\n`);
    }
  });
});
