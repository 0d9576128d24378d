// A reading list as a Markdown checklist that renders in GitHub, Obsidian and Notion: a ticked box is a
// paper marked read.
import { foldLatex } from "../latex.ts";
import type { Paper } from "../paper.ts";

export interface ListedPaper { paper: Paper; url: string; read: boolean }

/** Characters that would close the link text or start emphasis are escaped. */
function escapeMarkdown(text: string): string {
  return text.replace(/([\\`*_[\]<>|])/g, "\\$1").replace(/\s+/g, " ").trim();
}

function authorLine(authors: string[]): string {
  const shown = authors.slice(0, 3).map((a) => escapeMarkdown(foldLatex(a)));
  return shown.join(", ") + (authors.length > 3 ? " et al." : "");
}

export function toMarkdown(items: ListedPaper[], heading: string): string {
  const lines = items.map(({ paper, url, read }) => {
    const link = `[${escapeMarkdown(foldLatex(paper.title))}](${url.replace(/[()\s]/g, encodeURIComponent)})`;
    const authors = paper.authors.length ? ` — ${authorLine(paper.authors)}` : "";
    return `- [${read ? "x" : " "}] ${link}${authors}${read ? " (read ✓)" : ""}`;
  });
  return [`# ${heading}`, "", ...lines, ""].join("\n");
}
