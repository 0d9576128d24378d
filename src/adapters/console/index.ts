// Terminal mode, like hubot's Shell: type what you would type in Slack and read the same answers.
// It is what `npm start` runs when no Slack or Discord token is configured.
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { createInterface } from "node:readline";
import type { ChannelRef, UserRef } from "../../core/channel.ts";
import type { CommandRegistry } from "../../command-kit/registry.ts";
import { runCommand, runText } from "../../command-kit/dispatch.ts";
import { errorReply, type Reply } from "../../core/messages/reply.ts";
import { editDistance } from "../../config.ts";
import type { Services } from "../../core/services.ts";
import { renderText } from "./render.ts";

const channel: ChannelRef = { platform: "console", workspaceId: "local", channelId: "terminal" };

export interface ConsoleIo {
  input: NodeJS.ReadableStream; output: NodeJS.WritableStream; signal?: AbortSignal;
  /** Where exports are written (the working directory). */
  cwd?: string;
  /** Said once when it arrives, between answers (how the refresh from Hugging Face went). */
  notice?: Promise<string | null>;
}

// Why a file could not be written, in words: "EISDIR" tells a person nothing.
const WRITE_FAILURES: Record<string, string> = {
  EISDIR: "a folder there has that name", EACCES: "this folder is not writable for you", EPERM: "this folder is not writable for you",
  EROFS: "this folder is on a read-only disk", ENOSPC: "the disk is full", EDQUOT: "your disk quota is used up", ENOENT: "this folder no longer exists",
};

/** An export in the terminal is a file in the working directory, not 2,000 lines of BibTeX on screen. */
function saveFile(reply: Reply, cwd: string): Reply {
  if (!reply.file) return reply;
  const path = join(cwd, reply.file.name);
  try {
    writeFileSync(path, reply.file.content);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? "";
    const why = WRITE_FAILURES[code] ?? `the system said ${code || "no"}`;
    return { visibility: "ephemeral", tone: "error",
      text: `I couldn't write ${path} (${why}); your bookmarks are unchanged, so start it from another folder and export again.` };
  }
  const { file, ...rest } = reply;
  return { ...rest, text: `${reply.text}\nWrote ${path}` };
}

/**
 * A line led by a slash word other than /papers, as chat apps and shells take commands ("/help", "/quit",
 * "/trending 3"): a command's name (or quit, exit, more) is that command, where a search would have quoted
 * it back ("Papers for "/help"") and "/quit" would not have quit; any other ("/papres moe") is no command,
 * said with the /papers line it looks meant as. Null for a line with no slash word.
 */
function slashWord(text: string, registry: CommandRegistry): { text: string } | { unknown: string } | null {
  const match = /^\/(\S+)\s*([\s\S]*)$/.exec(text);
  if (!match) return null;
  const [, word = "", rest = ""] = match;
  if (/^(quit|exit|more)$/i.test(word) || registry.lookup([word])[0]) return { text: `${word} ${rest}`.trim() };
  // "/papres moe" is /papers mistyped; "/moe" is the word meant after /papers.
  const meant = editDistance(word.toLowerCase(), "papers") <= 2 ? rest : `${word} ${rest}`.trim();
  return { unknown: `There is no /${word.slice(0, 40)} here; did you mean /papers${meant ? ` ${meant.slice(0, 80)}` : ""}? Type /papers help for all commands.` };
}

const isTty = (stream: NodeJS.ReadableStream | NodeJS.WritableStream): boolean => (stream as { isTTY?: boolean }).isTTY === true;

export function startConsole(services: Services, registry: CommandRegistry, io: ConsoleIo): Promise<void> {
  const user: UserRef = { platform: "console", workspaceId: "local", userId: services.config.USER };
  // Typed at a terminal, readline edits the line itself, as a shell does: the arrow keys move along it and
  // bring earlier lines back, where a terminal's own line discipline handed "abc\x1b[D" on as typed ("No papers
  // match "abc [D""). Piped in, the lines are read as they come.
  const typed = isTty(io.input) && isTty(io.output);
  const rl = createInterface({ input: io.input, output: io.output, terminal: typed, ...(io.signal ? { signal: io.signal } : {}) });
  const say = (text: string) => io.output.write(text + "\n");
  let last: Reply | undefined;
  let paged: Reply | undefined;
  // The machine's zone (TZ, else the system's): "subscribe 08:30" in a terminal means 08:30 where you sit.
  const userTimeZone = async () => Intl.DateTimeFormat().resolvedOptions().timeZone ?? null;
  const context = () => ({ services, user, channel, canManageChannel: true, now: services.clock(), userTimeZone });

  say(`papers-bot (terminal mode): ${services.catalog.size} papers. Type /papers help, /papers moe, or "quit".`);
  // readline draws the prompt it knows again as it edits the line.
  rl.setPrompt("> ");
  const prompt = () => { if (typed) rl.prompt(); else io.output.write("> "); };
  prompt();
  // Lines are answered one at a time, in order: piped input arrives all at once, and "subscribe" must
  // finish before the "subscriptions" typed after it runs. Closing waits for the answer in progress.
  let queue = Promise.resolve();
  let quitting = false;
  const answer = async (line: string) => {
    if (quitting) return; // lines piped after "quit"
    // "/paper moe", the command's name one letter short, is the command too, not a search for "/paper moe".
    let text = line.trim().replace(/^(?:\/papers?|papers)\b\s*/i, "");
    // After /papers, "/r/MachineLearning" is the words to search for.
    const slashed = text === line.trim() ? slashWord(text, registry) : null;
    if (slashed && "unknown" in slashed) {
      say(renderText(errorReply(slashed.unknown)));
      prompt();
      return;
    }
    if (slashed) text = slashed.text;
    if (/^(quit|exit)$/i.test(text)) { quitting = true; rl.close(); return; }
    if (line.trim() === "") { prompt(); return; }
    if (/^more$/i.test(text)) {
      last = paged?.more ? await runCommand(registry, paged.more.command, paged.more.input, context())
        : { visibility: "ephemeral", tone: "info", text: "There is nothing more to show; search again with /papers <words>." };
    } else last = await runText(registry, text, context());
    // "more" pages the last list shown, whatever was typed since ("bookmark 2", a paper, a mistake), until
    // another numbered list replaces it: as "Show more" under a list in Slack stays pressable.
    if (last.more || last.papers?.some((card) => card.rank !== undefined)) paged = last;
    say(renderText(saveFile(last, io.cwd ?? process.cwd())));
    if (last.more) say(`(type "more" for the next page)`);
    prompt();
  };
  void io.notice?.then((text) => {
    if (text) queue = queue.then(() => { if (!quitting) { say(`\n${text}`); prompt(); } });
  });
  return new Promise((resolve) => {
    rl.on("line", (line) => { queue = queue.then(() => answer(line)); });
    // Ctrl-D (end of input) after a prompt: end the prompt's line, so the shell's prompt starts on its own.
    rl.on("close", () => { void queue.then(() => { if (!quitting) io.output.write("\n"); resolve(); }); });
  });
}
