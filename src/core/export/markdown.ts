// A reading list as a Markdown checklist that renders in GitHub, Obsidian and Notion: a ticked box is a
// paper marked read.
import { foldLatex } from "../latex.ts";
import type { Paper } from "../paper.ts";

export interface ListedPaper { paper: Paper; url: string; read: boolean; note?: string | null }

/** Characters that would close the link text or start emphasis are escaped, and so is an "&" that would
 * start a character reference: a note's "&lt;b&gt;" or a title's "&amp;" would show as "<b>" and "&". */
function escapeMarkdown(text: string): string {
  return text.replace(/([\\`*_[\]<>|])/g, "\\$1").replace(/&(?=#?[A-Za-z0-9]+;)/g, "\\&").replace(/\s+/g, " ").trim();
}

function authorLine(authors: string[]): string {
  const shown = authors.slice(0, 3).map((a) => escapeMarkdown(foldLatex(a)));
  return shown.join(", ") + (authors.length > 3 ? " et al." : "");
}

// encodeURIComponent leaves ( and ) as they are, and a link's ) would end it early in Markdown.
const percentEncoded = (c: string): string => `%${c.charCodeAt(0).toString(16).toUpperCase().padStart(2, "0")}`;

export function toMarkdown(items: ListedPaper[], heading: string): string {
  const lines = items.map(({ paper, url, read, note }) => {
    const link = `[${escapeMarkdown(foldLatex(paper.title))}](${url.replace(/[()\s]/g, percentEncoded)})`;
    const authors = paper.authors.length ? ` — ${authorLine(paper.authors)}` : "";
    // The note as a quote inside the item, so it stays with its paper in every renderer.
    // What would start a heading, a quote or a list is escaped at its punctuation: "1\." (a backslash before
    // the digit is no escape, and would show).
    const quoted = note?.trim() ? `\n  > 📝 ${escapeMarkdown(note).replace(/^([#>+-])|^(\d+)([.)])/, (_, mark, n, dot) => (mark ? `\\${mark}` : `${n}\\${dot}`))}` : "";
    return `- [${read ? "x" : " "}] ${link}${authors}${read ? " (read ✓)" : ""}${quoted}`;
  });
  return [`# ${heading}`, "", ...lines, ""].join("\n");
}
