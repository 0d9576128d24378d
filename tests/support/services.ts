// Real services over a real database for tests; only the clock is injected.
import { Writable } from "node:stream";
import { loadConfig, type Config } from "../../src/config.ts";
import { createLogger } from "../../src/log.ts";
import { createServices, type Clock, type Services } from "../../src/services.ts";
import { freshDatabase, type TestDatabase } from "./database.ts";

/** Everything the bot logged during a test, to assert on (and to grep for leaked tokens). */
export class LogCapture extends Writable {
  readonly lines: string[] = [];
  override _write(chunk: Buffer, _enc: string, done: () => void) { this.lines.push(chunk.toString()); done(); }
  get text(): string { return this.lines.join(""); }
}

export interface TestServices extends Services { database: TestDatabase; logs: LogCapture; config: Config }

export async function createTestServices(options: { clock?: Clock; env?: Record<string, string> } = {}): Promise<TestServices> {
  const database = await freshDatabase();
  const config = loadConfig({ DATABASE_URL: database.url, LOG_LEVEL: "debug", HF_REFRESH: "off", ...options.env });
  const logs = new LogCapture();
  const services = await createServices(config, createLogger({ level: "debug", destination: logs }), { clock: options.clock });
  return Object.assign(services, {
    database, logs,
    async close() { await services.close(); await database.drop(); },
  });
}

/** A clock tests move by hand. */
export function manualClock(start: string | Date) {
  let now = new Date(start);
  const clock = () => new Date(now);
  return Object.assign(clock, {
    set(to: string | Date) { now = new Date(to); },
    advance(ms: number) { now = new Date(now.getTime() + ms); },
  });
}
