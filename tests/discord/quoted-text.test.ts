// What the bot quotes from outside (a paper's title and abstract, a topic someone typed) reads on Discord as
// written: no user or role chips, spoilers, masked links or headings made of it. The bot's own markup stays.
import { expect, it } from "vitest";
import { renderMessage } from "../../src/adapters/discord/render.ts";
import { ComponentIds } from "../../src/adapters/discord/component-ids.ts";
import { toCard, type Reply } from "../../src/core/messages/reply.ts";
import { renderDiscussion } from "../../src/adapters/discord/render-discussion.ts";
import { discussionStarter } from "../../src/core/messages/discussion.ts";

const ids = new ComponentIds();
const HOSTILE = "<@123456789012345678> <@&987654321098765432> ||spoiler|| [click](https://evil.example)";
// Nested brackets make a link on Discord too: "[[click]](…)".
const NESTED = "[[click]](https://evil.example)";
const paper = { id: "2503.00001", arxivId: "2503.00001", title: `Zebraquux ${HOSTILE}`, summary: `An abstract with [y](https://evil.example).\n# Heading`,
  authors: ["<@123456789012345678>"], keywords: [], githubRepo: null, publishedAt: null, upvotes: 1 };

it("a shared paper's title, abstract and authors show as written", () => {
  const reply: Reply = { visibility: "channel", text: `Shared by a teammate: ${paper.title}`, papers: [toCard(paper)] };
  const message = renderMessage(reply, ids);
  expect(message.content).toBe("Shared by a teammate: Zebraquux \\<@123456789012345678> \\<@&987654321098765432> \\|\\|spoiler\\|\\| [click\\](https://evil.example)");
  const embed = message.embeds[0]!;
  expect(embed.description).toContain("[y\\](https://evil.example)");
  expect(embed.description).not.toMatch(/[^\\]\]\(/);
  expect(embed.fields!.find((f) => f.name === "Authors")!.value).toBe("\\<@123456789012345678>");
});

it("no link forms however its brackets nest, in a discussion's abstract too", () => {
  const message = renderMessage({ visibility: "channel", text: `Shared by a teammate: ${NESTED}` }, ids);
  expect(message.content).toBe("Shared by a teammate: [[click]\\](https://evil.example)");
  const thread = renderDiscussion(discussionStarter({ ...paper, summary: NESTED, authors: ["<@123456789012345678>"] }, "111111111111111111"));
  expect(thread.embeds[0]!.description).toBe("\\[\\[click\\]\\](https://evil.example)");
  expect(thread.embeds[0]!.fields!.find((f) => f.name === "Authors")!.value).toBe("\\<@123456789012345678>");
});

it("a backslash of the text's own does not cancel the escapes", () => {
  const message = renderMessage({ visibility: "channel", text: "Shared by a teammate: [click\\](https://evil.example) \\<@123456789012345678>" }, ids);
  expect(message.content).toBe("Shared by a teammate: [click\\\\\\](https://evil.example) \\\\\\<@123456789012345678>");
});

it("a person the bot's own words name stays a mention; any other the text spells is escaped", () => {
  const message = renderMessage({ visibility: "channel", text: `Shared by <@111111111111111111>: ${HOSTILE}`, mentions: ["111111111111111111"] }, ids);
  expect(message.content).toBe("Shared by <@111111111111111111>: \\<@123456789012345678> \\<@&987654321098765432> \\|\\|spoiler\\|\\| [click\\](https://evil.example)");
});

it("keeps the bot's own markup: a channel link and emphasis", () => {
  const message = renderMessage({ visibility: "ephemeral", text: "Subscribed <#123456789012345678>: no new papers on *moe* today." }, ids);
  expect(message.content).toBe("Subscribed <#123456789012345678>: no new papers on *moe* today.");
});

it("a discussion's links are whole links, leaving out one too long for the field rather than cutting it", () => {
  // No arXiv id: the Hugging Face link searches for the title, which 192 CJK characters make ~1,700 characters long.
  const long = { ...paper, id: "t-1a2b3c", arxivId: null, title: "大規模言語モデル".repeat(24), githubRepo: "org/repo" };
  const links = renderDiscussion(discussionStarter(long, "111111111111111111")).embeds[0]!.fields!.find((f) => f.name === "Links")!.value;
  expect(links.length).toBeLessThanOrEqual(1024);
  expect(links).toBe("[org/repo](https://github.com/org/repo)");
});

it("a title's own * _ ~ ` | show as written in an embed's title, and a long one is cut within 256 with its escapes whole", () => {
  const title = "Q* Meets A*: snake_case_ Search with ~tilde~ `ticks` || pipes";
  const card = toCard({ ...paper, title });
  const embed = renderMessage({ visibility: "ephemeral", text: "Papers:", papers: [card] }, ids).embeds[0]!;
  expect(embed.title).toBe("Q\\* Meets A\\*: snake\\_case\\_ Search with \\~tilde\\~ \\`ticks\\` \\|\\| pipes");
  // Unescaped again, it is the title: nothing in it is markup any more.
  expect(embed.title!.replace(/\\(.)/g, "$1")).toBe(title);
  const long = renderMessage({ visibility: "ephemeral", text: "Papers:", papers: [toCard({ ...paper, title: "A*".repeat(200) })] }, ids).embeds[0]!;
  expect(long.title!.length).toBeLessThanOrEqual(256);
  expect(long.title).toMatch(/^(A\\\*)+…$/);
});

it("a discussion's first message names the paper with no backslash a notification would show before - ( ) # > or :", () => {
  // The message pings the asker, and Discord's notification shows its content with every backslash in it.
  const title = "Model-Based RL (MBRL): #1 > All, with V* and snake_case";
  const { content } = renderDiscussion(discussionStarter({ ...paper, title }, "111111111111111111"));
  expect(content).toBe(String.raw`💬 <@111111111111111111> started a discussion of **Model-Based RL (MBRL): #1 > All, with V\* and snake\_case**. Reply here to discuss it.`);
});

it("an abstract's and an author list's own * _ ~ show as written, and the links in the abstract stay whole", () => {
  // "A$^*$ … Q$^*$" italicized what lay between; "Smith*, Jones*" the names after the first.
  const summary = "Planning with A$^*$ and Q$^*$ over x_{t} and y_{t}. Code: https://github.com/org/my_repo_name and github.com/a/b_c.";
  const card = toCard({ ...paper, summary, authors: ["Ann Smith*", "Bo Jones*", "Cy Lee"] });
  const embed = renderMessage({ visibility: "ephemeral", text: "Papers:", papers: [card] }, ids).embeds[0]!;
  expect(embed.description).toBe(String.raw`Planning with A$^\*$ and Q$^\*$ over x\_{t} and y\_{t}. Code: https://github.com/org/my_repo_name and github.com/a/b_c.`);
  expect(embed.fields!.find((f) => f.name === "Authors")!.value).toBe(String.raw`Ann Smith\*, Bo Jones\*, Cy Lee`);
  const thread = renderDiscussion(discussionStarter({ ...paper, summary }, "111111111111111111"));
  expect(thread.embeds[0]!.description).toBe(embed.description);
});
