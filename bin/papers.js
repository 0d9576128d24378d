#!/usr/bin/env node
// `papers …`, `npm start`, `npx papers …`: runs the bundled JavaScript in dist/bundle/ (built by `npm install`).
import { existsSync, readFileSync, statSync } from "node:fs";
import { parseEnv } from "node:util";
import { setFlagsFromString } from "node:v8";

// Prisma's query compiler is a WebAssembly module. V8 compiles it with its baseline compiler (Liftoff),
// then re-compiles every function that gets warm with its optimising one (TurboFan) on helper threads,
// and Node waits for those compiles before it exits: measured, ~0.8 s of CPU and ~70 MB of resident
// memory per process, for queries that take a millisecond either way. Baseline code is enough here.
// (Set before anything compiles the module; V8 reads the flag at compile time.)
setFlagsFromString("--liftoff-only");

// A one-shot command (search, trending, ingest…) lives well under a second on a small database. Left to
// its defaults V8 sends ~90 functions (the search index build's loops) to its optimising compiler within
// that time, then throws the code away at exit: measured, a cold `papers search` built its index ~3x
// slower for it. A higher budget makes V8 wait for ~15x more work before optimising a function, so short
// runs stay in the interpreter and baseline code, and a long one (a big database, a large ingest) is
// optimised a moment later than it would be (measured: same time on a 9k-paper build).
// The bot's start-up is such a short run too (its modules, the catalog, the chat SDK: once each), and
// optimising it cost ~300 ms of CPU before /healthz answered (~120 ms of wall time on 2 busy cores).
// It runs for days after that, so V8's default budget (67584, `node --v8-options`) comes back once
// start-up is over; a function's budget is re-read at each tick, so hot paths then optimise as before.
setFlagsFromString("--interrupt-budget=1000000");
const START_UP_MS = 10_000;
if (process.argv[2] === "start") setTimeout(() => setFlagsFromString("--interrupt-budget=67584"), START_UP_MS).unref();

const main = new URL("../dist/bundle/main.js", import.meta.url);
if (!existsSync(main)) {
  process.stderr.write("papers: dist/ is missing; run `npm install` (or `npm run build`) in the papers-bot folder first.\n");
  process.exit(2);
}
// Settings from a .env file in the working directory (what `npm start` and compose both read), under any
// already set in the environment, which win. PAPERS_ENV_FILE names another file; empty reads none.
const envFile = process.env.PAPERS_ENV_FILE ?? ".env";
if (process.env.PAPERS_ENV_FILE && !existsSync(envFile)) {
  process.stderr.write(`papers: PAPERS_ENV_FILE names ${envFile}, which does not exist.\n`);
  process.exit(2);
}
if (envFile && existsSync(envFile) && statSync(envFile).isDirectory()) {
  process.stderr.write(`papers: ${process.env.PAPERS_ENV_FILE ? "PAPERS_ENV_FILE names" : "the settings file"} ${envFile}, which is a folder, not a file; name a file or set PAPERS_ENV_FILE.\n`);
  process.exit(2);
}
if (envFile && existsSync(envFile)) {
  try {
    // As process.loadEnvFile reads it, less a leading byte-order mark (Windows editors save one), which
    // would otherwise become part of the first name and drop that setting in silence.
    const settings = parseEnv(readFileSync(envFile, "utf8").replace(/^\uFEFF/, ""));
    for (const [name, value] of Object.entries(settings)) if (!Object.hasOwn(process.env, name)) process.env[name] = value;
  } catch (error) {
    process.stderr.write(`papers: could not read settings from ${envFile} (${error.code ?? error.message}); fix it or set PAPERS_ENV_FILE.\n`);
    process.exit(2);
  }
}
// A reader that stops early (`papers search … --json | head -1`) closes the pipe: that ends the output,
// quietly, as it does for any Unix tool, not in an unhandled 'error' event's stack trace. A closed stderr
// (chat mode's log) only loses log lines: the bot goes on serving, and shuts down as usual.
process.stdout.on("error", (error) => {
  if (error.code !== "EPIPE") throw error;
  process.exit(process.exitCode ?? 0);
});
process.stderr.on("error", (error) => { if (error.code !== "EPIPE") throw error; });
// The stacks the bot logs name src/*.ts: src/log.ts maps the bundle's frames when it logs one (Node's own
// source-map support would read every loaded module's map at start-up instead).
const { main: run } = await import(main.href);
process.exitCode = await run(process.argv.slice(2), {}, process.env);
