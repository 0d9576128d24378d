// Discord benchmark: time from an INTERACTION_CREATE dispatch on the emulator's gateway to the deferral
// callback, and to the final edit of the reply, through real discord.js and the production startDiscord,
// with N synthetic papers in the database and the search index. Run directly:
//   node --import tsx bench/discord.ts [papers]
import { pathToFileURL } from "node:url";
import { startDiscord } from "../src/adapters/discord/index.ts";
import { createRegistry } from "../src/commands/index.ts";
import { servicesWithPapers } from "./load-papers.ts";
import { latency } from "./stats.ts";
import { DiscordEmulator, slashCommand, type DispatchedInteraction } from "../tests/emulators/discord/index.ts";
import { seededRandom, syntheticPapers } from "./corpus.ts";

async function measure(emulator: DiscordEmulator, interaction: DispatchedInteraction): Promise<{ deferMs: number; finalMs: number }> {
  const deferred = await emulator.waitFor((r) => r.path === `/interactions/${interaction.id}/${interaction.token}/callback`, "deferral", 30_000);
  const edit = await emulator.waitFor((r) => r.method === "PATCH" && r.path.endsWith(`/${interaction.token}/messages/@original`), "edit", 30_000);
  return { deferMs: deferred.at - interaction.dispatchedAt, finalMs: edit.at - interaction.dispatchedAt };
}

export async function runDiscordBench(opts: { papers?: number; interactions?: number; burst?: number } = {}): Promise<object> {
  const size = opts.papers ?? 100_000, count = opts.interactions ?? 300, burst = opts.burst ?? 50;
  const emulator = await new DiscordEmulator().start();
  const papers = syntheticPapers({ size });
  const { services, close } = await servicesWithPapers({ DISCORD_TOKEN: emulator.token,
    DISCORD_APPLICATION_ID: emulator.applicationId, DISCORD_API_URL: emulator.apiUrl }, papers);
  const bot = await startDiscord(services, createRegistry());
  try {
    const random = seededRandom(11);
    const words = papers.slice(0, 2000).flatMap((p) => p.title.split(/\s+/)).filter((w) => w.length > 3);
    const next = (): DispatchedInteraction => {
      const pick = random();
      if (pick < 0.6) return slashCommand(emulator, "search", { query: Array.from({ length: 1 + Math.floor(random() * 3) }, () => words[Math.floor(random() * words.length)]!).join(" ") });
      if (pick < 0.8) return slashCommand(emulator, "trending", { count: 5 });
      return slashCommand(emulator, "paper", { id: papers[Math.floor(random() * papers.length)]!.id });
    };
    for (let i = 0; i < 20; i++) await measure(emulator, next()); // warm-up
    emulator.reset();
    const sequential: { deferMs: number; finalMs: number }[] = [];
    for (let i = 0; i < count; i++) { sequential.push(await measure(emulator, next())); if (i % 50 === 49) emulator.reset(); }
    emulator.reset();
    const concurrent = await Promise.all(Array.from({ length: burst }, () => next()).map((i) => measure(emulator, i)));
    const result = {
      papers: services.catalog.size, interactions: count,
      sequential: { toDeferral: latency(sequential.map((s) => s.deferMs)), toFinalAnswer: latency(sequential.map((s) => s.finalMs)) },
      burst: { size: burst, toDeferral: latency(concurrent.map((s) => s.deferMs)), toFinalAnswer: latency(concurrent.map((s) => s.finalMs)) },
    };
    console.table({
      "sequential → deferral": result.sequential.toDeferral, "sequential → final": result.sequential.toFinalAnswer,
      [`burst of ${burst} → deferral`]: result.burst.toDeferral, [`burst of ${burst} → final`]: result.burst.toFinalAnswer,
    });
    return result;
  } finally {
    await bot.stop();
    await emulator.stop();
    await close();
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) {
  const papers = process.argv[2] ? Number(process.argv[2]) : undefined;
  await runDiscordBench({ papers });
}
