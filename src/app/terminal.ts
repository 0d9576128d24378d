// What terminal mode adds around the conversation: a log that stays out of it (a file beside the
// database), and the refresh from Hugging Face that chat mode runs, reported once in plain words.
import { createWriteStream, openSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join, resolve } from "node:path";
import { Writable } from "node:stream";
import { PACKAGE_ROOT, type Config } from "../config.ts";
import type { Services } from "../core/services.ts";
import { ensureDirectory } from "../core/directory.ts";
import type { RefreshFailure, RefreshOutcome } from "../jobs/refresh.ts";

/** data/papers-bot.log beside the SQLite file (the project's data/ folder for PostgreSQL). */
export function terminalLogPath(config: Config): string {
  const dir = config.DATABASE_URL.startsWith("file:")
    ? dirname(resolve(config.DATABASE_URL.replace(/^file:/, "").replace(/\?.*$/, "")))
    : join(PACKAGE_ROOT, "data");
  return join(dir, "papers-bot.log");
}

/**
 * The terminal mode's log: terminalLogPath, or where that folder cannot be written (a read-only install,
 * a database path that will be refused with its own sentence) the system's temporary folder. Opened here,
 * synchronously, so a refusal is seen now rather than as a stream error that would end the process.
 */
export function openTerminalLog(config: Config): NodeJS.WritableStream {
  for (const path of [terminalLogPath(config), join(tmpdir(), `papers-bot-${process.getuid?.() ?? "user"}.log`)]) {
    let fd: number;
    try { ensureDirectory(dirname(path)); fd = openSync(path, "a"); } catch { continue; }
    const stream = createWriteStream(path, { fd, flags: "a" });
    stream.on("error", () => {}); // a full disk later must not end the conversation for want of a log line
    return stream;
  }
  // Nowhere to write: the conversation goes on without a log rather than not at all.
  return new Writable({ write: (_chunk, _encoding, done) => done() });
}

// Why the start-up refresh brought nothing, as the terminal says it.
const WHY_NOT: Record<Exclude<RefreshFailure, "stopped">, string> = {
  network: "Hugging Face is out of reach", error: "The refresh from Hugging Face failed",
  rate_limited: "Hugging Face asked us to wait (rate limited)",
  http: "Hugging Face answered with an error", body: "Hugging Face sent a page I could not read",
};

/** The one line a terminal user reads about the start-up refresh: new papers, or which papers they have instead. */
export async function refreshNotice(services: Services, outcome: RefreshOutcome): Promise<string | null> {
  if (Array.isArray(outcome)) {
    const landed = outcome.find((r) => r.fetched > 0);
    // Else reached, but nothing published yet today: the stored list is the latest.
    return landed ? `Fetched ${landed.fetched} trending papers for ${landed.date} from Hugging Face.` : null;
  }
  // The session ended (end of input, quit) before the refresh did: nothing went wrong, and no one is left to tell.
  if (outcome.failed === "stopped") return null;
  const latest = (await services.papers.trending(new Date().toISOString().slice(0, 10)))?.date;
  return `${WHY_NOT[outcome.failed]}, so you are reading the papers stored here${latest ? ` (trending list of ${latest})` : ""}; the log has the details, and HF_REFRESH=off stops trying.`;
}
