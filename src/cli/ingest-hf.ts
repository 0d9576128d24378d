// `papers ingest --hf [--date YYYY-MM-DD]`: the hourly refresh, by hand. Without --date it does what
// the job does (today in UTC, or yesterday while today's list is still empty).
import { HfSourceError } from "../sources/hf/errors.ts";
import { isIsoDate, refreshFromHf, type RefreshResult } from "../sources/hf/refresh.ts";
import { CliUsageError, type CliContext } from "./io.ts";
import { withServices } from "./services.ts";

export const INGEST_HF_USAGE = "papers ingest --hf [--date YYYY-MM-DD]";

function parseArgs(args: string[]): { date?: string } {
  const rest = args.filter((a) => a !== "--hf");
  if (rest.length === 0) return {};
  const [flag, value, ...extra] = rest;
  const inline = flag?.startsWith("--date=") ? flag.slice("--date=".length) : undefined;
  const date = inline ?? (flag === "--date" ? value : undefined);
  if (date === undefined || extra.length > 0 || (inline !== undefined && value !== undefined)) throw new CliUsageError(`papers ingest --hf takes only --date YYYY-MM-DD. Usage: ${INGEST_HF_USAGE}`);
  if (!isIsoDate(date)) throw new CliUsageError(`--date needs a day written YYYY-MM-DD, like 2025-03-11 ("${date.slice(0, 20)}" is not one).`);
  return { date };
}

const skipped = (r: RefreshResult) => (r.rejected ? ` (${r.rejected} malformed ${r.rejected === 1 ? "entry" : "entries"} skipped)` : "");

function describe(r: RefreshResult): string {
  if (r.fetched === 0) return `Hugging Face has no ${r.rejected ? "readable " : ""}papers for ${r.date}${skipped(r)}; nothing was written.`;
  return `Hugging Face ${r.date}: ${r.fetched} paper${r.fetched === 1 ? "" : "s"}${skipped(r)}: `
    + `${r.added} added, ${r.updated} updated, ${r.unchanged} unchanged; trending list ${r.snapshotChanged ? "updated" : "unchanged"}.`;
}

export async function ingestFromHf(ctx: CliContext): Promise<number> {
  const { date } = parseArgs(ctx.args);
  return withServices(ctx, async (services) => {
    try {
      // The job module brings node-cron: loaded only here, not by every `papers` command.
      const results = date ? [await refreshFromHf(services, { date })] : await (await import("../jobs/refresh.ts")).refreshLatest(services);
      for (const result of results) ctx.stdout.write(describe(result) + "\n");
      // Entries, every one malformed: the API's format changed, which a cron job running this must notice.
      const unreadable = results.filter((r) => r.fetched === 0 && r.rejected > 0);
      if (unreadable.length === 0 || results.some((r) => r.fetched > 0)) return 0;
      const days = unreadable.map((r) => `${r.rejected === 1 ? "its 1 entry" : `its ${r.rejected} entries`} for ${r.date}`).join(" and ");
      ctx.stderr.write(`papers: Hugging Face sent nothing readable (${days}; has its API changed?); the previous papers are kept.\n`);
      return 1;
    } catch (error) {
      if (!(error instanceof HfSourceError)) throw error;
      ctx.stderr.write(`papers: could not refresh from Hugging Face: ${error.message}. Nothing was written; the previous papers are kept.\n`);
      return 1;
    }
  });
}
