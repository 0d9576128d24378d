// What a richer card shows when the source gave it (issue 15, item 6): HF's AI summary instead of the
// cut abstract, the first three authors, the repo's stars, and the arXiv and PDF links. Platform-neutral
// pieces; each renderer lays them out within its own size limits.
import { shortSummary, type PaperCard } from "./reply.ts";

/** About two lines of a chat card. */
export const BLURB_CHARS = 220;
/** Names are free text from the source: one absurd name must not crowd out the rest of the card. */
const MAX_AUTHOR_CHARS = 60;
const MAX_AUTHORS_LINE = 200;

/** HF's AI summary when there is one (it is written to be short), else the abstract cut at a word. */
export function cardBlurb(card: Pick<PaperCard, "summary" | "aiSummary">, max = BLURB_CHARS): string {
  const ai = card.aiSummary?.trim();
  return shortSummary(ai ? ai : card.summary, max);
}

function cutName(name: string): string {
  return name.length <= MAX_AUTHOR_CHARS ? name : name.slice(0, MAX_AUTHOR_CHARS - 1) + "…";
}

/** "A, B, C et al.": the first three authors, each and the whole line bounded. */
export function authorsLine(authors: readonly string[]): string {
  if (authors.length === 0) return "";
  const line = authors.slice(0, 3).map(cutName).join(", ") + (authors.length > 3 ? " et al." : "");
  return line.length <= MAX_AUTHORS_LINE ? line : line.slice(0, MAX_AUTHORS_LINE - 1) + "…";
}

/** 950 → "950", 1021 → "1k", 12_345 → "12.3k", 2_100_000 → "2.1M". */
export function compactCount(n: number): string {
  if (n < 1000) return String(n);
  const [value, unit] = n < 1_000_000 ? [n / 1000, "k"] : [n / 1_000_000, "M"];
  return `${value >= 100 ? Math.round(value) : Number(value.toFixed(1))}${unit}`;
}

/** "★ 1k" when the repo's stars are known. */
export function starsLabel(card: Pick<PaperCard, "githubStars">): string {
  return typeof card.githubStars === "number" ? `★ ${compactCount(card.githubStars)}` : "";
}

/** "owner/repo" out of the card's GitHub URL, for a link label. */
export function repoName(githubUrl: string): string {
  return githubUrl.replace(/^https:\/\/github\.com\//, "");
}

export interface PaperLinks { arxiv: string; pdf: string }

/** arXiv's abstract page and PDF, for papers with an arXiv id. */
export function arxivLinks(card: Pick<PaperCard, "arxivId">): PaperLinks | null {
  if (!card.arxivId) return null;
  return { arxiv: `https://arxiv.org/abs/${card.arxivId}`, pdf: `https://arxiv.org/pdf/${card.arxivId}` };
}
