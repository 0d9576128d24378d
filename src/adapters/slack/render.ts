// Replies as Block Kit: the only file that knows Slack's message shapes. Everything else hands it a Reply.
// Slack's limits shape the layout: 50 blocks per message (100 in a Home tab), 3,000 characters per
// section, 75 per button label, 2,000 per button value, 150 per overflow option value.
import type { types } from "@slack/bolt";
import type { PaperAction, PaperCard, Reply } from "../../core/messages/reply.ts";
import { shortId, textRepeatsCard } from "../../core/messages/reply.ts";
import { slackSpelling, spellEmoji } from "../../core/messages/emoji.ts";
import { DEFAULT_BOT_NAME, spellBotHandle } from "../../core/messages/bot-name.ts";
import { arxivLinks, authorsLine, cardBlurb, starsLabel } from "../../core/messages/card-extras.ts";
import { mapTyped, plainTyped } from "../../core/messages/typed.ts";
import { mapLinks } from "../../core/messages/links.ts";

export type Block = types.KnownBlock;
export interface SlackMessage { text: string; blocks: Block[] }

export const MAX_BLOCKS = 50;
const MAX_SECTION = 3000;
const MAX_VALUE = 2000;
/** Up to this many papers get the full card (summary + buttons); longer lists get one compact line each. */
const RICH_CARDS = 5;

export const ACTION_PREFIX = "paper_";
export const MENU_ACTION = "paper_menu";
export const MORE_ACTION = "more";

const LABELS: Record<PaperAction, string> = {
  bookmark: "🔖 Bookmark", share: "Share to channel", similar: "More like this", unbookmark: "Remove", markRead: "Mark read",
  discuss: "💬 Discuss", notInterested: "Not interested",
};

/**
 * Slack mrkdwn treats &, < and > as control characters: "/papers <words>" would become a broken link, and
 * an echoed "<!channel>" or "<@U1>" would notify people. A channel link ("<#C123>", what the bot writes
 * for "Subscribed #general") is kept as one: it shows the channel's name and notifies no one.
 */
export function escapeText(text: string): string {
  return mapTyped(text, (typed) => unformatted(escapeControls(typed)), (rest) => escapeControls(rest).replace(/&lt;#([A-Z0-9]{2,20})&gt;/g, "<#$1>"));
}

export const escapeControls = (text: string): string => text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");

/** Typed text with Slack's formatting characters kept from pairing up: mrkdwn has no escape, so a zero-width
 * space on each side of *, _, ~ and ` (none of them is bold, italic, struck or code then). */
const unformatted = (text: string): string => text.replace(/[*_~`]/g, "\u200b$&\u200b");

/** Text from outside (an abstract, an AI summary, author names) as written: "A$^*$ … Q$^*$" or "x_{t} … y_{t}" in
 * an abstract would otherwise bold or italicize what lies between. The links in it are left whole, as Slack
 * links them only so. */
export function writtenText(text: string): string {
  return mapLinks(plainTyped(text), (words) => unformatted(escapeControls(words)), escapeControls);
}

/** A link's label (a paper's title) shows as written: a title's * or _ ("V*: Guided Visual Search") would
 * otherwise pair with the bold around a card's title, or with each other, and bold or italicize half of it. */
export function link(url: string, label: string): string {
  const shown = unformatted(escapeControls(plainTyped(label)));
  return `<${url.replace(/[<>|]/g, encodeURIComponent)}|${shown.replace(/\|/g, "¦")}>`;
}

export function section(text: string): Block {
  return { type: "section", text: { type: "mrkdwn", text: text.slice(0, MAX_SECTION) } };
}

/**
 * Long mrkdwn (help, a full card's abstract), escaped already, as sections Slack accepts: split where a line
 * ends, else where a word ends, never inside an escape ("&lt;"), a link ("<url|label>") or a character kept
 * from formatting ("\u200b*\u200b"), so nothing is lost or broken at a section's end.
 */
export function textSections(escaped: string): Block[] {
  const blocks: Block[] = [];
  let rest = escaped;
  while (rest.length > MAX_SECTION) {
    const at = sectionEnd(rest);
    blocks.push(section(rest.slice(0, at).trimEnd()));
    rest = rest.slice(at).replace(/^[ \n]+/, "");
  }
  if (rest) blocks.push(section(rest));
  return blocks;
}

/** Where the first section of `text` (longer than one) ends: the last line end in its second half, else its
 * last space, else its last character; moved back to before an escape, a link or a kept-apart mark it is in. */
function sectionEnd(text: string): number {
  const line = text.lastIndexOf("\n", MAX_SECTION);
  let at = line > MAX_SECTION / 2 ? line : text.lastIndexOf(" ", MAX_SECTION);
  if (at <= 0) at = MAX_SECTION; // one word longer than a section
  const open = text.lastIndexOf("<", at - 1);
  if (open > 0 && open > text.lastIndexOf(">", at - 1)) at = open;
  const amp = text.lastIndexOf("&", at - 1);
  if (amp > 0 && at - amp < 6 && !text.slice(amp, at).includes(";")) at = amp;
  while (at > 1 && (text[at - 1] === "\u200b" || text[at] === "\u200b")) at--;
  return at;
}

function metaLine(card: PaperCard): string {
  const links = arxivLinks(card);
  const stars = starsLabel(card);
  return [
    writtenText(authorsLine(card.authors, card.full)),
    card.upvotes ? `▲ ${card.upvotes}` : "",
    links ? `${link(links.arxiv, `arXiv ${card.arxivId}`)} · ${link(links.pdf, "PDF")}` : `id ${shortId(card)}`,
    card.githubUrl ? link(card.githubUrl, stars ? `code ${stars}` : "code") : "",
    card.readAt ? "✓ read" : "",
  ].filter(Boolean).join("  ·  ").slice(0, MAX_SECTION);
}

/** A person's note on their bookmark, as they wrote it (escaped: a note is not markup). */
function noteLine(note: string): string {
  return `:memo: _Your note:_ ${escapeText(note.slice(0, 1000))}`;
}

/** Why a recommendation is there (escaped: it quotes a paper's title). */
function reasonLine(reason: string): string {
  return `_Why:_ ${escapeText(reason.slice(0, 1000))}`;
}

function titleLine(card: PaperCard): string {
  return `*${card.rank ? `${card.rank}. ` : ""}${link(card.url, card.title)}*`;
}

export function button(actionId: string, label: string, value: string): types.Button {
  return { type: "button", action_id: actionId, text: { type: "plain_text", text: label.slice(0, 75), emoji: true }, value: value.slice(0, MAX_VALUE) };
}

function richCard(card: PaperCard, actions: readonly PaperAction[]): Block[] {
  const blocks = textSections(`${titleLine(card)}\n${writtenText(cardBlurb(card))}`);
  const meta = metaLine(card);
  if (meta) blocks.push({ type: "context", elements: [{ type: "mrkdwn", text: meta }] });
  if (card.note) blocks.push({ type: "context", elements: [{ type: "mrkdwn", text: noteLine(card.note) }] });
  if (card.reason) blocks.push({ type: "context", elements: [{ type: "mrkdwn", text: reasonLine(card.reason) }] });
  if (actions.length > 0) {
    blocks.push({ type: "actions", block_id: `paper:${card.id}`.slice(0, 255),
      elements: actions.map((a) => button(`${ACTION_PREFIX}${a}`, LABELS[a], card.id)) });
  }
  return blocks;
}

/** One block per paper, its buttons folded into an overflow menu, so 50 papers still fit in two messages. */
function compactCard(card: PaperCard, actions: readonly PaperAction[]): Block {
  const meta = metaLine(card);
  const block: types.SectionBlock = { type: "section", block_id: `paper:${card.id}`.slice(0, 255),
    text: { type: "mrkdwn", text: `${titleLine(card)}\n${writtenText(cardBlurb(card, 110))}${meta ? `\n${meta}` : ""}${card.note ? `\n${noteLine(card.note)}` : ""}${card.reason ? `\n${reasonLine(card.reason)}` : ""}`.slice(0, MAX_SECTION) } };
  const options = actions.map((a) => ({ text: { type: "plain_text" as const, text: LABELS[a], emoji: true }, value: `${a}:${card.id}`.slice(0, 150) }));
  if (options.length > 0) block.accessory = { type: "overflow", action_id: MENU_ACTION, options: options.slice(0, 5) };
  return block;
}

/** What a "Show more" button carries: the command and its next input, read back by decodeMore. */
export function encodeMore(more: NonNullable<Reply["more"]>): string | null {
  const value = JSON.stringify({ c: more.command, i: more.input });
  return value.length <= MAX_VALUE ? value : null;
}

export function decodeMore(value: string | undefined): Reply["more"] | null {
  try {
    const parsed = JSON.parse(value ?? "") as { c?: unknown; i?: unknown };
    if (typeof parsed.c !== "string" || typeof parsed.i !== "object" || parsed.i === null || Array.isArray(parsed.i)) return null;
    return { command: parsed.c, input: parsed.i as Record<string, unknown> };
  } catch { return null; }
}

/** The reply with its emoji (core/messages/emoji.ts) spelled as Slack shortcodes. */
export function slackText(reply: Reply): Reply {
  return { ...reply, text: spellEmoji(reply.text, slackSpelling) };
}

/**
 * The bot's handle (core/messages/bot-name.ts) as Slack shows the bot: a mention of its own user, which reads
 * as whatever the admin named the app and notifies no one. Without the bot's user id (a renderer called
 * before it is known), the manifest's default name.
 */
export function botMention(botUserId: string | undefined): string {
  return botUserId && /^[UW][A-Z0-9]{2,20}$/.test(botUserId) ? `<@${botUserId}>` : `@${DEFAULT_BOT_NAME}`;
}

/** The reply's own text as mrkdwn: escaped, then the bot's handle spelled (a mention escaping would break). */
function replyText(reply: Reply, botUserId: string | undefined, max = Infinity): string {
  return spellBotHandle(escapeText(reply.text.slice(0, max)), botMention(botUserId));
}

/** The notification text: Slack parses it as mrkdwn too, so an echoed "<!channel>" would notify everyone. */
function fallbackText(reply: Reply, botUserId: string | undefined): string {
  // A text that introduces its one card ("Shared by a teammate:") leaves the title to the card; a
  // notification shows no card, so it names the paper itself.
  const card = reply.visibility === "channel" && reply.papers?.length === 1 && reply.text.endsWith(":") ? reply.papers[0]! : null;
  return replyText(card ? { ...reply, text: `${reply.text} ${card.title}` } : reply, botUserId, 3000);
}

/** All the blocks of a reply, before splitting into messages. */
function replyBlocks(reply: Reply, botUserId: string | undefined): Block[] {
  // A digest's paper message has its title as the notification text: the card says it already, and the
  // digest's header says how to save one, so neither is repeated under each paper.
  const repeats = textRepeatsCard(reply);
  const blocks = reply.tone === "error" ? [section(`:warning: ${replyText(reply, botUserId)}`)] : repeats ? [] : textSections(replyText(reply, botUserId));
  const papers = reply.papers ?? [];
  const actions = reply.actions ?? [];
  const rich = papers.length <= RICH_CARDS;
  for (const card of papers) blocks.push(...(rich ? richCard(card, actions) : [compactCard(card, actions)]));
  if (reply.visibility === "channel" && papers.length > 0 && !repeats) {
    blocks.push({ type: "context", elements: [{ type: "mrkdwn", text: "React with :bookmark: to save a paper to your reading list." }] });
  }
  const more = reply.more ? encodeMore(reply.more) : null;
  if (more) blocks.push({ type: "actions", block_id: "more", elements: [button(MORE_ACTION, "Show more", more)] });
  return blocks;
}

/** A reply as one or more Slack messages (more than one only when it exceeds 50 blocks). `botUserId`: the
 * bot's own user, how the reply names the bot. */
export function renderReply(reply: Reply, botUserId?: string): SlackMessage[] {
  reply = slackText(reply);
  const blocks = replyBlocks(reply, botUserId);
  const text = fallbackText(reply, botUserId);
  const messages: SlackMessage[] = [];
  for (let i = 0; i < blocks.length; i += MAX_BLOCKS) messages.push({ text: i === 0 ? text : `${text} (continued)`, blocks: blocks.slice(i, i + MAX_BLOCKS) });
  return messages.length > 0 ? messages : [{ text, blocks: [] }];
}

// Slack refuses a Home view of more blocks than this.
const MAX_HOME_BLOCKS = 100;

/** The App Home: a person's reading list, newest first. */
export function renderHome(cards: PaperCard[], total: number): types.HomeView {
  const blocks: Block[] = [
    { type: "header", text: { type: "plain_text", text: "Your reading list", emoji: true } },
    { type: "context", elements: [{ type: "mrkdwn", text: total === 0 ? "Nothing saved yet."
      : `${total} ${total === 1 ? "paper" : "papers"}, newest first. Export them with \`/papers export bibtex\`.` }] },
  ];
  if (total === 0) {
    blocks.push(section("React with :bookmark: to any paper I post, or click *🔖 Bookmark* under a search result, and it shows up here.\nTry `/papers trending` or `/papers mixture of experts`."));
  }
  // A card takes four to six blocks (a note and a reason add one each): as many as fit beside the "more" line.
  let shown = 0;
  for (const card of cards) {
    const cardBlocks: Block[] = [{ type: "divider" }, ...richCard(card, card.readAt ? ["unbookmark"] : ["markRead", "unbookmark"])];
    if (blocks.length + cardBlocks.length + 1 > MAX_HOME_BLOCKS) break;
    blocks.push(...cardBlocks);
    shown++;
  }
  if (total > shown) blocks.push({ type: "context", elements: [{ type: "mrkdwn", text: `…and ${total - shown} more. \`/papers bookmarks\` pages through all of them.` }] });
  return { type: "home", blocks };
}
