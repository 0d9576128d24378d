// `papers digest run [--now <ISO time>] [--json]`: one digest tick as of that instant, for operators
// and tests. Digest messages for terminal-mode channels print to stdout (to stderr with --json, so
// stdout stays one JSON document).
import { runDigestTick } from "../core/digest/tick.ts";
import { channelKey } from "../core/channel.ts";
import { CliUsageError, parseFlags, type CliCommand, type CliContext } from "./io.ts";
import { withServices } from "./services.ts";

const ISO_TIME = /^(\d{4})-(\d{2})-(\d{2})T([01]\d|2[0-3]):([0-5]\d)(:[0-5]\d(\.\d+)?)?(Z|[+-](?:[01]\d|2[0-3]):[0-5]\d)$/i;

/** An ISO time with its zone (Z or an offset), or null: Date would also take "1" (2001), a zone-less time
 * (read in this machine's zone) and days that are not ("2025-02-30", rolled into March). */
function isoInstant(text: string): Date | null {
  const m = ISO_TIME.exec(text);
  if (!m) return null;
  const [year, month, day] = m.slice(1, 4).map(Number) as [number, number, number];
  const date = new Date(Date.UTC(year, month - 1, day));
  if (date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day) return null;
  const instant = new Date(text);
  return Number.isNaN(instant.getTime()) ? null : instant;
}

function parse(ctx: CliContext) {
  return parseFlags({ args: ctx.args, allowPositionals: false, options: { now: { type: "string" }, json: { type: "boolean", default: false } } });
}

export const digestRunCli: CliCommand = {
  name: "digest run",
  usage: "papers digest run [--now <ISO time>] [--json]",
  async run(ctx) {
    const { values } = parse(ctx);
    const now = values.now === undefined ? new Date() : isoInstant(values.now);
    if (!now) throw new CliUsageError(`--now takes an ISO time with its zone, like 2025-03-11T09:00:00Z, not "${values.now!.slice(0, 40)}".`, true);
    return withServices(ctx, async (services) => {
      const { cliTransports } = await import("./transports.ts"); // the platform SDKs only when posting
      const transports = await cliTransports(services.config, services.log, values.json ? ctx.stderr : ctx.stdout);
      const report = await runDigestTick(services, transports, now);
      const failed = report.channels.filter((c) => c.outcome === "failed").length;
      if (values.json) {
        ctx.stdout.write(JSON.stringify({ ...report, channels: report.channels.map((c) => ({ ...c, channel: channelKey(c.channel) })) }, null, 2) + "\n");
      } else {
        for (const c of report.channels) ctx.stdout.write(`${channelKey(c.channel)} ${c.localDate}: ${c.outcome}, ${c.posted} message(s)${c.reason ? ` (${c.reason})` : ""}\n`);
        ctx.stdout.write(`digest tick at ${report.at}: ${report.channels.length} due, ${report.settled} done already, ${report.notDue} not due yet, ${report.paused} paused, ${failed} failed\n`);
      }
      return failed > 0 ? 1 : 0;
    });
  },
};
