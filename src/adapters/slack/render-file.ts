// An export Slack would not take as a file (no files:write in an older install, DMs closed): the whole file
// inline instead, as code blocks. A section holds 3,000 characters, so a file of more is cut at line ends
// into several, a few to a message (a message's blocks have a size limit of their own); a response_url
// takes five answers, so at most four messages. Only a file longer than all of that is cut short, and says so.
import type { Reply } from "../../core/messages/reply.ts";
import { escapeControls, escapeText, section, slackText, type Block, type SlackMessage } from "./render.ts";

/** Characters of escaped file per section, leaving room for the ``` around them. */
const PIECE = 2_900;
const SECTIONS_PER_MESSAGE = 4;
export const MAX_FILE_MESSAGES = 4;

/** The file escaped for mrkdwn (``` broken up, so it cannot end the code block early) in pieces of at most
 * `max` characters: at line ends where a line fits, else inside it, never inside an escaped character. */
function codePieces(content: string, max: number): string[] {
  const pieces: string[] = [];
  let current: string | null = null;
  for (const line of content.split("\n")) {
    const safe = line.replace(/```/g, "`\u200b``");
    const escaped = escapeControls(safe);
    if (current !== null && current.length + 1 + escaped.length <= max) { current += `\n${escaped}`; continue; }
    if (current !== null) pieces.push(current);
    current = null;
    if (escaped.length <= max) { current = escaped; continue; }
    for (const char of safe) {
      const unit = escapeControls(char);
      if (current !== null && current.length + unit.length > max) { pieces.push(current); current = null; }
      current = (current ?? "") + unit;
    }
  }
  if (current !== null) pieces.push(current);
  return pieces;
}

export function renderFileFallback(reply: Reply): SlackMessage[] {
  reply = slackText(reply);
  const file = reply.file!;
  const pieces = codePieces(file.content, PIECE);
  const room = MAX_FILE_MESSAGES * SECTIONS_PER_MESSAGE - 1; // the first message opens with what this is
  const shown = pieces.length > room ? pieces.slice(0, room - 1) : pieces;
  const parts = shown.length > 1 ? `, in ${shown.length} parts` : "";
  const blocks: Block[] = [section(`${escapeText(reply.text)} I couldn't attach *${escapeText(file.name)}*, so here it is${parts}:`),
    ...shown.map((piece) => section("```" + piece + "```"))];
  if (shown.length < pieces.length) {
    const kept = shown.reduce((n, piece) => n + piece.length, 0);
    const total = pieces.reduce((n, piece) => n + piece.length, 0);
    blocks.push(section(`… cut here: that is ${Math.round((100 * kept) / total)}% of the file; the rest needs the file itself, which Slack would not take.`));
  }
  const text = escapeText(`${reply.text} (${file.name})`);
  const messages: SlackMessage[] = [];
  for (let i = 0; i < blocks.length; i += SECTIONS_PER_MESSAGE) {
    messages.push({ text: i === 0 ? text : `${text} (continued)`, blocks: blocks.slice(i, i + SECTIONS_PER_MESSAGE) });
  }
  return messages;
}
