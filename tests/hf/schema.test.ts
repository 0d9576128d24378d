import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { normalizeGithubRepo, parseDailyPage, parsePaper, plausibleArxivId } from "../../src/sources/hf/schema.ts";

const fixture = (name: string) => JSON.parse(readFileSync(new URL(`../fixtures/hf/${name}`, import.meta.url), "utf8")) as unknown[];

describe("GitHub repos from the API", () => {
  it.each([
    ["https://github.com/TideDra/lmm-r1", "TideDra/lmm-r1"],
    ["https://github.com/sethkarten/pokechamp.git", "sethkarten/pokechamp"],
    ["http://www.github.com/ModalMinds/MM-EUREKA.git", "ModalMinds/MM-EUREKA"],
    ["https://github.com/withinmiaov/A-Survey-on-Mixture-of-Experts/tree/main", "withinmiaov/A-Survey-on-Mixture-of-Experts"],
    ["https://github.com/multimodal-art-projection/YuE/", "multimodal-art-projection/YuE"],
    ["https://github.com/owner/repo?tab=readme-ov-file#install", "owner/repo"],
    ["github.com/owner/repo.js", "owner/repo.js"],
  ])("%s → %s", (url, repo) => expect(normalizeGithubRepo(url)).toBe(repo));

  it.each([["https://github.com/"], ["https://github.com/owner"], ["https://gitlab.com/owner/repo"], ["not a url"], [""]])(
    "%s is not a repo", (url) => expect(normalizeGithubRepo(url)).toBeNull());

  it("absent and null are no repo", () => {
    expect(normalizeGithubRepo(undefined)).toBeNull();
    expect(normalizeGithubRepo(null)).toBeNull();
  });
});

describe("a daily-papers page", () => {
  it("turns every valid entry into a paper, in order, ignoring fields it does not read", () => {
    const entries = fixture("daily-2025-03-11.json");
    const { papers, rejected } = parseDailyPage(entries);
    expect(rejected).toEqual([]);
    expect(papers).toHaveLength(entries.length);
    expect(papers[0]!.arxivId).toBe("2503.07920"); // "2503.07920v1": the version is not the paper
    expect(papers[0]!.id).toBe("2503.07920");
    expect(papers.at(-1)!.arxivId).toBe("2407.06204");
    const lmm = papers.find((p) => p.arxivId === "2503.07536")!;
    expect(lmm.authors).toHaveLength(10);
    expect(lmm.githubRepo).toBe("TideDra/lmm-r1");
    expect(lmm.keywords).toContain("rule-based RL");
    expect(lmm.publishedAt?.toISOString()).toBe("2025-03-10T17:04:14.000Z");
    expect(lmm.upvotes).toBe(68);
    expect(lmm.summary).not.toContain("\n"); // arXiv's hard line breaks become one paragraph
  });

  it("folds LaTeX in titles and abstracts", () => {
    const { papers } = parseDailyPage(fixture("daily-2025-03-11.json"));
    const champ = papers.find((p) => p.arxivId === "2503.04094")!;
    expect(champ.title).toBe("PokéChamp: an Expert-level Minimax Language Agent");
    expect(champ.summary).toContain("Pokémon battles");
    expect(champ.summary).not.toContain("\\'");
  });

  it("treats missing optional fields as absent", () => {
    const { papers } = parseDailyPage(fixture("daily-2025-03-11.json"));
    const mrt = papers.find((p) => p.arxivId === "2503.07572")!; // no githubRepo key at all
    expect(mrt.githubRepo).toBeNull();
    const seedream = papers.find((p) => p.arxivId === "2503.07703")!; // ai_keywords absent, githubRepo null
    expect(seedream.keywords).toEqual([]);
    expect(seedream.githubRepo).toBeNull();
    const { papers: [bare] } = parseDailyPage([{ paper: { id: "2503.00001", title: "T", summary: "S" } }]);
    expect(bare).toMatchObject({ authors: [], keywords: [], upvotes: 0, publishedAt: null, githubRepo: null });
  });

  it("skips each malformed entry with its id and keeps the rest", () => {
    const { papers, rejected } = parseDailyPage(fixture("daily-2025-03-10.json"));
    // FEA-Bench's upvotes come as the string "17": read as the number, the paper kept.
    expect(papers.map((p) => p.arxivId)).toEqual(["2503.06749", "2503.06680", "2503.06580"]);
    expect(papers[1]!.upvotes).toBe(17);
    expect(rejected.map((r) => r.id)).toEqual(["2503.06520", "not-an-arxiv-id", "(no id)"]);
    expect(rejected[0]!.problem).toMatch(/^paper\.title:/);
    expect(rejected[1]!.problem).toMatch(/^paper\.id: is not an arXiv id/);
  });

  it("drops control characters a PDF copy left in (a NUL fails PostgreSQL's whole write), keeping the paper", () => {
    const { papers, rejected } = parseDailyPage([{ paper: { id: "2503.00003", title: "Stray\u0000 NUL", summary: "Bytes copied from a PDF\u0000 into\u0007 it.",
      authors: [{ name: "Ada\u0000 Lovelace" }, { name: "\u0000" }], ai_keywords: ["moe\u0000"] } }]);
    expect(rejected).toEqual([]);
    expect([papers[0]!.title, papers[0]!.summary, papers[0]!.authors, papers[0]!.keywords]).toEqual(
      ["Stray NUL", "Bytes copied from a PDF into it.", ["Ada Lovelace"], ["moe"]]);
    // A right-to-left override reverses what follows it wherever the title is shown: dropped too.
    const [spoofed] = parseDailyPage([{ paper: { id: "2503.00004", title: "Safe \u202egnp.exe\u202c models", summary: "An \u2067isolate\u2069." } }]).papers;
    expect([spoofed!.title, spoofed!.summary]).toEqual(["Safe gnp.exe models", "An isolate."]);
  });

  it("keeps a paper whose side fields are odd, without those fields: upvotes, dates, authors", () => {
    const base = { id: "2503.00002", title: "Attention &amp; Memory: &lt;b&gt; &quot;q&quot; &#39;s", summary: "See http://x.edu/~kriz/data.html &#x2014; ok" };
    const odd = [
      { upvotes: null, publishedAt: null, authors: null },
      { upvotes: "42", publishedAt: "2025-03-11", authors: [{ name: "Ada" }, { name: null }, { name: " " }, null] },
      { upvotes: -3, publishedAt: "not a date", authors: "Ada" },
      { publishedAt: 1741687200000 },
    ];
    const { papers, rejected } = parseDailyPage(odd.map((fields) => ({ paper: { ...base, ...fields } })));
    expect(rejected).toEqual([]);
    expect(papers.map((p) => [p.upvotes, p.publishedAt?.toISOString() ?? null, p.authors])).toEqual([
      [0, null, []], [42, "2025-03-11T00:00:00.000Z", ["Ada"]], [0, null, []], [0, "2025-03-11T10:00:00.000Z", []]]);
    // HTML's character references are the characters, and a link's ~ stays.
    expect(papers[0]!.title).toBe("Attention & Memory: <b> \"q\" 's");
    expect(papers[0]!.summary).toBe("See http://x.edu/~kriz/data.html \u2014 ok");
  });

  it("reads one paper from /papers/{id}", () => {
    const papers = JSON.parse(readFileSync(new URL("../fixtures/hf/papers.json", import.meta.url), "utf8")) as Record<string, unknown>;
    const parsed = parsePaper(papers["2503.07605"]);
    expect("paper" in parsed && parsed.paper).toMatchObject({ id: "2503.07605", githubRepo: "IAAR-Shanghai/SEAP", upvotes: 60 });
    expect(parsePaper({ id: "2503.07605", summary: "no title" })).toHaveProperty("problem");
  });
});

describe("ids arXiv could have issued", () => {
  it.each([["2503.07605", true], ["0704.0001", true], ["1412.6980", true], ["1501.00001", true], ["9999.99999", false],
    ["2513.00001", false], ["2500.00001", false], ["0703.0001", false], ["1412.69801", false], ["2503.0760", false]])(
    "%s → %s", (id, plausible) => expect(plausibleArxivId(id)).toBe(plausible));
});
