// A discussion thread's first message as Discord content and one embed: who asked (a mention, which
// also adds them to the thread), the paper, its abstract, the AI summary and the links. Within Discord's
// limits: content 2,000, description 4,096, field values 1,024, 6,000 across the embed.
import type { APIEmbed } from "discord.js";
import type { DiscussionStarter } from "../../core/messages/discussion.ts";
import { arxivLinks, authorsLine, repoName, starsLabel } from "../../core/messages/card-extras.ts";
import { embedTitle, inert, written } from "./inert.ts";
import { typed } from "../../core/messages/typed.ts";

export interface DiscussionMessage { content: string; embeds: APIEmbed[]; allowed_mentions: { parse: never[]; users: string[] } }

function cut(text: string, max: number): string {
  return text.length <= max ? text : text.slice(0, max - 1) + "…";
}

const SNOWFLAKE = /^\d{5,25}$/;

export function renderDiscussion(starter: DiscussionStarter): DiscussionMessage {
  const { paper } = starter;
  const asker = SNOWFLAKE.test(starter.askedBy) ? `<@${starter.askedBy}>` : "Someone";
  const fields: { name: string; value: string; inline?: boolean }[] = [];
  const authors = authorsLine(paper.authors);
  if (authors) fields.push({ name: "Authors", value: cut(written(authors), 1024), inline: true });
  if (paper.aiSummary) fields.push({ name: "TL;DR", value: cut(written(paper.aiSummary), 1024) });
  const links = arxivLinks(paper);
  const stars = starsLabel(paper);
  const linkLine = wholeLinks([`[Hugging Face](${paper.url})`, links ? `[arXiv](${links.arxiv}) · [PDF](${links.pdf})` : "",
    paper.githubUrl ? `[${repoName(paper.githubUrl)}](${paper.githubUrl})${stars ? ` ${stars}` : ""}` : ""].filter(Boolean), 1024);
  if (linkLine) fields.push({ name: "Links", value: linkLine });
  return {
    // The title escaped as typed text is (inert.ts): only what formats inside a line. The content pings the asker,
    // and a notification shows every backslash, so "Model-Based RL (MBRL)" must not carry one before - ( or ).
    content: cut(`💬 ${asker} started a discussion of **${inert(typed(paper.title))}**. Reply here to discuss it.`, 2000),
    embeds: [{ title: embedTitle(paper.title), url: paper.url, description: cut(written(paper.summary || "(no abstract)"), 3000), color: 0xff9d00, fields }],
    // Ping the asker only (it adds them to the thread), never @everyone or a role a title happens to spell.
    allowed_mentions: { parse: [], users: SNOWFLAKE.test(starter.askedBy) ? [starter.askedBy] : [] },
  };
}

/** The links that fit whole in `max` characters, in order, leaving out one that does not: a link cut
 * mid-URL is broken markdown, and the ones after it would be lost with it. (A paper without an arXiv id links to a search for its title,
 * which a long non-Latin title makes longer than a field.) */
function wholeLinks(parts: string[], max: number): string {
  let line = "";
  for (const part of parts) {
    const next = line ? `${line} · ${part}` : part;
    if (next.length <= max) line = next;
  }
  return line;
}
