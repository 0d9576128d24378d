// What a richer card shows when the source gave it (issue 15, item 6): HF's AI summary instead of the
// cut abstract, the first three authors, the repo's stars, and the arXiv and PDF links. Platform-neutral
// pieces; each renderer lays them out within its own size limits.
import { shortSummary, type PaperCard } from "./reply.ts";

/** About two lines of a chat card. */
export const BLURB_CHARS = 220;
/** A whole abstract, with room left in a Slack section (3,000) or a Discord embed's description (4,096). */
const FULL_CHARS = 2_000;
/** Names are free text from the source: one absurd name must not crowd out the rest of the card. */
const MAX_AUTHOR_CHARS = 60;
const MAX_AUTHORS_LINE = 200;
const MAX_FULL_AUTHORS_LINE = 800;

/** HF's AI summary when there is one (it is written to be short), else the abstract cut at a word. */
export function cardBlurb(card: Pick<PaperCard, "summary" | "aiSummary" | "full">, max = BLURB_CHARS): string {
  // "/papers paper N" asks for the paper in full: the abstract itself (arXiv caps them at 1,920 characters).
  const ai = card.aiSummary?.trim();
  if (card.full) return `${ai ? `AI summary: ${ai}\n\n` : ""}${shortSummary(card.summary, FULL_CHARS)}`;
  return shortSummary(ai ? ai : card.summary, max);
}

function cutName(name: string): string {
  return name.length <= MAX_AUTHOR_CHARS ? name : name.slice(0, MAX_AUTHOR_CHARS - 1) + "…";
}

/** "A, B, C et al.": the first three authors (a card in full: the first twelve), each and the whole line bounded. */
export function authorsLine(authors: readonly string[], full = false): string {
  if (authors.length === 0) return "";
  const shown = full ? 12 : 3;
  const line = authors.slice(0, shown).map(cutName).join(", ") + (authors.length > shown ? " et al." : "");
  const max = full ? MAX_FULL_AUTHORS_LINE : MAX_AUTHORS_LINE;
  return line.length <= max ? line : line.slice(0, max - 1) + "…";
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
