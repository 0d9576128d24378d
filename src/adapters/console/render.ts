// Replies as plain text for the terminal: the same content a Slack or Discord user sees.
import type { PaperCard, Reply } from "../../core/messages/reply.ts";
import { shortId, textRepeatsCard } from "../../core/messages/reply.ts";
import { spellEmoji, unicodeSpelling } from "../../core/messages/emoji.ts";
import { DEFAULT_BOT_NAME, spellBotHandle } from "../../core/messages/bot-name.ts";
import { arxivLinks, authorsLine, cardBlurb, repoName, starsLabel } from "../../core/messages/card-extras.ts";
import { plainTyped } from "../../core/messages/typed.ts";

function cardLines(card: PaperCard, number: number | null): string[] {
  const meta = [card.upvotes ? `▲ ${card.upvotes}` : "", authorsLine(card.authors, card.full), `id ${shortId(card)}`]
    .filter(Boolean).join(" · ");
  // A read paper is marked once, before its title, where the eye scans a list.
  const lines = ["", `${number === null ? "" : `${number}. `}${card.readAt ? "✓ " : ""}${card.title}`, `   ${card.url}`, `   ${meta}`, `   ${cardBlurb(card)}`];
  const links = arxivLinks(card);
  const extras = [links ? `arXiv ${links.arxiv} · PDF ${links.pdf}` : "",
    card.githubUrl ? `code ${repoName(card.githubUrl)}${starsLabel(card) ? ` ${starsLabel(card)}` : ""}` : ""].filter(Boolean).join(" · ");
  if (extras) lines.push(`   ${extras}`);
  if (card.note) lines.push(`   Note: ${card.note}`);
  if (card.reason) lines.push(`   Why: ${card.reason}`);
  return lines;
}

export function renderText(reply: Reply): string {
  const text = plainTyped(spellBotHandle(spellEmoji(reply.text, unicodeSpelling), DEFAULT_BOT_NAME));
  const papers = reply.papers ?? [];
  // A digest's paper message carries the title as its notification text; the card says it already.
  const lines = textRepeatsCard(reply) ? [] : [reply.tone === "error" ? `! ${text}` : text];
  // One paper on its own (the paper command) has no number: numbers are for what "bookmark 2" can name.
  for (const [i, card] of papers.entries()) lines.push(...cardLines(card, card.rank ?? (papers.length > 1 ? i + 1 : null)));
  if (lines[0] === "") lines.shift();
  if (reply.file) lines.push("", `(${reply.file.name}, ${reply.file.content.length} bytes)`, reply.file.content);
  return lines.join("\n");
}
