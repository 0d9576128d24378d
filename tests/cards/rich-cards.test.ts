// Richer cards (issue 15, item 6): HF's AI summary, authors, stars, arXiv and PDF links, within Slack's
// and Discord's size limits (checked by the emulators' own limit checks), degrading without the extras.
import { readFileSync } from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Paper } from "../../src/core/paper.ts";
import { toCard, type Reply } from "../../src/core/messages/reply.ts";
import { authorsLine, cardBlurb, compactCount } from "../../src/core/messages/card-extras.ts";
import { parsePaper } from "../../src/sources/hf/schema.ts";
import { renderReply } from "../../src/adapters/slack/render.ts";
import { renderMessage } from "../../src/adapters/discord/render.ts";
import { renderText } from "../../src/adapters/console/render.ts";
import { ComponentIds } from "../../src/adapters/discord/component-ids.ts";
import { checkMessageBody } from "../emulators/discord/limits.ts";
import { blockText } from "../slack/harness.ts";
import { createTestServices, manualClock, type TestServices } from "../support/services.ts";
import { startHfEmulator, type HfEmulator } from "../emulators/hf/server.ts";
import { refreshFromHf } from "../../src/sources/hf/refresh.ts";
import { runCommand } from "../../src/command-kit/dispatch.ts";
import { createRegistry } from "../../src/commands/index.ts";

const fixture = JSON.parse(readFileSync(new URL("../fixtures/hf/papers.json", import.meta.url), "utf8")) as unknown;

function paper(overrides: Partial<Paper> = {}): Paper {
  return { id: "2503.07605", arxivId: "2503.07605", title: "SEAP: Training-free Sparse Expert Activation Pruning",
    summary: "Large Language Models have achieved remarkable success across natural language tasks. ".repeat(6).trim(),
    authors: ["Xun Liang", "Hanyu Wang", "Huayi Lai", "Simin Niu"], keywords: [], githubRepo: "IAAR-Shanghai/SEAP", publishedAt: null, upvotes: 60,
    aiSummary: "A training-free pruning method that keeps task-relevant parameters.", githubStars: 1021, ...overrides };
}

/** A paper whose every field is as long as a hostile or careless source could make it. */
function hugePaper(i: number): Paper {
  return paper({ id: `2503.0${7600 + i}`, arxivId: `2503.0${7600 + i}`, title: `T${i} ${"x".repeat(1200)}`, summary: "y ".repeat(5000),
    authors: Array.from({ length: 40 }, (_, j) => `${"Author".repeat(80)}${j}`), aiSummary: "z ".repeat(5000), githubStars: 123_456_789,
    githubRepo: `${"o".repeat(39)}/${"r".repeat(100)}`, upvotes: 99999 });
}

describe("the HF source's extras", () => {
  it("reads ai_summary and githubStars, and a wrong type drops the field, not the paper", () => {
    const parsed = parsePaper((fixture as Record<string, unknown>)["2503.07605"]);
    expect("paper" in parsed).toBe(true);
    const p = (parsed as { paper: Paper }).paper;
    expect(p.aiSummary).toBe("A training-free pruning method.");
    expect(p.githubStars).toBe(78);
    const odd = parsePaper({ id: "2503.07605", title: "T", summary: "S", ai_summary: 42, githubStars: "many", githubRepo: "https://github.com/a/b" });
    expect((odd as { paper: Paper }).paper).toMatchObject({ aiSummary: null, githubStars: null, githubRepo: "a/b" });
  });
});

describe("card pieces", () => {
  it("prefers the AI summary, cut to about two lines; falls back to the abstract", () => {
    expect(cardBlurb(toCard(paper()))).toBe("A training-free pruning method that keeps task-relevant parameters.");
    const plain = cardBlurb(toCard(paper({ aiSummary: null })));
    expect(plain.startsWith("Large Language Models")).toBe(true);
    expect(plain.length).toBeLessThanOrEqual(221);
    expect(cardBlurb(toCard(paper({ aiSummary: "w ".repeat(400) }))).length).toBeLessThanOrEqual(221);
  });

  it("names the first three authors, then et al., bounded", () => {
    expect(authorsLine(["A", "B", "C", "D"])).toBe("A, B, C et al.");
    expect(authorsLine(["A", "B"])).toBe("A, B");
    expect(authorsLine(["N".repeat(5000), "M", "O", "P"]).length).toBeLessThanOrEqual(200);
    expect([950, 1021, 12_345, 2_100_000].map(compactCount)).toEqual(["950", "1k", "12.3k", "2.1M"]);
  });
});

describe("Slack cards", () => {
  it("show the AI summary, authors, upvotes, stars, and the arXiv and PDF links", () => {
    const [message] = renderReply({ visibility: "ephemeral", text: "1 result", papers: [toCard(paper())], actions: ["bookmark"] });
    const text = blockText(message!.blocks);
    expect(text).toContain("A training-free pruning method that keeps task-relevant parameters.");
    expect(text).not.toContain("Large Language Models have achieved");
    expect(text).toContain("Xun Liang, Hanyu Wang, Huayi Lai et al.");
    expect(text).toContain("▲ 60");
    expect(text).toContain("<https://github.com/IAAR-Shanghai/SEAP|code ★ 1k>");
    expect(text).toContain("<https://arxiv.org/abs/2503.07605|arXiv 2503.07605>");
    expect(text).toContain("<https://arxiv.org/pdf/2503.07605|PDF>");
  });

  it("degrade to the cut abstract without stars for a capture-only paper", () => {
    const [message] = renderReply({ visibility: "ephemeral", text: "1 result", papers: [toCard(paper({ aiSummary: null, githubStars: null, githubRepo: null, arxivId: null, id: "t-1" }))] });
    const text = blockText(message!.blocks);
    expect(text).toContain("Large Language Models have achieved");
    expect(text).not.toMatch(/★|PDF|arXiv/);
  });

  it("stay within Block Kit's limits with absurdly long values", () => {
    for (const count of [1, 5, 30]) {
      const reply: Reply = { visibility: "channel", text: "t".repeat(5000), papers: Array.from({ length: count }, (_, i) => toCard(hugePaper(i), { reason: "r ".repeat(3000) })), actions: ["bookmark", "similar", "share"] };
      for (const message of renderReply(reply)) {
        expect(message.blocks.length).toBeLessThanOrEqual(50);
        for (const block of message.blocks as any[]) {
          if (block.text) expect(block.text.text.length).toBeLessThanOrEqual(3000);
          for (const e of block.elements ?? []) if (typeof e.text === "string") expect(e.text.length).toBeLessThanOrEqual(3000);
        }
      }
    }
  });
});

describe("Discord cards", () => {
  const ids = new ComponentIds();
  it("show the AI summary, authors, stars and links in fields", () => {
    const { embeds } = renderMessage({ visibility: "ephemeral", text: "1 result", papers: [toCard(paper())] }, ids);
    expect(embeds[0]!.description).toBe("A training-free pruning method that keeps task-relevant parameters.");
    const fields = Object.fromEntries(embeds[0]!.fields!.map((f) => [f.name, f.value]));
    expect(fields.Authors).toBe("Xun Liang, Hanyu Wang, Huayi Lai et al.");
    expect(fields.Code).toBe("[IAAR-Shanghai/SEAP](https://github.com/IAAR-Shanghai/SEAP) ★ 1k");
    expect(fields.Read).toBe("[arXiv](https://arxiv.org/abs/2503.07605) · [PDF](https://arxiv.org/pdf/2503.07605)");
    expect(fields.Upvotes).toBe("▲ 60");
  });

  it("stay within Discord's embed limits with absurdly long values (the emulator's check)", () => {
    for (const count of [1, 3, 10, 12]) {
      const message = renderMessage({ visibility: "channel", text: "t".repeat(5000), papers: Array.from({ length: count }, (_, i) => toCard(hugePaper(i), { reason: "r ".repeat(3000) })), actions: ["bookmark"] }, ids);
      expect(checkMessageBody(message)).toBeNull();
      expect(message.embeds.length).toBeLessThanOrEqual(10);
    }
  });

  it("a paper with no abstract (an empty summary from Hugging Face) is an embed Discord takes, listed or in full", () => {
    const bare = paper({ summary: "", aiSummary: null });
    for (const card of [toCard(bare, { rank: 2 }), toCard(bare, { full: true })]) {
      const message = renderMessage({ visibility: "channel", text: bare.title, papers: [card], actions: ["bookmark"] }, ids);
      expect(checkMessageBody(message)).toBeNull();
      expect(message.embeds[0]!.title).toBe(`${card.rank ? "2. " : ""}${bare.title}`);
    }
  });

  it("a paper in full (/papers paper) with a long AI summary beside its whole abstract stays within a description's 4,096", () => {
    const long = paper({ summary: "y ".repeat(1000), aiSummary: "z ".repeat(1300) });
    const message = renderMessage({ visibility: "ephemeral", text: "1 result", papers: [toCard(long, { full: true })] }, ids);
    expect(checkMessageBody(message)).toBeNull();
    expect(message.embeds[0]!.description!.startsWith("AI summary: z z")).toBe(true);
  });
});

describe("terminal cards", () => {
  it("print the summary, stars and links", () => {
    const text = renderText({ visibility: "ephemeral", text: "1 result", papers: [toCard(paper())] });
    expect(text).toContain("A training-free pruning method");
    expect(text).toContain("PDF https://arxiv.org/pdf/2503.07605");
    expect(text).toContain("code IAAR-Shanghai/SEAP ★ 1k");
  });

  it("mark a read paper once, before its title", () => {
    const text = renderText({ visibility: "ephemeral", text: "1 saved", papers: [{ ...toCard(paper()), rank: 1, readAt: new Date("2025-03-12T00:00:00Z") }] });
    expect(text).toMatch(/^1\. ✓ \S/m);
    expect(text.match(/✓/g)).toHaveLength(1);
  });
});

describe("a recommendation's reason and a digest paper's title, on every client", () => {
  const ids = new ComponentIds();
  const why = "like “Objective Mismatch in Model-based RL”, which you saved";
  // What a personal digest posts for each paper: the title as its notification text, the reason on its card.
  const digestPaper: Reply = { visibility: "channel", text: paper().title, papers: [toCard(paper(), { rank: 2, reason: why })], actions: ["bookmark"] };

  it("Slack shows the reason under the card, escaped", () => {
    const [message] = renderReply(digestPaper);
    expect(blockText(message!.blocks)).toContain("_Why:_ like “Objective Mismatch in Model-based RL”, which you saved");
    const [compact] = renderReply({ ...digestPaper, papers: Array.from({ length: 12 }, () => toCard(paper(), { reason: "like <!channel> & co" })) });
    expect(blockText(compact!.blocks)).toContain("_Why:_ like &lt;!channel&gt; &amp; co");
    // The title once (in the card), and no per-paper 🔖 hint: the digest's header says it once.
    const text = blockText(message!.blocks);
    expect(text.split(paper().title)).toHaveLength(2);
    expect(text).not.toContain("React with");
    expect(message!.text).toBe(paper().title); // still the notification text
  });

  it("Discord shows it as a field and does not repeat the title above the embed", () => {
    const message = renderMessage(digestPaper, ids);
    expect(message.content).toBe("");
    expect(message.embeds[0]!.title).toBe(`2. ${paper().title}`);
    expect(message.embeds[0]!.fields).toContainEqual({ name: "Why", value: why, inline: false });
    expect(checkMessageBody(message)).toBeNull();
    // Any other text stays: a search's header is not the card's title.
    expect(renderMessage({ ...digestPaper, text: "1 result" }, ids).content).toBe("1 result");
  });

  it("the terminal prints the title once and the reason under the card", () => {
    const text = renderText(digestPaper);
    expect(text.split(paper().title)).toHaveLength(2);
    expect(text).toContain(`   Why: ${why}`);
  });
});

describe("stored extras", () => {
  let services: TestServices;
  beforeAll(async () => { services = await createTestServices(); });
  afterAll(async () => { await services?.close(); });

  it("keep the AI summary and stars across a capture re-ingest that lacks them, and take newer star counts", async () => {
    await services.papers.upsert([paper()], "hf");
    await services.papers.upsert([paper({ aiSummary: null, githubStars: null })], "capture");
    expect(await services.papers.get("2503.07605")).toMatchObject({ aiSummary: "A training-free pruning method that keeps task-relevant parameters.", githubStars: 1021 });
    const result = await services.papers.upsert([paper({ githubStars: 1500 })], "hf");
    expect(result.updated).toBe(1);
    expect((await services.papers.get("2503.07605"))!.githubStars).toBe(1500);
  });
});

describe("extras from the HF emulator", () => {
  let hf: HfEmulator;
  let services: TestServices;
  beforeAll(async () => {
    hf = await startHfEmulator();
    services = await createTestServices({ clock: manualClock("2025-03-11T10:00:00Z"), env: { HF_API_URL: hf.url("ok"), HF_PAGE_SIZE: "4", HF_REFRESH: "on" } });
  });
  afterAll(async () => { await services?.close(); await hf?.close(); });

  it("the daily refresh stores the repo's stars, and the bundled capture's papers stay plain", async () => {
    await refreshFromHf(services, { date: "2025-03-11" });
    expect(services.catalog.get("2503.07536")).toMatchObject({ githubRepo: "TideDra/lmm-r1", githubStars: 1021 });
    expect(services.catalog.get("2503.07920")).toMatchObject({ githubRepo: null, githubStars: null });
    const [message] = renderReply({ visibility: "ephemeral", text: "x", papers: [toCard(services.catalog.get("2503.07536")!)] });
    expect(blockText(message!.blocks)).toContain("<https://github.com/TideDra/lmm-r1|code ★ 1k>");
  });

  it("a looked-up paper's card carries HF's AI summary", async () => {
    const user = { platform: "slack" as const, workspaceId: "T1", userId: "U1" };
    const reply = await runCommand(createRegistry(), "paper", { id: "2503.07605" },
      { services, user, channel: { ...user, channelId: "C1" }, canManageChannel: false, now: services.clock() });
    expect(reply.papers?.[0]).toMatchObject({ aiSummary: "A training-free pruning method.", githubStars: 78 });
    expect(renderText(reply)).toContain("A training-free pruning method.");
  });

});

describe("the paper command", () => {
  let services: TestServices;
  beforeAll(async () => { services = await createTestServices(); });
  afterAll(async () => { await services?.close(); });

  it("a paper asked for by itself shows its whole abstract, unnumbered, on every client", async () => {
    const user = { platform: "slack" as const, workspaceId: "T1", userId: "U1" };
    const ctx = { services, user, channel: { ...user, channelId: "C1" }, canManageChannel: false, now: services.clock() };
    const found = await runCommand(createRegistry(), "search", { query: "mixture of experts" }, ctx);
    const long = (await services.catalog.full(found.papers![0]!.id))!;
    expect(long.summary.length).toBeGreaterThan(600);
    const reply = await runCommand(createRegistry(), "paper", { id: long.id }, ctx);
    const ending = long.summary.slice(-60);
    expect(renderText(reply)).toContain(ending);
    expect(renderText(reply)).not.toMatch(/^1\. /m);
    expect(renderMessage(reply, new ComponentIds()).embeds![0]!.description).toContain(ending);
    expect(JSON.stringify(renderReply(reply))).toContain(JSON.stringify(ending).slice(1, -1).replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;"));
  });
});
