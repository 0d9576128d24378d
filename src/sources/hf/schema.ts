// The Hugging Face papers API, validated at the edge. We read a handful of fields and ignore the rest
// (the API grows fields often); each daily entry is checked on its own so one bad entry never costs a day.
import { z } from "zod";
import { foldLatex } from "../../core/latex.ts";
import { paperId, withoutControls, type Paper } from "../../core/paper.ts";

// "2509.04664" or "2509.04664v2"; old-style ids (hep-th/9901001) are not on the daily list.
const ARXIV_ID = /^(\d{4}\.\d{4,5})(?:v\d+)?$/;

// An author without a usable name is left out, not the paper with it.
const Author = z.looseObject({ name: z.string().trim().min(1) }).nullable().catch(null);

/** A date as the API or a proxy may write it ("2025-03-11T10:00:00.000Z", "2025-03-11", epoch ms); else none. */
const publishedDate = z.unknown().transform((value) => {
  const date = typeof value === "number" ? new Date(value) : typeof value === "string" ? new Date(/^\d{4}-\d{2}-\d{2}$/.test(value.trim()) ? `${value.trim()}T00:00:00Z` : value) : null;
  return date && !Number.isNaN(date.getTime()) && date.getUTCFullYear() > 1990 ? date.toISOString() : undefined;
});

// What makes the paper (its id, title and abstract) must be right; a field beside it that is odd (upvotes as
// "42" or null, a date in another format, no author list) costs that field, never the paper (.catch).
export const HfPaperSchema = z.looseObject({
  id: z.string().regex(ARXIV_ID, "is not an arXiv id"),
  title: z.string().trim().min(1, "is empty"),
  summary: z.string(),
  authors: z.array(Author).nullable().optional().catch(undefined),
  publishedAt: publishedDate.optional(),
  upvotes: z.coerce.number().int().nonnegative().optional().catch(undefined),
  githubRepo: z.string().nullable().optional(),
  ai_keywords: z.array(z.string()).nullable().optional(),
  // Optional extras for richer cards: a wrong type drops the field, never the paper (.catch).
  ai_summary: z.string().nullable().optional().catch(undefined),
  githubStars: z.number().int().nonnegative().nullable().optional().catch(undefined),
});
export type HfPaper = z.infer<typeof HfPaperSchema>;

export const DailyEntrySchema = z.looseObject({ paper: HfPaperSchema });

/** A page is an array; its entries are validated one by one (see parseDailyPage). */
export const DailyPageSchema = z.array(z.unknown());

const GITHUB_REPO = /^(?:https?:\/\/)?(?:www\.)?github\.com\/([A-Za-z0-9](?:[A-Za-z0-9-]{0,38}))\/([A-Za-z0-9._-]+?)(?:\.git)?(?:[/?#].*)?$/i;

/** "https://github.com/Owner/Repo.git/tree/main" → "Owner/Repo"; anything that is not a GitHub repo → null. */
export function normalizeGithubRepo(url: string | null | undefined): string | null {
  const match = GITHUB_REPO.exec((url ?? "").trim());
  if (!match || match[2] === "." || match[2] === "..") return null;
  return `${match[1]}/${match[2]}`;
}

// The API's abstracts keep arXiv's hard line breaks; people and the search index want one paragraph. HTML's
// character references ("&amp;", "&#39;"), which reach the API from some submissions, are the characters.
const oneParagraph = (text: string) => foldLatex(withoutControls(decodeEntities(text.replace(/\s+/g, " ")))).trim();

const NAMED_ENTITIES: Record<string, string> = { amp: "&", lt: "<", gt: ">", quot: '"', apos: "'", nbsp: " " };

function decodeEntities(text: string): string {
  return text.replace(/&(#\d{1,7}|#x[\da-f]{1,6}|[a-z]{2,6});/gi, (whole, name: string) => {
    const code = name[0] === "#" ? (name[1] === "x" || name[1] === "X" ? Number.parseInt(name.slice(2), 16) : Number(name.slice(1))) : null;
    if (code !== null) return code > 0 && code <= 0x10ffff && (code < 0xd800 || code > 0xdfff) ? String.fromCodePoint(code) : whole;
    return NAMED_ENTITIES[name.toLowerCase()] ?? whole;
  });
}

export function toPaper(hf: HfPaper): Paper {
  const arxivId = ARXIV_ID.exec(hf.id)![1]!;
  const title = oneParagraph(hf.title);
  return {
    id: paperId(arxivId, title),
    arxivId,
    title,
    summary: oneParagraph(hf.summary),
    authors: (hf.authors ?? []).flatMap((a) => (a ? [withoutControls(decodeEntities(a.name)).trim()] : [])).filter(Boolean),
    keywords: [...new Set((hf.ai_keywords ?? []).map((k) => withoutControls(k).trim()).filter(Boolean))],
    githubRepo: normalizeGithubRepo(hf.githubRepo),
    publishedAt: hf.publishedAt ? new Date(hf.publishedAt) : null,
    upvotes: hf.upvotes ?? 0,
    aiSummary: hf.ai_summary ? oneParagraph(hf.ai_summary) || null : null,
    // Stars only mean something next to a repo we can link.
    githubStars: normalizeGithubRepo(hf.githubRepo) ? hf.githubStars ?? null : null,
  };
}

export interface RejectedEntry { id: string; problem: string }

/** The id to name a rejected entry by in the log, whatever shape it came in. */
function entryId(entry: unknown): string {
  const paper = (entry as { paper?: { id?: unknown } } | null)?.paper;
  return typeof paper?.id === "string" || typeof paper?.id === "number" ? String(paper.id).slice(0, 40) : "(no id)";
}

function describe(error: z.ZodError): string {
  const issue = error.issues[0]!;
  return `${issue.path.join(".") || "entry"}: ${issue.message}`.slice(0, 200);
}

export function parseDailyPage(entries: unknown[]): { papers: Paper[]; rejected: RejectedEntry[] } {
  const papers: Paper[] = [];
  const rejected: RejectedEntry[] = [];
  for (const entry of entries) {
    const parsed = DailyEntrySchema.safeParse(entry);
    if (parsed.success) papers.push(toPaper(parsed.data.paper));
    else rejected.push({ id: entryId(entry), problem: describe(parsed.error) });
  }
  return { papers, rejected };
}

export function parsePaper(body: unknown): { paper: Paper } | { problem: string } {
  const parsed = HfPaperSchema.safeParse(body);
  return parsed.success ? { paper: toPaper(parsed.data) } : { problem: describe(parsed.error) };
}

/**
 * Could arXiv have issued this id? New-style ids began in April 2007 (0704.xxxx), with four digits after
 * the dot until 2014 and five since 2015. Ids that could not exist are never worth a request.
 */
export function plausibleArxivId(id: string): boolean {
  const match = /^(\d{2})(\d{2})\.(\d{4,5})$/.exec(id);
  if (!match) return false;
  const month = Number(match[2]), yymm = Number(match[1]! + match[2]!);
  if (month < 1 || month > 12 || yymm < 704) return false;
  return match[3]!.length === (yymm >= 1501 ? 5 : 4);
}
