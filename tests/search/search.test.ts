import { describe, expect, it } from "vitest";
import { bundledCapture } from "../../src/core/bundled.ts";
import { paper } from "../support/papers.ts";
import { SearchIndex } from "../../src/core/search/index.ts";
import { papersAbout, splitByRelevance } from "../../src/core/relevance.ts";

const papers = bundledCapture().papers;
const index = SearchIndex.build(papers);
const titleOf = new Map(papers.map((p) => [p.id, p.title]));
const idOf = (prefix: string) => papers.find((p) => p.title.startsWith(prefix))!.id;
const titles = (hits: { id: string }[]) => hits.map((h) => titleOf.get(h.id)!);
const top = (query: string, limit = 10) => titles(index.search(query, { limit }).hits);

const MOE_TITLES = [
  "Unchosen Experts Can Contribute Too", "Symbolic Mixture-of-Experts", "Harder Tasks Need More Experts",
  "A Survey on Mixture of Experts", "A Survey on Inference Optimization Techniques for Mixture of Experts Models",
  "OpenMoE", "Layerwise Recurrent Router for Mixture-of-Experts", "Glider: Global and Local Instruction-Driven Expert Router",
];
const isMoe = (title: string) => MOE_TITLES.some((t) => title.startsWith(t));

describe("search ranking", () => {
  it("puts the eight mixture-of-experts papers first for 'moe'", () => {
    const eight = top("moe", 8);
    expect(eight).toHaveLength(8);
    expect(eight.filter(isMoe)).toHaveLength(8);
  });

  it("finds PokéChamp by pokemon, Pok\\'emon and pokechamp", () => {
    // Full-width letters, as a CJK keyboard types them, too.
    for (const q of ["pokemon", "Pok\\'emon", "Pokémon", "pokechamp", "PokeChamp", "ｐｏｋｅｍｏｎ", "\u0440okemon"]) {
      expect(top(q, 1)[0], q).toMatch(/^PokéChamp/);
    }
  });

  // Text copied from PDFs and web pages: ligatures, soft hyphens, zero-width spaces, full-width letters, ™.
  it("reads invisible characters and look-alike letters as the plain words, in papers and in queries", () => {
    const copied = SearchIndex.build([
      paper("lig", "Eﬃcient ﬁne-tuning of trans\u00adformers", "Sparse mo\u200be layers. Ｌａｒｇｅ ｍｏｄｅｌｓ."),
      paper("tm", "ChatGPT™ as a tutor", "We study a chatbot."),
      paper("other", "Graph neural networks", "Message passing."),
    ]);
    const ids = (q: string) => copied.search(q).hits.map((h) => h.id);
    for (const q of ["efficient", "fine-tuning", "transformers", "moe", "large models"]) expect(ids(q), q).toEqual(["lig"]);
    for (const q of ["eﬃcient", "trans\u00adformers", "\ufeffmoe", "ｍｏｅ", "m\u200boe"]) expect(ids(q), q).toEqual(["lig"]);
    // A Greek omicron or a Cyrillic letter inside a Latin word, as a keyboard layout left on types it, is the
    // Latin letter it looks like; a Greek word (or α, β) is itself.
    for (const q of ["m\u03bfe", "tr\u0430nsformers", "\u0415fficient"]) expect(ids(q), q).toEqual(["lig"]);
    expect(copied.search("\u039c\u03bf\u0395").hits).toEqual([]);
    expect(ids("chatgpt")).toEqual(["tm"]);
    expect(ids("ChatGPT™")).toEqual(["tm"]);
  });

  it("leaves out the papers that have a word typed with a minus in front, and takes field names (author:) as no words", () => {
    const has = (id: string, word: RegExp) => { const p = papers.find((x) => x.id === id)!; return word.test(`${p.title} ${p.summary}`); };
    const ids = (q: string) => index.search(q, { limit: 100 }).hits.map((h) => h.id);
    expect(ids("moe").filter((id) => has(id, /survey/i)).length).toBeGreaterThan(1);
    for (const q of ["moe -survey", "moe -Surveys", "-survey moe"]) {
      const left = ids(q);
      expect(left.length, q).toBeGreaterThan(3);
      expect(left.filter((id) => has(id, /survey/i)), q).toEqual([]);
      expect(left, q).toEqual(ids("moe").filter((id) => !has(id, /survey/i)));
    }
    // NOT in capitals is the minus, as boolean search boxes read it; a lower-case "not" is a word of the question.
    for (const q of ["moe NOT survey", "NOT survey moe", 'moe NOT "survey"']) expect(ids(q), q).toEqual(ids("moe -survey"));
    expect(ids("moe not survey")).not.toEqual(ids("moe -survey"));
    // A word no paper has leaves out nothing; a minus before a number, or inside a word, is no exclusion.
    expect(ids("moe -zzyzx")).toEqual(ids("moe"));
    expect(ids("mixture-of-experts")).toEqual(ids("mixture-of-experts -zzyzx"));
    expect(index.attainable("moe -survey")).toBe(index.attainable("moe"));
    // Inside quotes a minus leaves nothing out: '"-moe"' is moe, '"mixture -of experts"' the phrase.
    expect(ids('"-moe"')).toEqual(ids("moe"));
    expect(ids('"mixture -of experts"')).toEqual(ids('"mixture of experts"'));
    // Field names typed as other search boxes take them are no words to look for.
    expect(ids("title:moe -survey")).toEqual(ids("moe -survey"));
    const byName = SearchIndex.build([paper("k", "A minimax agent", "Battles.", [], ["Seth Karten"]), paper("o", "Other", "Text.")]);
    for (const q of ["author:Karten", "Author: karten", "authors:Seth Karten"]) {
      expect(byName.search(q).hits.map((h) => h.id), q).toEqual(["k"]);
      expect(byName.missingWords(q), q).toEqual([]);
    }
  });

  it("finds a quoted phrase only where its words stand together and in order, in any field", () => {
    const quotes = SearchIndex.build([
      paper("title", "World models for agents", "We plan."),
      paper("apart", "Planning", "A model of the world, and the world of a model."),
      paper("compound", "Planning", "We learn world-models from video."),
      paper("keywords", "Planning", "Video.", ["world model"]),
      paper("repeated", "Bag of bag of words", "Text."),
    ]);
    const ids = (q: string) => quotes.search(q).hits.map((h) => h.id).sort();
    expect(ids("world model")).toEqual(["apart", "compound", "keywords", "title"]);
    for (const q of ['"world model"', "“World Models”", '"world-model"']) expect(ids(q), q).toEqual(["compound", "keywords", "title"]);
    // The closing quote forgotten (or cut off by a phone): a phrase to the end, as search boxes read it.
    for (const q of ['"world model', "“world model", 'agents "world model']) expect(ids(q), q).toEqual(["compound", "keywords", "title"]);
    expect(ids('world -"world model')).toEqual(["apart"]);
    expect(ids('"model world"')).toEqual([]);
    expect(ids('"world modle"')).toEqual([]);
    expect(ids('"world model" -agents')).toEqual(["compound", "keywords"]);
    expect(ids('world -"world model"')).toEqual(["apart"]);
    expect(ids('"bag of words"')).toEqual(["repeated"]);
    expect(ids('"bag of bag of words"')).toEqual(["repeated"]);
    expect(ids('"of bag of bag"')).toEqual([]);
  });

  it("finds the papers about either side of an OR in capitals, each side drawn at its own floor", () => {
    const about = (q: string) => { const r = index.search(q, { limit: 100 }); return splitByRelevance(index, q, r.hits, r.total).strong.map((h) => h.id).sort(); };
    const union = (...qs: string[]) => [...new Set(qs.flatMap(about))].sort();
    expect(about("pokemon").length).toBeGreaterThan(0);
    expect(about("moe").length).toBeGreaterThan(0);
    expect(about("pokemon OR moe")).toEqual(union("pokemon", "moe"));
    expect(about("pokemon moe").length).toBeLessThan(about("moe").length); // without OR: papers about both, and none is
    // Words left out apply to every side; a lower-case "or" is the stopword it always was.
    expect(about("pokemon OR moe -survey")).toEqual(union("pokemon -survey", "moe -survey"));
    expect(index.search("pokemon or moe").hits).toEqual(index.search("pokemon moe").hits);
    // A bar between words is OR too, as search engines read it, spaced or not.
    expect(about("pokemon | moe")).toEqual(union("pokemon", "moe"));
    expect(about("pokemon|moe")).toEqual(union("pokemon", "moe"));
    expect(about("moe |")).toEqual(about("moe"));
    expect(index.missingWords("moe OR zorblax")).toEqual(["zorblax"]);
    // A digest's topic drops a side with a word no paper has, not the whole topic.
    const digest = (topic: string) => papersAbout(index, topic, { limit: 50 }).map((h) => h.id).sort();
    expect(digest("moe OR zorblax")).toEqual(digest("moe"));
    expect(digest("zorblax OR qqqzz")).toEqual([]);
    expect(digest("pokemon OR moe")).toEqual(union("pokemon", "moe"));
  });

  it("reads 'cooper' (the stem of cooperation, a word no paper writes) as unfinished: every cooperative paper too", () => {
    const about = (q: string) => { const r = index.search(q, { limit: 100 }); return splitByRelevance(index, q, r.hits, r.total).strong.map((h) => h.id); };
    const cooperative = papers.filter((p) => /\bcooperative/i.test(`${p.title} ${p.summary}`)).map((p) => p.id);
    expect(cooperative.length).toBeGreaterThan(2);
    // "cooperative" is also a word related to cooperation (synonyms.ts): as what the word starts, it counts as such.
    expect(about("cooper")).toEqual(expect.arrayContaining(cooperative));
  });

  it("reads a request typed in chat as its topic: 'show me moe papers please' is 'moe'", () => {
    for (const q of ["show me moe papers please", "moe please", "anything on moe", "find the latest moe papers",
      "what should i read on moe", "which moe papers could i read", "hey, moe articles today?", "hi! moe stuff, thanks"]) {
      expect(top(q, 8), q).toEqual(top("moe", 8));
      expect(index.missingWords(q), q).toEqual([]);
    }
  });

  it("expands acronyms both ways", () => {
    expect(top("state space models", 3)).toContain("Demystifying the Token Dynamics of Deep Selective State Space Models");
    const rlhf = top("RLHF", 3);
    expect(rlhf.some((t) => t.startsWith("The Alignment Ceiling"))).toBe(true);
    expect(rlhf.some((t) => t.startsWith("MM-RLHF"))).toBe(true);
    expect(top("reinforcement learning from human feedback", 1)[0]).toMatch(/^The Alignment Ceiling/);
    expect(top("mixture of experts", 7).filter(isMoe)).toHaveLength(7);
    // The field's common acronyms, those that are also words ("rope") included.
    const spelled = SearchIndex.build([
      paper("cv", "Scaling laws in computer vision", "We study how computer vision models scale."),
      paper("rope", "Extending rotary position embedding", "Rotary position embedding for long contexts."),
      paper("bc", "Behavior cloning from few demonstrations", "We study behavior cloning for robots."),
      paper("knot", "Tying a rope knot", "A study of knots."),
    ]);
    for (const [acronym, id] of [["cv", "cv"], ["rope", "rope"], ["bc", "bc"]] as const) {
      expect(spelled.search(acronym, { limit: 1 }).hits.map((h) => h.id), acronym).toEqual([id]);
    }
  });

  it("matches partial words and typos", () => {
    expect(top("mamb", 3).every((t) => /Mamba|State Space/.test(t))).toBe(true);
    expect(top("quantiz", 1)[0]).toBe("A Survey on Inference Optimization Techniques for Mixture of Experts Models");
    expect(top("starcraf", 3).every((t) => /starcraft/i.test(t))).toBe(true);
    expect(top("bayesian optimisaton", 2).every((t) => /Bayesian Optimization/.test(t))).toBe(true);
  });

  it("splits compounds: MM-RLHF, OpenMoE", () => {
    expect(top("mmrlhf", 1)[0]).toMatch(/^MM-RLHF/);
    expect(top("openmoe", 1)[0]).toMatch(/^OpenMoE/);
  });

  it("keeps stopwords when they are the whole query", () => {
    expect(index.search("the").total).toBeGreaterThan(50);
  });

  it("pages with limit and offset and counts every match", () => {
    const all = index.search("moe", { limit: 100 });
    expect(all.total).toBe(all.hits.length);
    expect(index.search("moe", { limit: 3, offset: 2 }).hits).toEqual(all.hits.slice(2, 5));
    expect(index.search("moe").hits).toHaveLength(10);
  });

  it("applies a filter before counting", () => {
    const keep = new Set([idOf("OpenMoE"), idOf("Glider")]);
    const result = index.search("moe", { filter: (id) => keep.has(id) });
    expect(result.total).toBe(2);
    expect(new Set(result.hits.map((h) => h.id))).toEqual(keep);
  });
});

describe("hostile input", () => {
  const hostile = ['"', '""', "'", "AND(", "moe AND(", "*", "moe*", "NEAR(a b)", "😀", "🔥 moe 🔥", "\ud800", "\udfff moe",
    "'; DROP TABLE papers; --", "title:moe", "^moe", "-moe", "a".repeat(10_000), "moe ".repeat(2500), "",
    "   ", "\u0000\u0001\u0007", "constructor", "__proto__", "toString", "\\'", "\\", "{}", "∑∫√", "ﬁne-tuning",
    "İstanbul", "x".repeat(300), "a-b-c-d-e-f-g", "--", "MoE-", "-"];
  it.each(hostile.map((q) => [JSON.stringify(q).slice(0, 40), q]))("search(%s) returns a result", (_label, q) => {
    const result = index.search(q);
    expect(Array.isArray(result.hits)).toBe(true);
    expect(result.total).toBeGreaterThanOrEqual(result.hits.length);
    expect(() => index.suggest(q)).not.toThrow();
  });

  it("still finds moe papers around emoji and quotes", () => {
    expect(titles(index.search('"moe" 🔥').hits.slice(0, 8)).filter(isMoe)).toHaveLength(8);
  });
});

describe("live updates", () => {
  it("upsert adds and replaces, remove deletes", () => {
    const live = SearchIndex.build(papers);
    expect(live.search("zebrafish").total).toBe(0);
    live.upsert(paper("new-1", "Zebrafish Swimming Policies", "We study zebrafish with reinforcement learning."));
    expect(live.size).toBe(papers.length + 1);
    expect(live.search("zebrafish").hits[0]!.id).toBe("new-1");

    live.upsert(paper("new-1", "Salamander Gaits", "Salamanders walk."));
    expect(live.size).toBe(papers.length + 1);
    expect(live.search("zebrafish").total).toBe(0);
    expect(live.search("salamander").hits[0]!.id).toBe("new-1");

    live.remove("new-1");
    expect(live.size).toBe(papers.length);
    expect(live.search("salamander").total).toBe(0);
    live.remove("not-there");
    expect(live.size).toBe(papers.length);
  });

  it("stays correct through many replacements (compaction)", () => {
    const live = SearchIndex.build(papers);
    for (const marker of ["aardvark", "bison", "caribou"]) for (const p of papers) live.upsert({ ...p, summary: `${p.summary} ${marker}` });
    expect(live.size).toBe(papers.length);
    expect(live.search("caribou").total).toBe(papers.length);
    expect(live.search("bison").total).toBe(0);
    expect(titles(live.search("moe", { limit: 8 }).hits).filter(isMoe)).toHaveLength(8);
  });
});

describe("similar, recommend, suggest", () => {
  it("similar() to an MoE paper returns MoE papers first", () => {
    const hits = index.similar(idOf("OpenMoE"), 5);
    expect(hits).toHaveLength(5);
    expect(titles(hits).filter(isMoe)).toHaveLength(5);
    expect(hits.map((h) => h.id)).not.toContain(idOf("OpenMoE"));
  });

  it("recommend() from three MoE papers returns the other MoE papers first, never the seeds", () => {
    const seeds = [idOf("OpenMoE"), idOf("A Survey on Mixture of Experts"), idOf("Harder Tasks")];
    const hits = index.recommend(seeds, 5);
    expect(titles(hits).filter(isMoe)).toHaveLength(5);
    expect(hits.some((h) => seeds.includes(h.id))).toBe(false);
    const excluded = index.recommend(seeds, 5, { exclude: new Set([hits[0]!.id]) });
    expect(excluded.map((h) => h.id)).not.toContain(hits[0]!.id);
    expect(index.recommend(["unknown"], 5)).toEqual([]);
  });

  it("suggest() completes title words", () => {
    const hits = titles(index.suggest("mixture", 10));
    expect(hits.length).toBeGreaterThanOrEqual(5);
    expect(hits.every((t) => /mixture/i.test(t))).toBe(true);
    expect(titles(index.suggest("a survey on mix", 5)).slice(0, 2).sort()).toEqual(
      ["A Survey on Inference Optimization Techniques for Mixture of Experts Models", "A Survey on Mixture of Experts"]);
    expect(titles(index.suggest("pokec", 1))).toEqual([titleOf.get(idOf("PokéChamp"))]);
    expect(index.suggest("", 5)).toEqual([]);
  });

  it("suggest() reads the query as search does: nothing it leaves out, either side of OR, no field names", () => {
    const suggested = (typed: string) => titles(index.suggest(typed, 10));
    const ids = (typed: string) => index.suggest(typed, 10).map((h) => h.id);
    const all = suggested("mixture ");
    expect(all.filter((t) => /survey/i.test(t))).toHaveLength(2);
    // Left out, whole or still being typed, as a word or a phrase: the titles of papers search leaves out.
    for (const typed of ["mixture -survey", "mixture -survey ", "mixture -surv", 'mixture -"a survey"', 'mixture -"survey"']) {
      expect(suggested(typed), typed).toEqual(all.filter((t) => !/survey/i.test(t)));
    }
    const found = new Set(index.search("moe -survey", { limit: 50 }).hits.map((h) => h.id));
    expect(ids("moe -survey").length).toBeGreaterThan(0);
    expect(ids("moe -survey").every((id) => found.has(id))).toBe(true);
    // Either side, the last one unfinished.
    const either = suggested("moe OR mamb");
    expect(either.filter((t) => /mamba/i.test(t)).length).toBeGreaterThanOrEqual(3);
    expect(either.filter((t) => /moe/i.test(t)).length).toBeGreaterThanOrEqual(2);
    expect(suggested("moe OR")).toEqual(suggested("moe "));
    expect(suggested("moe | mamb")).toEqual(either);
    expect(suggested("title:mixture ")).toEqual(all);
  });
});

describe("search never throws", () => {
  it("on arbitrary strings, including lone surrogates and control characters", async () => {
    const fc = await import("fast-check");
    const text = fc.oneof(fc.string({ unit: "binary", maxLength: 200 }), fc.string({ maxLength: 50 }),
      fc.constantFrom("moe", "state space", "Pok\\'emon", "AND(", '"'));
    fc.assert(fc.property(fc.array(text, { maxLength: 4 }), fc.integer({ min: -5, max: 50 }), (parts, n) => {
      const query = parts.join(" ");
      const result = index.search(query, { limit: n, offset: n });
      return Array.isArray(result.hits) && result.total >= 0 && Array.isArray(index.suggest(query, n));
    }), { numRuns: 300 });
  });
});

describe("ranking at scale: phrases, expansions, related words, names", () => {
  const filler = Array.from({ length: 40 }, (_, i) => paper(`f${i}`, `Unrelated study ${i} of graphs`, "We study graphs and trees in detail."));
  const ids = (index: SearchIndex, q: string, limit = 3) => index.search(q, { limit }).hits.map((h) => h.id);

  it("puts the whole phrase in a title before the same common words apart", () => {
    const index = SearchIndex.build([...filler,
      paper("apart", "Generation of captions for every image", "We generate text for an image, and the image generation of text is studied; generation matters."),
      paper("phrase", "Image generation with diffusion", "We study diffusion for this task.")]);
    expect(ids(index, "image generation", 1)).toEqual(["phrase"]);
  });

  it("does not let the scattered words of an acronym's expansion stand for it", () => {
    const index = SearchIndex.build([...filler,
      paper("scattered", "A state of the art method", "Our models search a parameter space and reach the state of the art with larger models."),
      paper("ssm", "Selective scans", "We analyse a state space model of sequences.")]);
    expect(ids(index, "ssm", 1)).toEqual(["ssm"]);
  });

  it("lets a whole word find the words built on it, but not rank a longer word that only starts with it first", () => {
    const index = SearchIndex.build([...filler,
      paper("scope", "ModelScope-Agent for everything", "A ModelScope toolkit."),
      paper("world", "World models for agents", "We learn world models of the environment."),
      paper("robotics", "Advances in robotics", "Robotics needs learning.")]);
    expect(ids(index, "world models", 1)).toEqual(["world"]);
    expect(ids(index, "robot")).toContain("robotics");
  });

  it("counts neighbours as the phrase only when as close as typed, or past a compound's parts", () => {
    // "via" says both words more often, so only the phrase in its title puts "phrase" first.
    const index = SearchIndex.build([...filler,
      paper("via", "Reasoning via model selection", "Models reason; reasoning picks models."),
      paper("phrase", "Reasoning models", "We study how they think.")]);
    expect(ids(index, "reasoning models", 2)).toEqual(["phrase", "via"]);
    const compound = SearchIndex.build([...filler,
      paper("apart", "Reasoning for multi-modal inputs", "We check each modal input."),
      paper("compound", "Multi-Modal Reasoning", "We check each input.")]);
    expect(ids(compound, "multimodal reasoning", 1)).toEqual(["compound"]);
  });

  it("reads a possessive or a contraction as the word itself, and a name ending in one capital as one word", () => {
    const index = SearchIndex.build([...filler,
      paper("o1", "OpenAI’s o1 reasons", "We study how it thinks."),
      paper("other", "Graph reasoning", "The model's outputs and Bob's results don't change on MLaaS.")]);
    // Typed with either apostrophe; "s" alone would have matched "other" through "model's", "Bob's" and "MLaaS".
    for (const q of ["OpenAI's o1", "openai’s o1", "OpenAI o1"]) expect(index.search(q, { limit: 5 }), q).toMatchObject({ total: 1, hits: [{ id: "o1" }] });
    expect(index.search("s", { limit: 5 }).total).toBe(0);
    expect(index.search("mlaas", { limit: 5 }).hits.map((h) => h.id)).toEqual(["other"]);
  });

  it("does not extend an acronym to words that merely start with it", () => {
    const index = SearchIndex.build([...filler,
      paper("masks", "Merging with sparse masks", "Masks select weights."),
      paper("mas", "Coordination in multi-agent systems", "Agents in a multi-agent system coordinate.")]);
    expect(ids(index, "mas")).toEqual(["mas"]);
  });

  it("lets a word no paper writes find the word it is built on, when the ending keeps its meaning", () => {
    const index = SearchIndex.build([...filler, paper("parallel", "Model parallel training", "Tensor parallel strategies for models.")]);
    expect(ids(index, "parallelism", 1)).toEqual(["parallel"]);
    expect(ids(index, "graphics")).toEqual([]); // not "graphs"
  });

  it("finds a camel-case name inside a hyphenated compound", () => {
    const index = SearchIndex.build([...filler, paper("r1", "Reasoning by reward", "Inspired by DeepSeek-R1-Zero, we train with rules.")]);
    expect(ids(index, "deepseek", 1)).toEqual(["r1"]);
  });

  it("answers a question in plain words with the field's words, below the words themselves", () => {
    const index = SearchIndex.build([...filler,
      paper("field", "Text-to-image generation at scale", "A diffusion model renders images from prompts."),
      paper("plain", "Pictures from words", "We turn text into pictures.")]);
    expect(ids(index, "turning text into pictures", 2)).toEqual(["plain", "field"]);
    expect(ids(index, "spreading training across graphics cards")).toEqual([]);
    const gpus = SearchIndex.build([...filler, paper("gpu", "Training on many GPUs", "Distributed training across GPU clusters.")]);
    expect(ids(gpus, "spreading training across graphics cards", 1)).toEqual(["gpu"]);
  });
});
