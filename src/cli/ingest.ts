// `papers ingest <file>`: a trending-page capture into the database. Idempotent; a malformed file is
// refused with its line number before anything is written.
import { readFileSync } from "node:fs";
import { CaptureFormatError, parseCapture } from "../core/seed.ts";
import { CliUsageError, type CliCommand } from "./io.ts";
import { withServices } from "./services.ts";

export const ingestCli: CliCommand = {
  name: "ingest",
  usage: "papers ingest <file>",
  async run(ctx) {
    const [file, ...extra] = ctx.args;
    if (!file || extra.length > 0 || file.startsWith("--")) throw new CliUsageError(`Usage: ${this.usage}`);
    let text: string;
    try { text = readFileSync(file, "utf8"); } catch { throw new CliUsageError(`Cannot read ${file}: check the path.`); }
    let capture;
    try { capture = parseCapture(text); } catch (error) {
      if (error instanceof CaptureFormatError) throw new CliUsageError(`${file} is not a trending-page capture: ${error.message}. Nothing was written.`);
      throw error;
    }
    return withServices(ctx, async (services) => {
      const result = await services.papers.ingest(capture.date, capture.papers, "capture");
      ctx.stdout.write(`${file}: ${capture.papers.length} papers for ${capture.date}: ${result.added} added, ${result.updated} updated, `
        + `${result.unchanged} unchanged; trending list ${result.snapshotChanged ? "updated" : "unchanged"}.\n`);
      return 0;
    });
  },
};
