import type { Paper } from "../../src/core/paper.ts";

/** A paper with the fields search indexes given, and nothing else: for small hand-made corpora. */
export const paper = (id: string, title: string, summary: string, keywords: string[] = [], authors: string[] = []): Paper =>
  ({ id, arxivId: null, title, summary, authors, keywords, githubRepo: null, publishedAt: null, upvotes: 0 });
