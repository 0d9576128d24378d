// A Reply as a Discord message: content, embeds and components. The only module that knows those shapes.
// Discord's limits shape it: 2,000 characters of content, 10 embeds and 6,000 embed characters per
// message, 5 action rows of 5 buttons, 25 select options, 100-character labels and custom ids.
import { ButtonStyle, ComponentType, type APIActionRowComponent, type APIComponentInMessageActionRow, type APIEmbed } from "discord.js";
import { ACTION_EMOJI, shortId, textRepeatsCard, type PaperAction, type PaperCard, type Reply } from "../../core/messages/reply.ts";
import { EMOJI, spellEmoji, unicodeSpelling } from "../../core/messages/emoji.ts";
import { DEFAULT_BOT_NAME, spellBotHandle } from "../../core/messages/bot-name.ts";
import { arxivLinks, authorsLine, cardBlurb, repoName, starsLabel } from "../../core/messages/card-extras.ts";
import type { ComponentIds } from "./component-ids.ts";
import { embedTitle, inert, written } from "./inert.ts";

export interface DiscordMessage {
  content: string;
  embeds: APIEmbed[];
  components: APIActionRowComponent<APIComponentInMessageActionRow>[];
  /** An attachment (an export); each caller hands it to discord.js its own way. */
  file?: { name: string; data: Buffer };
}

const MAX_CONTENT = 2000;
const MAX_DESCRIPTION = 4096;
export const MAX_EMBEDS = 10;
const EMBED_BUDGET = 5800;
const BUTTONS_PER_ROW = 5;
const COLOR = { paper: 0xff9d00, error: 0xed4245 };

const LABELS: Record<PaperAction, string> = {
  bookmark: "Bookmark", similar: "More like this", share: "Share to channel", unbookmark: "Remove bookmark", markRead: "Mark read",
  discuss: "Discuss", notInterested: "Not interested",
};
const SHORT_LABELS: Record<PaperAction, string> = { bookmark: "Bookmark", similar: "Similar", share: "Share", unbookmark: "Remove", markRead: "Read", discuss: "Discuss",
  notInterested: "Not for me" };

function cut(text: string, max: number): string {
  return text.length <= max ? text : text.slice(0, max - 1) + "…";
}

export function paperEmbed(card: PaperCard, summaryChars = 220): APIEmbed {
  // No upvotes known (the bundled capture, an ingested file): no field, as Slack and the terminal show none.
  const fields = card.upvotes ? [{ name: "Upvotes", value: `▲ ${card.upvotes}`, inline: true }] : [];
  const authors = authorsLine(card.authors, card.full);
  if (authors) fields.push({ name: "Authors", value: cut(written(authors), 1024), inline: true });
  if (card.githubUrl) {
    const stars = starsLabel(card);
    fields.push({ name: "Code", value: cut(`[${repoName(card.githubUrl)}](${card.githubUrl})${stars ? ` ${stars}` : ""}`, 1024), inline: true });
  }
  if (card.note) fields.push({ name: "📝 Your note", value: cut(inert(card.note), 1024), inline: false });
  if (card.reason) fields.push({ name: "Why", value: cut(inert(card.reason), 1024), inline: false });
  const links = arxivLinks(card);
  if (links) fields.push({ name: "Read", value: `[arXiv](${links.arxiv}) · [PDF](${links.pdf})`, inline: true });
  // A paper with no abstract (Hugging Face lists some with an empty summary) gets no description: Discord
  // refuses an empty one ("This field is required"), which held a digest at that paper every tick.
  const blurb = cardBlurb(card, summaryChars);
  return {
    title: embedTitle(card.rank ? `${card.rank}. ${card.title}` : card.title),
    url: card.url,
    // A card in full is an AI summary of any length beside the whole abstract: together they may pass 4,096.
    ...(blurb ? { description: cut(written(blurb), MAX_DESCRIPTION) } : {}),
    color: COLOR.paper,
    fields,
    footer: { text: card.arxivId ? `arXiv ${card.arxivId}` : `id ${shortId(card)}` },
  };
}

function embedChars(e: APIEmbed): number {
  return (e.title?.length ?? 0) + (e.description?.length ?? 0) + (e.footer?.text.length ?? 0)
    + (e.fields ?? []).reduce((n, f) => n + f.name.length + f.value.length, 0);
}

/** Up to 10 embeds within Discord's 6,000-character total, shortening summaries before dropping any. */
function embeds(cards: PaperCard[]): APIEmbed[] {
  const shown = cards.slice(0, MAX_EMBEDS);
  for (const summaryChars of [220, 140, 80, 0]) {
    const list = shown.map((c) => paperEmbed(c, summaryChars));
    if (list.reduce((n, e) => n + embedChars(e), 0) <= EMBED_BUDGET) return list;
  }
  return shown.map((c) => ({ title: embedTitle(c.title), url: c.url, color: COLOR.paper }));
}

type Row = APIActionRowComponent<APIComponentInMessageActionRow>;

/** Five papers or fewer: a row of buttons per action. More: a menu of papers per action. */
function actionRows(cards: PaperCard[], actions: PaperAction[], ids: ComponentIds, maxRows: number): Row[] {
  if (cards.length === 0) return [];
  const rows: Row[] = [];
  for (const action of actions.slice(0, maxRows)) {
    if (cards.length <= BUTTONS_PER_ROW) {
      rows.push({ type: ComponentType.ActionRow, components: cards.map((card, i) => ({
        type: ComponentType.Button, style: action === "bookmark" ? ButtonStyle.Primary : ButtonStyle.Secondary,
        custom_id: ids.paper(action, card.id), emoji: { name: EMOJI[ACTION_EMOJI[action]].unicode },
        label: cards.length === 1 ? LABELS[action] : `${SHORT_LABELS[action]} ${card.rank ?? i + 1}`,
      })) });
    } else {
      rows.push({ type: ComponentType.ActionRow, components: [{
        type: ComponentType.StringSelect, custom_id: ids.paperMenu(action), placeholder: `${EMOJI[ACTION_EMOJI[action]].unicode} ${LABELS[action]}…`,
        options: cards.slice(0, 25).map((card, i) => ({ label: cut(`${card.rank ?? i + 1}. ${card.title}`, 100), value: card.id })),
      }] });
    }
  }
  return rows;
}

/** The people the bot's own words name, as mentions again (inert escapes every "<@…>"); nobody is pinged,
 * as every message goes with allowed_mentions empty (client.ts, transport.ts). */
function withMentions(text: string, userIds: string[] = []): string {
  return userIds.reduce((t, id) => /^\d+$/.test(id) ? t.replaceAll(`\\<@${id}>`, `<@${id}>`) : t, text);
}

export function renderMessage(reply: Reply, ids: ComponentIds): DiscordMessage {
  const cards = reply.papers ?? [];
  const more = reply.more ? [{ type: ComponentType.ActionRow, components: [{
    type: ComponentType.Button, style: ButtonStyle.Secondary, label: "Show more", custom_id: ids.more(reply.more.command, reply.more.input),
  }] } as Row] : [];
  const text = withMentions(inert(spellBotHandle(spellEmoji(reply.text, unicodeSpelling), DEFAULT_BOT_NAME)), reply.mentions);
  // Text past a message's 2,000 characters (help) goes whole into an embed's description, which holds 4,096.
  const long = cards.length === 0 && text.length > MAX_CONTENT;
  const rendered: DiscordMessage = {
    // A digest paper's text is its title, which the embed shows: Discord would print it twice.
    content: textRepeatsCard(reply) || long ? "" : cut(reply.tone === "error" ? `${EMOJI.warning.unicode} ${text}` : text, MAX_CONTENT),
    embeds: long ? [{ description: cut(text, MAX_DESCRIPTION), color: COLOR.paper }] : embeds(cards),
    components: [...actionRows(cards.slice(0, MAX_EMBEDS), reply.actions ?? [], ids, 5 - more.length), ...more],
  };
  if (reply.file) rendered.file = { name: reply.file.name, data: Buffer.from(reply.file.content, "utf8") };
  return rendered;
}
