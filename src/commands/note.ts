// `/papers note <N|id> <text>`: a person's own note on a paper in their reading list, shown in the list
// and carried into the exports. An empty text clears it. The reference goes through paper-ref.ts: a
// number from the last list this person saw here (say /papers bookmarks), an id, or a card's short id.
import { z } from "zod";
import { defineCommand } from "../command-kit/command.ts";
import { example, exampleOn } from "../command-kit/usage.ts";
import { option } from "../command-kit/options.ts";
import { UserError } from "../command-kit/errors.ts";
import { resolvePaper } from "../command-kit/paper-ref.ts";
import { notice, shortId, type Reply } from "../core/messages/reply.ts";
import { titled } from "../core/messages/typed.ts";

export const MAX_NOTE_LENGTH = 500;
const REF_HINT = `Say which bookmark, like ${example("note", [["paper", "2"], ["text", "read section 3 first"]])} (its number in your last list, like /papers bookmarks, or its id).`;

const Options = z.object({
  paper: option(z.string({ error: REF_HINT }).trim().min(1, REF_HINT).max(300, "That is too long for a paper id or link."),
    { description: "Which bookmark: its number in your last list, or its id", autocomplete: "bookmark" }),
  // maxLength: Discord stops the typing there; text typed elsewhere is measured once cleaned (execute).
  text: option(z.string().optional(), { description: `Your note (up to ${MAX_NOTE_LENGTH} characters); leave empty to clear it`, rest: true, maxLength: MAX_NOTE_LENGTH }),
});

/** One line: notes are shown on cards and in exports, where a stray control character or run of spaces helps nobody.
 * Composed (NFC), so an "é" typed as e and an accent is stored, searched and counted as the one letter it is. */
function cleanNote(text: string): string {
  return text.normalize("NFC").replace(/[\u0000-\u001f\u007f]/g, " ").replace(/\s+/g, " ").trim();
}

/** A note's length in characters: code points, so "😀" is one, not its two UTF-16 units. Not grapheme clusters:
 * one cluster can carry any number of combining marks, and 500 code points stay within the 1,000 UTF-16
 * units Slack's card shows of a note (adapters/slack/render.ts), so no note is cut there. */
function noteLength(note: string): number {
  let count = 0;
  for (const _ of note) count++;
  return count;
}

export const noteCommand = defineCommand({
  data: {
    name: "note",
    description: "Attach a note to a bookmark (shown in your list and exports); an empty note clears it",
    usage: "note <number or id> [text]",
    options: Options,
  },
  parseText: (words) => ({ ...(words[0] ? { paper: words[0] } : {}), ...(words.length > 1 ? { text: words.slice(1).join(" ") } : {}) }),
  async execute(ctx, { paper: ref, text }): Promise<Reply> {
    const note = cleanNote(text ?? "");
    const length = noteLength(note);
    if (length > MAX_NOTE_LENGTH) {
      throw new UserError("note_too_long", `Notes can be up to ${MAX_NOTE_LENGTH} characters and yours has ${length.toLocaleString("en")}; nothing was saved, so shorten it and try again.`);
    }
    const paper = await resolvePaper(ctx, ref, (n) => example("note", [["paper", String(n)], ["text", "<your note>"]]), "use its number or id from /papers bookmarks.");
    const title = titled(paper.title);
    // Clearing a note there is none of says so, rather than claiming to have cleared one.
    const had = note ? null : await ctx.services.bookmarks.noteOf(ctx.user, paper.id);
    if (!(await ctx.services.bookmarks.setNote(ctx.user, paper.id, note || null))) {
      throw new UserError("not_bookmarked", `${title} is not in your bookmarks; add it with ${example("bookmark", [["id", shortId(paper)]])}, then add the note.`);
    }
    if (note) return notice(`📝 Saved your note on ${title}. It shows in /papers bookmarks and in /papers export.`);
    return notice(had ? `Cleared your note on ${title}.` : `${title} had no note to clear; add one with ${exampleOn(ctx.user.platform, "note", [["paper", shortId(paper)], ["text", "<your note>"]])}.`);
  },
});
