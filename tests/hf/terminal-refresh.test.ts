// Terminal mode refreshes from Hugging Face as chat mode does. Offline it says so once, in the
// conversation, while the failure's log line goes to the log file, not between the answers.
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { PassThrough } from "node:stream";
import { afterAll, expect, it } from "vitest";
import { loadConfig } from "../../src/config.ts";
import { start } from "../../src/app/start.ts";
import { closedPortUrl, startHfEmulator } from "../emulators/hf/server.ts";

const dir = mkdtempSync(join(tmpdir(), "papers-terminal-hf-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function session(env: Record<string, string>, until: (printed: string) => boolean) {
  const stdin = new PassThrough(), stdout = new PassThrough(), stderr = new PassThrough();
  let printed = "", errors = "";
  stdout.on("data", (c) => { printed += c.toString(); });
  stderr.on("data", (c) => { errors += c.toString(); });
  const done = start(loadConfig({ DATABASE_URL: `file:${join(dir, "papers.db")}`, ...env }), { stdin, stdout, stderr });
  const deadline = Date.now() + 20_000;
  while (!until(printed) && Date.now() < deadline) await new Promise((r) => setTimeout(r, 50));
  stdin.end("trending 1\nquit\n");
  expect(await done).toBe(0);
  return { printed, errors };
}

it("offline: one sentence about the papers it has, the log in data/papers-bot.log", async () => {
  const { printed, errors } = await session({ HF_API_URL: await closedPortUrl() }, (p) => p.includes("out of reach"));
  expect(printed.match(/Hugging Face is out of reach/g)).toHaveLength(1);
  expect(printed).toMatch(/reading the papers stored here \(trending list of 2025-03-11\)/);
  expect(printed).toMatch(/Trending papers, 2025-03-11 \(1 of 89\):/);
  expect(printed).not.toMatch(/"level"/);
  expect(errors).toBe("");
  expect(readFileSync(join(dir, "papers-bot.log"), "utf8")).toMatch(/papers refresh failed; keeping the last good data/);
}, 30_000);

it("rate limited for an hour: says so, not that Hugging Face is out of reach", async () => {
  const hf = await startHfEmulator();
  try {
    const { printed } = await session({ HF_API_URL: hf.url("ratelimit-long") }, (p) => p.includes("rate limited"));
    expect(printed).toMatch(/Hugging Face asked us to wait \(rate limited\), so you are reading the papers stored here \(trending list of 2025-03-11\)/);
    expect(printed).not.toMatch(/out of reach/);
  } finally { await hf.close(); }
}, 30_000);

it("input that ends while the refresh still runs ends the session without a word about Hugging Face", async () => {
  const hf = await startHfEmulator();
  try {
    const { printed } = await session({ HF_API_URL: hf.url("slow") }, (p) => p.includes("> "));
    expect(printed).toMatch(/Trending papers, 2025-03-11 \(1 of 89\):/);
    expect(printed).not.toMatch(/Hugging Face/);
  } finally { await hf.close(); }
}, 30_000);

it("HF_REFRESH=off: no attempt, nothing said", async () => {
  const { printed } = await session({ HF_REFRESH: "off" }, (p) => p.includes("> "));
  expect(printed).not.toMatch(/Hugging Face/);
}, 30_000);

it("a log file that cannot be opened (a folder in its place) moves to the temporary folder; the conversation goes on", async () => {
  const elsewhere = mkdtempSync(join(tmpdir(), "papers-terminal-log-"));
  try {
    mkdirSync(join(elsewhere, "papers-bot.log")); // even root cannot open a folder as a file
    const fallback = join(tmpdir(), `papers-bot-${process.getuid?.() ?? "user"}.log`);
    const before = existsSync(fallback) ? statSync(fallback).size : 0;
    const stdin = new PassThrough(), stdout = new PassThrough(), stderr = new PassThrough();
    let printed = "";
    stdout.on("data", (c) => { printed += c.toString(); });
    stdin.end("trending 1\nquit\n");
    const config = loadConfig({ DATABASE_URL: `file:${join(elsewhere, "papers.db")}`, HF_REFRESH: "off", LOG_LEVEL: "debug" });
    expect(await start(config, { stdin, stdout, stderr })).toBe(0);
    expect(printed).toMatch(/Trending papers, 2025-03-11 \(1 of 89\):/);
    expect(statSync(fallback).size).toBeGreaterThan(before); // "database migrated", at least
  } finally { rmSync(elsewhere, { recursive: true, force: true }); }
});
