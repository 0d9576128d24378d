// Replies as plain text for the terminal: the same content a Slack or Discord user sees.
import type { Reply } from "../../core/messages/reply.ts";
import { shortSummary } from "../../core/messages/reply.ts";

export function renderText(reply: Reply): string {
  const lines = [reply.tone === "error" ? `! ${reply.text}` : reply.text];
  for (const [i, card] of (reply.papers ?? []).entries()) {
    const meta = [card.upvotes ? `▲ ${card.upvotes}` : "", card.authors.slice(0, 3).join(", ") + (card.authors.length > 3 ? " et al." : "")]
      .filter(Boolean).join(" · ");
    lines.push("", `${card.rank ?? i + 1}. ${card.title}`, `   ${card.url}${meta ? `  ${meta}` : ""}`, `   ${shortSummary(card.summary)}`);
  }
  if (reply.file) lines.push("", `(${reply.file.name}, ${reply.file.content.length} bytes)`, reply.file.content);
  return lines.join("\n");
}
