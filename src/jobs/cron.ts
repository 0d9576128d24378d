// Scheduling a job on a configured cron expression. loadConfig checks the expressions first (config.ts
// cronProblem); node-cron is the final word, and whatever it still refuses is a configuration error
// naming its variable (exit 2), not a crash of `papers start`.
import cron, { type ScheduledTask } from "node-cron";
import { ConfigError, CRON_FIELDS, cronFields, type CronField } from "../config.ts";

export function scheduleJob(variable: "DIGEST_CRON" | "HF_REFRESH_CRON", expression: string, run: () => void,
  options: { name: string; timezone?: string }): ScheduledTask {
  try {
    return cron.schedule(expression, run, options);
  } catch (error) {
    throw new ConfigError(`Configuration error: ${variable} "${expression.slice(0, 40)}" is not a schedule node-cron can run (${(error as Error).message.slice(0, 120)}).`);
  }
}

// --- How long a healthy digest job may go without a tick ---

/** The values one field of a (checked: config.ts cronProblem) cron expression allows. */
function allowed(field: string, [, low, high, names]: CronField): Set<number> {
  const value = (v: string) => (names?.includes(v.toLowerCase()) ? names.indexOf(v.toLowerCase()) + low : Number(v));
  const out = new Set<number>();
  for (const part of field.split(",")) {
    const [range = "*", step = "1"] = part.split("/");
    const [from, to] = range === "*" ? [low, high] : range.includes("-") ? range.split("-").map(value) as [number, number]
      : [value(range), part.includes("/") ? high : value(range)];
    // A range that ends below its start wraps round, as node-cron runs it ("22-2": 22, 23, 0, 1, 2;
    // "fri-mon"): read as empty, it left the schedule with no runs and /healthz with no limit at all.
    const top = high === 7 ? 6 : high, size = top - low + 1;
    const span = from <= to ? to - from : (((to - from) % size) + size) % size;
    for (let offset = 0; offset <= span; offset += Number(step)) {
      const v = from + offset > top && from > to ? from + offset - size : from + offset;
      out.add(high === 7 && v === 7 ? 0 : v);
    }
  }
  return out;
}

/**
 * The longest wait between two runs of `expression`, in ms, over two weeks and a day of minutes (so a
 * weekly pattern's every wait, Sunday's run to the next Saturday's included, lies inside it), or Infinity when it runs less than twice in that time or names days of the month or months
 * (their waits span months: "the 1st to the 28th" waits four days at a month's end).
 */
export function longestGapMs(expression: string): number {
  const [minute, hour, day, month, weekday] = cronFields(expression);
  if (day !== "*" || month !== "*") return Infinity;
  const [minutes, hours, weekdays] = [allowed(minute!, CRON_FIELDS[0]!), allowed(hour!, CRON_FIELDS[1]!), allowed(weekday!, CRON_FIELDS[4]!)];
  const start = Date.UTC(2026, 0, 5); // a Monday; the wait between runs does not depend on the week
  let previous = -1, longest = 0, runs = 0;
  for (let at = 0; at < 15 * 1440; at++) {
    const t = new Date(start + at * 60_000);
    if (!minutes.has(t.getUTCMinutes()) || !hours.has(t.getUTCHours()) || !weekdays.has(t.getUTCDay())) continue;
    if (previous >= 0) longest = Math.max(longest, at - previous);
    previous = at;
    runs++;
  }
  return runs < 2 ? Infinity : longest * 60_000;
}

/**
 * /healthz's limit: the schedule's longest wait and four minutes more (five minutes for every-minute ticks),
 * and an hour more for hourly or slower ones, which node-cron runs on the local clock: a daylight-saving
 * change skips (or repeats) an hour of it.
 */
export function staleDigestAfterMs(expression: string): number {
  const gap = longestGapMs(expression);
  return gap + 4 * 60_000 + (gap >= 3_600_000 ? 3_600_000 : 0);
}
