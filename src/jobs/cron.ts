// Scheduling a job on a configured cron expression. loadConfig checks the expressions first (config.ts
// cronProblem); node-cron is the final word, and whatever it still refuses is a configuration error
// naming its variable (exit 2), not a crash of `papers start`.
import cron, { type ScheduledTask } from "node-cron";
import { ConfigError } from "../config.ts";

export function scheduleJob(variable: "DIGEST_CRON" | "HF_REFRESH_CRON", expression: string, run: () => void,
  options: { name: string; timezone?: string }): ScheduledTask {
  try {
    return cron.schedule(expression, run, options);
  } catch (error) {
    throw new ConfigError(`Configuration error: ${variable} "${expression.slice(0, 40)}" is not a schedule node-cron can run (${(error as Error).message.slice(0, 120)}).`);
  }
}
