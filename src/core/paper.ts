import { createHash } from "node:crypto";
import { foldLatex } from "./latex.ts";

/** A paper as the core knows it, whatever source it came from. */
export interface Paper {
  id: string;
  arxivId: string | null;
  title: string;
  summary: string;
  authors: string[];
  keywords: string[];
  githubRepo: string | null;
  publishedAt: Date | null;
  upvotes: number;
  /** Hugging Face's AI summary (a sentence or two), when the source gives one. */
  aiSummary?: string | null;
  /** The GitHub repo's stars as the source last reported them. */
  githubStars?: number | null;
}

/** Text without control characters, which no title, abstract or name means to hold: a NUL copied from a PDF
 * is refused by PostgreSQL's text columns (the whole write fails), and the rest show as nothing or boxes.
 * Nor bidirectional overrides and isolates (U+202A–202E, U+2066–2069): one in a title reverses the text after
 * it on every client and terminal that shows it, the rest of its card included. */
export function withoutControls(text: string): string {
  return text.replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f\u202a-\u202e\u2066-\u2069]/g, "");
}

/** The same title however it was typed: LaTeX and accents folded, case and punctuation ignored. */
export function titleKey(title: string): string {
  return foldLatex(title)
    .normalize("NFD").replace(/\p{M}/gu, "")
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, " ")
    .trim();
}

// The pages that name a paper by its arXiv id, and the id as written there (a version, ".pdf" and "/" after it).
// hf.co is Hugging Face's own short domain, as its share links and posts write it.
const ARXIV_PAGE = String.raw`arxiv\.org\/(?:abs|pdf|html)\/|(?:huggingface|hf)\.co\/papers\/`;
// A link's query or fragment says how the page was reached or which tab it shows ("?context=cs", "#community"), not another paper.
const ARXIV_NUMBER = String.raw`(\d{4}\.\d{4,5})(?:v\d+)?(?:\.pdf)?\/?(?:[?#][^\s<>]*)?`;
const ARXIV_ID = new RegExp(String.raw`(?:^|${ARXIV_PAGE}|arxiv:)\s*${ARXIV_NUMBER}$`, "i");
// The same, as the whole of what was typed: an id, "arXiv:" and an id, or a link to one (Slack wraps links in <>).
const WHOLE_ARXIV_REFERENCE = new RegExp(String.raw`^<?(?:(?:https?:\/\/)?(?:www\.)?(?:${ARXIV_PAGE})|arxiv:\s*)?${ARXIV_NUMBER}>?$`, "i");

/** A reference as copied out of a sentence keeps the sentence's punctuation around it ("(arXiv:2503.04094)",
 * "see 2503.04094.", quotes): that names no other paper. A "?" stays, as a link's query may end with it. */
function withoutProse(input: string): string {
  return input.trim().replace(/^[(["'`“‘]+|[)\]"'`”’.,;:!]+$/g, "");
}

/** "2509.04664v2", "arXiv:2509.04664", "https://arxiv.org/abs/2509.04664v1" (in <> too) → "2509.04664"; anything else → null. */
export function parseArxivId(input: string): string | null {
  // A link in angle brackets ("<https://arxiv.org/abs/…>": Slack's link markup, Discord's link without a preview)
  // is the link, as isArxivReference reads it.
  const match = ARXIV_ID.exec(withoutProse(input).replace(/^<(.*)>$/s, "$1").trim());
  return match ? match[1]! : null;
}

/** Whether all of `input` names one arXiv paper ("2503.04094", "arXiv:2503.04094", an abs/pdf/html or Hugging
 * Face link), not words that merely contain an id. */
export function isArxivReference(input: string): boolean {
  return WHOLE_ARXIV_REFERENCE.test(withoutProse(input));
}

/** A paper id without an arXiv id, whole or as short as a card shows it ("t-384a11"): not words to search for. */
export function isTitleId(input: string): boolean {
  return /^t-[0-9a-f]{6,12}$/i.test(input.trim());
}

/** Stable across re-ingests: the arXiv id where known, else derived from the normalized title. */
export function paperId(arxivId: string | null, title: string): string {
  if (arxivId) return arxivId;
  return "t-" + createHash("sha256").update(titleKey(title)).digest("hex").slice(0, 12);
}

export function paperUrl(paper: Pick<Paper, "id" | "arxivId" | "title">): string {
  if (paper.arxivId) return `https://huggingface.co/papers/${paper.arxivId}`;
  return `https://huggingface.co/papers?q=${encodeURIComponent(paper.title)}`;
}
