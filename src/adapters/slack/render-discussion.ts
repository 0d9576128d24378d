// A discussion thread's first reply as Block Kit: who asked (a real mention), the paper, its whole
// abstract (in as many sections as it takes), the AI summary and the links. Within Block Kit's limits:
// a handful of blocks, every text under 3,000 characters.
import type { DiscussionStarter } from "../../core/messages/discussion.ts";
import { arxivLinks, authorsLine, starsLabel } from "../../core/messages/card-extras.ts";
import { escapeText, link, textSections, writtenText, type Block, type SlackMessage } from "./render.ts";

const MAX_SECTION = 3000;

function cut(text: string, max: number): string {
  return text.length <= max ? text : text.slice(0, max - 1) + "…";
}

/** A Slack user id is [UW][A-Z0-9]+; anything else is shown as text, never as markup. */
function mention(userId: string): string {
  return /^[UW][A-Z0-9]{2,20}$/.test(userId) ? `<@${userId}>` : escapeText(userId);
}

export function renderDiscussion(starter: DiscussionStarter): SlackMessage {
  const { paper } = starter;
  const links = arxivLinks(paper);
  const stars = starsLabel(paper);
  const linkLine = [
    link(paper.url, "Hugging Face"),
    links ? `${link(links.arxiv, "arXiv")} · ${link(links.pdf, "PDF")}` : "",
    paper.githubUrl ? link(paper.githubUrl, stars ? `code ${stars}` : "code") : "",
  ].filter(Boolean).join("  ·  ");
  const blocks: Block[] = [
    { type: "section", text: { type: "mrkdwn", text: cut(`:speech_balloon: ${mention(starter.askedBy)} started a discussion of *${link(paper.url, cut(paper.title, 300))}*`, MAX_SECTION) } },
  ];
  const authors = authorsLine(paper.authors);
  if (authors) blocks.push({ type: "context", elements: [{ type: "mrkdwn", text: writtenText(authors) }] });
  // Whole, however long (escaping lengthens it: & → &amp;): a section's worth at a time, split where a word ends.
  if (paper.aiSummary) blocks.push(...textSections(`*TL;DR* ${writtenText(paper.aiSummary)}`));
  if (paper.summary) blocks.push(...textSections(`*Abstract* ${writtenText(paper.summary)}`));
  blocks.push({ type: "context", elements: [{ type: "mrkdwn", text: cut(linkLine, MAX_SECTION) }] });
  blocks.push({ type: "context", elements: [{ type: "mrkdwn", text: "Reply in this thread to discuss the paper." }] });
  return { text: cut(`Discussion of “${escapeText(paper.title)}”, started by ${mention(starter.askedBy)}`, 3000), blocks };
}
