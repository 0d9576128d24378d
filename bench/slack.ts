// Slack benchmark: time from a signed `/papers moe` request to (a) Bolt's ack and (b) the answer at its
// response_url, through real Bolt and the production startSlack, with N synthetic papers in the database
// and the search index. Run directly:
//   node --import tsx bench/slack.ts [papers] [requests]
import { pathToFileURL } from "node:url";
import { startSlack } from "../src/adapters/slack/index.ts";
import { createRegistry } from "../src/commands/index.ts";
import { syntheticPapers } from "./corpus.ts";
import { servicesWithPapers } from "./load-papers.ts";
import { latency } from "./stats.ts";
import { SlackEmulator, SlackRequester } from "../tests/emulators/slack/index.ts";

const SECRET = "bench-signing-secret-not-real";

export async function runSlackBench(opts: { papers?: number; requests?: number; burst?: number; query?: string } = {}): Promise<object> {
  const size = opts.papers ?? 100_000, count = opts.requests ?? 200, burst = opts.burst ?? 50, query = opts.query ?? "moe";
  const emulator = new SlackEmulator();
  await emulator.start();
  const { services, close } = await servicesWithPapers({ PORT: "0", SLACK_BOT_TOKEN: emulator.token,
    SLACK_SIGNING_SECRET: SECRET, SLACK_API_URL: emulator.apiUrl }, syntheticPapers({ size }));
  const bot = await startSlack(services, createRegistry());
  const requester = new SlackRequester(`http://127.0.0.1:${bot.port}`, SECRET, { teamId: emulator.teamId, userId: "U0BENCH", channelId: "C0BENCH" });
  let n = 0;
  const once = async (): Promise<{ ackMs: number; answerMs: number }> => {
    const id = `b${++n}`;
    const started = performance.now();
    const ack = await requester.command(query, emulator.responseUrl(id));
    if (ack.status !== 200) throw new Error(`bot answered ${ack.status}`);
    const ackMs = performance.now() - started;
    await emulator.response(id, 1, 30_000);
    return { ackMs, answerMs: performance.now() - started };
  };
  try {
    for (let i = 0; i < 20; i++) await once(); // warm-up: JIT, connection pools, SQLite pages
    emulator.reset();
    const sequential: { ackMs: number; answerMs: number }[] = [];
    for (let i = 0; i < count; i++) { sequential.push(await once()); if (i % 50 === 49) emulator.reset(); }
    emulator.reset();
    const concurrent = await Promise.all(Array.from({ length: burst }, () => once()));
    const bursts = { ack: latency(concurrent.map((s) => s.ackMs)), answer: latency(concurrent.map((s) => s.answerMs)) };
    const result = {
      papers: services.catalog.size, query: `/papers ${query}`, requests: count,
      ack: latency(sequential.map((s) => s.ackMs)),
      answer: latency(sequential.map((s) => s.answerMs)),
      [`burst${burst}`]: bursts,
    };
    console.table({ ack: result.ack, answer: result.answer, [`burst ${burst} ack`]: bursts.ack, [`burst ${burst} answer`]: bursts.answer });
    return result;
  } finally {
    await bot.stop();
    await emulator.stop();
    await close();
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) {
  const [papers, requests] = process.argv.slice(2).map(Number);
  console.log(JSON.stringify(await runSlackBench({ ...(papers ? { papers } : {}), ...(requests ? { requests } : {}) }), null, 2));
  process.exit(0);
}
