// `papers ingest <file>`: a trending-page capture into the database. Idempotent; a malformed file is
// refused with its line number before anything is written. `papers ingest --hf`: see ingest-hf.ts.
import { readFileSync } from "node:fs";
import { CaptureFormatError, parseCapture } from "../core/seed.ts";
import { CliUsageError, type CliCommand } from "./io.ts";
import { withServices } from "./services.ts";
import { INGEST_HF_USAGE, ingestFromHf } from "./ingest-hf.ts";

export const ingestCli: CliCommand = {
  name: "ingest",
  usage: `papers ingest <file> [--date YYYY-MM-DD] | ${INGEST_HF_USAGE}`,
  async run(ctx) {
    if (ctx.args.includes("--hf")) return ingestFromHf(ctx);
    // --date YYYY-MM-DD: for a capture whose date line has no year, or says the wrong day.
    const args = [...ctx.args];
    const at = args.indexOf("--date");
    const date = at >= 0 ? args.splice(at, 2)[1] : undefined;
    if (at >= 0 && !(date && /^\d{4}-\d{2}-\d{2}$/.test(date) && !Number.isNaN(Date.parse(`${date}T00:00:00Z`)) && new Date(`${date}T00:00:00Z`).toISOString().startsWith(date))) {
      throw new CliUsageError("--date takes a calendar day like 2025-03-11.", true);
    }
    const [file, ...extra] = args;
    if (!file) throw new CliUsageError("Name the capture file to load, or use --hf to fetch from Hugging Face.", true);
    if (file.startsWith("-")) throw new CliUsageError(`${file.slice(0, 40)} is not an option of papers ingest.`, true);
    if (extra.length > 0) throw new CliUsageError(`papers ingest takes one file; "${extra[0]!.slice(0, 40)}" is one too many.`, true);
    let text: string;
    try { text = utf8Text(file, readFileSync(file)); } catch (error) { throw error instanceof CliUsageError ? error : new CliUsageError(unreadable(file, error)); }
    if (text.trim() === "") throw new CliUsageError(`${file} is empty: a trending-page capture starts with a date line like "Mar 11". Nothing was written.`);
    let capture: ReturnType<typeof parseCapture>;
    try { capture = parseCapture(text); } catch (error) {
      if (error instanceof CaptureFormatError) throw new CliUsageError(`${file} is not a trending-page capture: ${error.message}. Nothing was written.`);
      throw error;
    }
    return withServices(ctx, async (services) => {
      const day = date ?? capture.date;
      // A list dated ahead of every time zone's today would never be the one /papers trending shows.
      const latest = new Date(services.clock().getTime() + 86_400_000).toISOString().slice(0, 10);
      if (day > latest) throw new CliUsageError(`${day} has not begun anywhere yet, so its list would never show; give the day the capture was taken. Nothing was written.`);
      const result = await services.papers.ingest(day, capture.papers, "capture");
      ctx.stdout.write(`${file}: ${capture.papers.length} paper${capture.papers.length === 1 ? "" : "s"} for ${day}: ${result.added} added, ${result.updated} updated, `
        + `${result.unchanged} unchanged; trending list ${result.snapshotChanged ? "updated" : "unchanged"}.\n`);
      return 0;
    });
  },
};

/** Why a capture file could not be read, in one sentence. */
function unreadable(file: string, error: unknown): string {
  switch ((error as NodeJS.ErrnoException).code) {
    case "ENOENT": return `There is no file ${file}: check the path.`;
    case "EISDIR": return `${file} is a folder: name the capture file in it.`;
    case "EACCES": case "EPERM": return `${file} cannot be read by this user: check its permissions.`;
    default: return `Cannot read ${file} (${(error as NodeJS.ErrnoException).code ?? "read failed"}): check the path.`;
  }
}

/** The file's text, refused with the line of its first byte that is no UTF-8 (a capture saved in another
 * encoding): read leniently, each would become "�" in a stored title or abstract. */
function utf8Text(file: string, bytes: Buffer): string {
  const strict = new TextDecoder("utf-8", { fatal: true });
  try { return strict.decode(bytes); } catch {
    let line = 1;
    for (let start = 0; start < bytes.length; line++) {
      const newline = bytes.indexOf(10, start), end = newline < 0 ? bytes.length : newline;
      try { strict.decode(bytes.subarray(start, end)); } catch { break; }
      start = end + 1;
    }
    throw new CliUsageError(`${file} line ${line} is not UTF-8 text; save the capture as UTF-8. Nothing was written.`);
  }
}
