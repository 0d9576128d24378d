import { z } from "zod";
import { toBibtex } from "../core/export/bibtex.ts";
import { stableCitationKeys } from "../core/export/citation-keys.ts";
import { toMarkdown } from "../core/export/markdown.ts";
import { readingList } from "../core/export/reading-list.ts";
import { paperUrl, type Paper } from "../core/paper.ts";
import { emptyReadingList } from "../command-kit/hints.ts";
import { defineCommand } from "../command-kit/command.ts";
import { example } from "../command-kit/usage.ts";
import { option } from "../command-kit/options.ts";
import { type Reply } from "../core/messages/reply.ts";

const FORMATS = ["bibtex", "markdown"] as const;
const FORMAT_HINT = `I can export as bibtex or markdown, like ${example("export", [["format", "bibtex"]])}.`;

const Options = z.object({
  format: option(z.string({ error: FORMAT_HINT }).trim().toLowerCase()
    .transform((f) => (f === "bib" ? "bibtex" : f === "md" ? "markdown" : f))
    .pipe(z.enum(FORMATS, { error: FORMAT_HINT }))
    .default("bibtex"), { description: "bibtex (default) or markdown" }),
});

/** arXiv's abstract page where the id is known: it is what reference managers resolve and dedupe on. */
function citationUrl(paper: Paper): string {
  return paper.arxivId ? `https://arxiv.org/abs/${paper.arxivId}` : paperUrl(paper);
}

export const exportCommand = defineCommand({
  data: {
    name: "export",
    description: "Your bookmarks as a file: BibTeX for reference managers, or a Markdown checklist",
    usage: "export [bibtex|markdown]",
    options: Options,
  },
  async execute(ctx, { format }): Promise<Reply> {
    const { items, total } = await readingList(ctx.services, ctx.user);
    if (total === 0 || items.length === 0) return { visibility: "ephemeral", tone: "info", text: emptyReadingList(ctx.user.platform) };
    const count = `${items.length} bookmark${items.length === 1 ? "" : "s"}`;
    if (format === "bibtex") {
      // Oldest bookmark first: the order keys were handed out in before they were kept.
      const oldestFirst = [...items].sort((a, b) => a.bookmarkedAt.getTime() - b.bookmarkedAt.getTime() || (a.paper.id < b.paper.id ? -1 : 1));
      const keys = await stableCitationKeys(ctx.services.bookmarks, ctx.user, oldestFirst.map((i) => i.paper));
      return {
        visibility: "ephemeral",
        text: `Your ${count} as BibTeX: import the file into Zotero, JabRef, Mendeley or your .bib.`,
        file: { name: "papers-bookmarks.bib", mime: "application/x-bibtex", content: toBibtex(items, keys, citationUrl) },
      };
    }
    const read = items.filter((i) => i.readAt).length;
    return {
      visibility: "ephemeral",
      text: `Your ${count} as a Markdown checklist (${read} read).`,
      file: { name: "papers-bookmarks.md", mime: "text/markdown", content: toMarkdown(
        items.map((i) => ({ paper: i.paper, url: citationUrl(i.paper), read: i.readAt !== null, note: i.note })), "Reading list") },
    };
  },
});
