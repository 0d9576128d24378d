// Replies as plain text for the terminal: the same content a Slack or Discord user sees.
import type { Reply } from "../../core/messages/reply.ts";
import { arxivLinks, authorsLine, cardBlurb, repoName, starsLabel } from "../../core/messages/card-extras.ts";

export function renderText(reply: Reply): string {
  const lines = [reply.tone === "error" ? `! ${reply.text}` : reply.text];
  for (const [i, card] of (reply.papers ?? []).entries()) {
    const meta = [card.upvotes ? `▲ ${card.upvotes}` : "", authorsLine(card.authors)].filter(Boolean).join(" · ");
    lines.push("", `${card.rank ?? i + 1}. ${card.title}`, `   ${card.url}${meta ? `  ${meta}` : ""}`, `   ${cardBlurb(card)}`);
    const links = arxivLinks(card);
    const extras = [links ? `arXiv ${links.arxiv} · PDF ${links.pdf}` : "",
      card.githubUrl ? `code ${repoName(card.githubUrl)}${starsLabel(card) ? ` ${starsLabel(card)}` : ""}` : ""].filter(Boolean).join(" · ");
    if (extras) lines.push(`   ${extras}`);
    if (card.note) lines.push(`   Note: ${card.note}`);
  }
  if (reply.file) lines.push("", `(${reply.file.name}, ${reply.file.content.length} bytes)`, reply.file.content);
  return lines.join("\n");
}
