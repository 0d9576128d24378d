// /papers export: files a reference manager or a notes app takes as they are.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { handlePaperAction } from "../../src/command-kit/interactions.ts";
import type { TestServices } from "../support/services.ts";
import { decode, parseBibtex } from "./bibtex-reader.ts";
import { addPapers, bookmarkInOrder, contextFor, paper, person, registry, say, setup, teardown } from "./support.ts";
import { toMarkdown } from "../../src/core/export/markdown.ts";
import { paperUrl } from "../../src/core/paper.ts";

const TRICKY = paper({
  id: "2403.07816", arxivId: "2403.07816", publishedAt: new Date("2024-03-12T00:00:00Z"),
  title: "R&D at 100% for snake_case $costs #1 {braces} ~ ^ \\ MoE",
  authors: ["José Núñez-Müller", "Zoë Ødegaard", "Anna Łukasiewicz", "Jean Dupont"],
});
// Same first author surname, year and first word as TRICKY: the keys must still differ.
const SAME_KEY = paper({ id: "2403.09999", arxivId: "2403.09999", title: "R&D, again", authors: ["Ana Núñez-Müller"], publishedAt: new Date("2024-03-20T00:00:00Z") });
const NO_ARXIV = paper({ id: "t-abc123", title: "A Survey on Things", authors: [] });

let services: TestServices;
beforeAll(async () => {
  services = await setup();
  await addPapers(services, [TRICKY, SAME_KEY, NO_ARXIV]);
});
afterAll(() => teardown(services));

describe("/papers export", () => {
  it("gives BibTeX by default that parses, with arXiv eprint fields and every special escaped", async () => {
    const reader = person("U-bib");
    await bookmarkInOrder(services, reader, [NO_ARXIV.id, SAME_KEY.id, TRICKY.id]);
    const reply = await say(services, reader, "export");
    expect(reply.file).toMatchObject({ name: "papers-bookmarks.bib", mime: "application/x-bibtex" });
    const entries = parseBibtex(reply.file!.content);
    expect(entries).toHaveLength(3);
    const [tricky, same, noArxiv] = entries;

    expect(tricky!.type).toBe("misc");
    // The older bookmark holds the plain key; the newcomer takes the suffix.
    expect(same!.key).toBe("nunezmuller2024rd");
    expect(tricky!.key).toBe("nunezmuller2024rda");
    expect(new Set(entries.map((e) => e.key)).size).toBe(3);

    expect(decode(tricky!.fields.title!)).toBe(TRICKY.title);
    expect(tricky!.fields.title).toContain("\\&");
    expect(tricky!.fields.title).toContain("100\\%");
    expect(tricky!.fields.title).toContain("snake\\_case");
    expect(tricky!.fields.title).toContain("{MoE}"); // kept upper-case by styles that lower-case titles
    expect(tricky!.fields.author).toBe("Jos{\\'e} N{\\'u}{\\~n}ez-M{\\\"u}ller and Zo{\\\"e} {\\O}degaard and Anna {\\L}ukasiewicz and Jean Dupont");
    expect(decode(tricky!.fields.author!).split(" and ")).toEqual(TRICKY.authors);
    expect(tricky!.fields).toMatchObject({ year: "2024", eprint: "2403.07816", archiveprefix: "arXiv", url: "https://arxiv.org/abs/2403.07816" });

    // Without an arXiv id there is no eprint, and no author when none is known; the key still works.
    expect(noArxiv!.fields.eprint).toBeUndefined();
    expect(noArxiv!.fields.author).toBeUndefined();
    expect(noArxiv!.key).toBe("anonsurvey");
    expect(noArxiv!.fields.url).toMatch(/^https:\/\/huggingface\.co\/papers\?q=/);
  });

  it("keeps a paper's citation key when a newer bookmark shares it, so an existing \\cite{} still names it", async () => {
    // Two bundled-capture papers keyed "anonsurvey" (no authors, no year), as the tester found them.
    const byTitle = async (title: string) => (await services.papers.all()).find((p) => p.title === title)!;
    const SURVEY_MOE = await byTitle("A Survey on Mixture of Experts");
    const SURVEY_INFERENCE = await byTitle("A Survey on Inference Optimization Techniques for Mixture of Experts Models");
    const writer = person("U-cite");
    const keysOf = async () => new Map(parseBibtex((await say(services, writer, "export")).file!.content)
      .map((e) => [decode(e.fields.title!), e.key]));
    await bookmarkInOrder(services, writer, [SURVEY_MOE.id]);
    expect(await keysOf()).toEqual(new Map([[SURVEY_MOE.title, "anonsurvey"]]));
    await bookmarkInOrder(services, writer, [SURVEY_INFERENCE.id]);
    expect(await keysOf()).toEqual(new Map([[SURVEY_INFERENCE.title, "anonsurveya"], [SURVEY_MOE.title, "anonsurvey"]]));
    // A third one with the same key is a newcomer too; the first two keep theirs.
    await bookmarkInOrder(services, writer, [NO_ARXIV.id]);
    expect(await keysOf()).toEqual(new Map([[NO_ARXIV.title, "anonsurveyb"], [SURVEY_INFERENCE.title, "anonsurveya"], [SURVEY_MOE.title, "anonsurvey"]]));
  });

  it("keeps every citation key on its paper when one is removed, saved again, or a paper joins that sorts before it", async () => {
    const writer = person("U-recite");
    const keysOf = async () => new Map(parseBibtex((await say(services, writer, "export")).file!.content).map((e) => [e.fields.eprint ?? e.key, e.key]));
    await bookmarkInOrder(services, writer, [SAME_KEY.id, TRICKY.id]);
    const cited = new Map([[SAME_KEY.id, "nunezmuller2024rd"], [TRICKY.id, "nunezmuller2024rda"]]);
    expect(await keysOf()).toEqual(cited);
    // Removed and saved again: now the newer bookmark, yet \cite{nunezmuller2024rd} still names it.
    expect((await say(services, writer, `bookmarks remove ${SAME_KEY.id}`)).text).toMatch(/^Removed/);
    expect(await keysOf()).toEqual(new Map([[TRICKY.id, "nunezmuller2024rda"]]));
    await bookmarkInOrder(services, writer, [SAME_KEY.id]);
    expect(await keysOf()).toEqual(cited);
    // A key once handed out is never given to another paper, even after its own is removed for good.
    await say(services, writer, `bookmarks remove ${SAME_KEY.id}`);
    const OLDER = paper({ id: "2403.00001", arxivId: "2403.00001", title: "R&D first", authors: ["Eva Núñez-Müller"], publishedAt: new Date("2024-03-01T00:00:00Z") });
    await addPapers(services, [OLDER]);
    await bookmarkInOrder(services, writer, [OLDER.id]);
    expect(await keysOf()).toEqual(new Map([[OLDER.id, "nunezmuller2024rdb"], [TRICKY.id, "nunezmuller2024rda"]]));
  });

  it("gives two exports at once (a double click, two replicas) the same keys", async () => {
    const writer = person("U-twice");
    await bookmarkInOrder(services, writer, [SAME_KEY.id, TRICKY.id, NO_ARXIV.id]);
    const [a, b] = await Promise.all([say(services, writer, "export"), say(services, writer, "export")]);
    const keys = (reply: typeof a) => parseBibtex(reply.file!.content).map((e) => e.key);
    expect(keys(a)).toEqual(["anonsurvey", "nunezmuller2024rda", "nunezmuller2024rd"]);
    expect(keys(b)).toEqual(keys(a));
  });

  it("writes a Markdown checklist with the read ones ticked", async () => {
    const reader = person("U-md");
    await bookmarkInOrder(services, reader, [NO_ARXIV.id, TRICKY.id]);
    await handlePaperAction(contextFor(services, reader), registry, "markRead", NO_ARXIV.id);
    const reply = await say(services, reader, "export markdown");
    expect(reply.file).toMatchObject({ name: "papers-bookmarks.md", mime: "text/markdown" });
    const items = reply.file!.content.split("\n").filter((l) => l.startsWith("- ["));
    expect(items).toEqual([
      "- [ ] [R&D at 100% for snake\\_case $costs #1 {braces} ~ ^ \\\\ MoE](https://arxiv.org/abs/2403.07816) — José Núñez-Müller, Zoë Ødegaard, Anna Łukasiewicz et al.",
      expect.stringMatching(/^- \[x\] \[A Survey on Things\]\(https:\/\/huggingface\.co\/papers\?q=A%20Survey%20on%20Things\) \(read ✓\)$/),
    ]);
    expect(reply.text).toContain("1 read");
  });

  it("accepts the format in any case, and bib/md for short", async () => {
    const reader = person("U-bib");
    expect((await say(services, reader, "export BibTeX")).file!.name).toBe("papers-bookmarks.bib");
    expect((await say(services, reader, "export md")).file!.name).toBe("papers-bookmarks.md");
  });

  it("answers a bad format, or no bookmarks, with one sentence", async () => {
    const bad = await say(services, person("U-bib"), "export pdf");
    expect(bad.tone).toBe("error");
    expect(bad.text).toMatch(/^I can export as bibtex or markdown, like \/papers export bibtex\./);
    expect(bad.file).toBeUndefined();
    const empty = await say(services, person("U-nobody"), "export markdown");
    expect(empty.file).toBeUndefined();
    expect(empty.text).toMatch(/reading list is empty.*🔖/);
  });

  it("exports only the asker's bookmarks in their own workspace", async () => {
    const elsewhere = person("U-bib", "T-elsewhere");
    await bookmarkInOrder(services, elsewhere, [NO_ARXIV.id]);
    const entries = parseBibtex((await say(services, elsewhere, "export")).file!.content);
    expect(entries.map((e) => e.fields.title)).toEqual(["A Survey on Things"]);
  });
});

describe("protective braces", () => {
  it("brace the word, not the punctuation after or around it", async () => {
    const { bibtexTitle } = await import("../../src/core/export/bibtex.ts");
    expect(bibtexTitle("Symbolic Mixture-of-Experts: Routing")).toBe("Symbolic {Mixture-of-Experts}: Routing");
    expect(bibtexTitle("Creating SEA-VL, a Dataset (MoE).")).toBe("Creating {SEA-VL}, a Dataset ({MoE}).");
    // Inline math stays math (braced against a style's lower-casing); a price's dollars are escaped.
    expect(bibtexTitle("$\\alpha$-Flow: $O(n^2)$ attention for $5")).toBe("{$\\alpha$}-Flow: {$O(n^2)$} attention for \\$5");
    expect(bibtexTitle("Costs $5 and $10")).toBe("Costs \\$5 and \\$10");
  });
});

describe("titles and keys with TeX, accents and special letters", () => {
  /** Braces as BibTeX counts them: every one, escaped or not, never closing more than were opened. */
  const bibtexBalanced = (value: string) => {
    let depth = 0;
    for (const char of value) if ((depth += char === "{" ? 1 : char === "}" ? -1 : 0) < 0) return false;
    return depth === 0;
  };

  it("keeps escaped braces inside a title's math, and takes a span BibTeX or TeX would misread as text", async () => {
    const { bibtexTitle } = await import("../../src/core/export/bibtex.ts");
    expect(bibtexTitle("The $\\{x\\}$ Set")).toBe("The {$\\{x\\}$} Set");
    // Braces BibTeX would count unbalanced, and a % that would comment out the rest: text, escaped.
    for (const title of ["A $\\{x$ Set", "A $x\\}$ Set", "Up $50%$ Faster"]) {
      const value = bibtexTitle(title);
      expect(value, title).not.toMatch(/\{\$/);
      expect(bibtexBalanced(value), value).toBe(true);
      expect(value, title).toMatch(/\\\$.*\\\$/);
    }
  });

  it("braces a word with a capital after its first letter even when it has an accent or a special character", async () => {
    const { bibtexTitle } = await import("../../src/core/export/bibtex.ts");
    expect(bibtexTitle("PokéChamp: an Expert-level Agent")).toBe("{Pok{\\'e}Champ}: an Expert-level Agent");
    expect(bibtexTitle("R&D for ØMQ")).toBe("{R\\&D} for {{\\O}MQ}");
    // The bundled capture's PokéChamp, exported and read back.
    const poke = (await services.papers.all()).find((p) => p.title.startsWith("PokéChamp"))!;
    const reader = person("U-poke");
    await bookmarkInOrder(services, reader, [poke.id]);
    const [entry] = parseBibtex((await say(services, reader, "export")).file!.content);
    expect(entry!.fields.title).toMatch(/^\{Pok\{\\'e\}Champ\}: /);
    expect(decode(entry!.fields.title!)).toBe(poke.title);
  });

  it("spells upper-case special letters out in citation keys, as their lower-case forms are", async () => {
    const { citationKey } = await import("../../src/core/export/bibtex.ts");
    const published = new Date("2024-05-01T00:00:00Z");
    expect(citationKey(paper({ id: "x1", title: "Œuvre complète", authors: ["Anna Ærø-Łódź"], publishedAt: published }))).toBe("aerolodz2024oeuvre");
    expect(citationKey(paper({ id: "x2", title: "ÆSIR: Þórr and Đorđe", authors: ["Øystein Øre"], publishedAt: published }))).toBe("ore2024aesir");
    expect(citationKey(paper({ id: "x3", title: "œuvres", authors: ["Straße"], publishedAt: published }))).toBe("strasse2024oeuvres");
  });

  it("sets < > | and a note's -- `` '' ?` as typed, not as OT1's ¡ ¿ or TeX's dashes and quotes", async () => {
    const { bibtexEntry } = await import("../../src/core/export/bibtex.ts");
    const title = "Scaling > 100B: When x < y | z Holds";
    const note = "x < y and a > b | c -- d --- e ``q'' ?` !`";
    const entry = bibtexEntry(paper({ id: "2503.00100", title }), "k", "https://arxiv.org/abs/2503.00100", note);
    const [parsed] = parseBibtex(entry);
    for (const field of [parsed!.fields.title!, parsed!.fields.note!]) expect(field).not.toMatch(/[<>|]/);
    expect(decode(parsed!.fields.title!)).toBe(title);
    expect(decode(parsed!.fields.note!)).toBe(note);
    expect(parsed!.fields.note).not.toMatch(/--|``|''|[?!]`/);
  });

  it("writes a name ending in a generation as BibTeX reads it, King, Jr., Martin Luther, and keys it by the surname", async () => {
    const { bibtexEntry, citationKey } = await import("../../src/core/export/bibtex.ts");
    const speech = paper({ id: "2503.00101", title: "Dreams at Scale", authors: ["Martin Luther King Jr.", "Ada Lovelace", "Henry Ford II"],
      publishedAt: new Date("2025-03-01T00:00:00Z") });
    const [entry] = parseBibtex(bibtexEntry(speech, "k", "https://arxiv.org/abs/2503.00101"));
    expect(entry!.fields.author).toBe("King, Jr., Martin Luther and Ada Lovelace and Ford, II, Henry");
    expect(citationKey(speech)).toBe("king2025dreams");
  });

  it("braces a team credited as an author, so a bibliography prints \"Qwen Team\", not \"Q. Team\"", async () => {
    const { bibtexEntry, citationKey } = await import("../../src/core/export/bibtex.ts");
    const report = paper({ id: "2412.15115", title: "Qwen2.5 Technical Report", authors: ["Qwen Team", "An Yang", "BigScience Workshop", "Teaming Lee"] });
    const [entry] = parseBibtex(bibtexEntry(report, "qwen", "https://arxiv.org/abs/2412.15115"));
    expect(entry!.fields.author).toBe("{Qwen Team} and An Yang and {BigScience Workshop} and Teaming Lee");
    // Its key names the team, not "team2024qwen25".
    expect(citationKey({ ...report, publishedAt: new Date("2024-12-19T00:00:00Z") })).toBe("qwenteam2024qwen25");
  });
});

describe("Markdown links", () => {
  it("percent-encode a link's parentheses and spaces, which would end it early", () => {
    const p = paper({ id: "t-abc", arxivId: null, title: "Scaling (and not) laws" });
    const md = toMarkdown([{ paper: p, url: paperUrl(p), read: false }], "Reading list");
    const url = /\]\((\S+)\)/.exec(md)![1]!;
    expect(url).not.toMatch(/[()\s]/);
    expect(decodeURIComponent(url)).toContain("Scaling (and not) laws");
  });

  it("keep a character reference typed in a title, an author or a note as the characters typed", () => {
    const p = paper({ id: "t-amp", arxivId: null, title: "Q&amp;A &#x1F600; at R&D", authors: ["Tom &amp; Jerry"] });
    const md = toMarkdown([{ paper: p, url: paperUrl(p), read: false, note: "compare &lt;b&gt; with R&D" }], "Reading list");
    // CommonMark reads "&amp;", "&#x1F600;" and "&lt;" as the characters they name; an escaped "&" is itself.
    expect(md).toContain("[Q\\&amp;A \\&#x1F600; at R&D](");
    expect(md).toContain("— Tom \\&amp; Jerry");
    expect(md).toContain("> 📝 compare \\&lt;b\\&gt; with R&D");
  });
});
