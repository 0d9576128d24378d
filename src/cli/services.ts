import type { Config } from "../config.ts";
import { createLogger } from "../log.ts";
import { createServices, type Services } from "../app/services.ts";
import type { CliContext } from "./io.ts";

/** Services for a one-shot CLI command: logs go to stderr at warn, so stdout stays clean for --json. */
export async function withServices<T>(ctx: CliContext, fn: (services: Services) => Promise<T>, config: Config = ctx.config): Promise<T> {
  if (ctx.services) return fn(ctx.services);
  const log = createLogger({ level: config.LOG_LEVEL === "info" ? "warn" : config.LOG_LEVEL, destination: ctx.stderr });
  const services = await createServices(config, log);
  try { return await fn(services); } finally { await services.close(); }
}
