// The bundled capture of the Hugging Face trending page: header lines, a date line ("Mar 11"),
// then one block per paper (title line, blank, abstract paragraph, blank). Page order is the rank.
import { foldLatex } from "./latex.ts";
import { paperId, withoutControls, type Paper } from "./paper.ts";

export class CaptureFormatError extends Error {
  constructor(readonly line: number, reason: string) {
    super(`line ${line}: ${reason}`);
  }
}

export interface Capture {
  /** YYYY-MM-DD of the page's date line. */
  date: string;
  /** In page order: papers[0] is rank 1. */
  papers: Paper[];
}

const HEADER_LINES = new Set(["new", "get trending papers in your email inbox!", "subscribe", "byak and the research community"]);
const MONTHS = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"];
const DATE_LINE = /^([A-Z][a-z]{2})\s+(\d{1,2})(?:,\s*(\d{4}))?$/;

const isDay = (y: number, month: number, day: number) => day >= 1 && new Date(Date.UTC(y, month, day)).getUTCDate() === day;

/** The capture's date line has no year: take the latest one that is not after `today` (Feb 29: a leap year). */
function resolveDate(month: number, day: number, year: number | undefined, today: Date): string | null {
  let y = year ?? today.getUTCFullYear();
  if (year === undefined) {
    if (Date.UTC(y, month, day) > today.getTime()) y -= 1;
    for (let back = 0; back < 8 && !isDay(y, month, day); back++) y -= 1;
  }
  if (!isDay(y, month, day)) return null;
  return `${y}-${String(month + 1).padStart(2, "0")}-${String(day).padStart(2, "0")}`;
}

export function parseCapture(text: string, options: { today?: Date; year?: number } = {}): Capture {
  const lines = text.replace(/^\uFEFF/, "").split(/\r?\n/);
  let i = 0;
  const skipBlank = () => { while (i < lines.length && lines[i]!.trim() === "") i++; };

  skipBlank();
  while (i < lines.length && HEADER_LINES.has(lines[i]!.trim().toLowerCase())) { i++; skipBlank(); }
  const dateMatch = DATE_LINE.exec(lines[i]?.trim() ?? "");
  const month = dateMatch ? MONTHS.indexOf(dateMatch[1]!.toLowerCase()) : -1;
  if (!dateMatch || month < 0) throw new CaptureFormatError(i + 1, `expected a date line like "Mar 11", found ${JSON.stringify((lines[i] ?? "").slice(0, 40))}`);
  const year = dateMatch[3] ? Number(dateMatch[3]) : options.year;
  const date = resolveDate(month, Number(dateMatch[2]), year, options.today ?? new Date());
  if (!date) throw new CaptureFormatError(i + 1, `${JSON.stringify(lines[i]!.trim())} is not a day of the calendar`);
  i++;

  const papers: Paper[] = [];
  const seen = new Map<string, number>();
  for (skipBlank(); i < lines.length; skipBlank()) {
    const titleLine = i + 1;
    const title = foldLatex(withoutControls(lines[i]!).trim());
    i++;
    if (i < lines.length && lines[i]!.trim() !== "") throw new CaptureFormatError(i + 1, "expected a blank line after the title");
    skipBlank();
    const abstract: string[] = [];
    while (i < lines.length && lines[i]!.trim() !== "") abstract.push(lines[i++]!.trim());
    if (abstract.length === 0) throw new CaptureFormatError(titleLine, `paper ${JSON.stringify(title.slice(0, 60))} has no abstract`);
    if (title.length > 500) throw new CaptureFormatError(titleLine, "a title line is longer than 500 characters");
    const id = paperId(null, title);
    if (seen.has(id)) throw new CaptureFormatError(titleLine, `the same title already stands at line ${seen.get(id)}`);
    seen.set(id, titleLine);
    papers.push({ id, arxivId: null, title, summary: foldLatex(withoutControls(abstract.join(" "))), authors: [], keywords: [],
      githubRepo: null, publishedAt: null, upvotes: 0 });
  }
  if (papers.length === 0) throw new CaptureFormatError(i, "no papers after the date line");
  return { date, papers };
}
