// Real services over a real database for tests; only the clock is injected.
import { Writable } from "node:stream";
import { loadConfig, type Config } from "../../src/config.ts";
import { createLogger } from "../../src/log.ts";
import { createServices, type Clock, type Services } from "../../src/app/services.ts";
import { freshDatabase, rawClient, type TestDatabase, type TestDb } from "./database.ts";
import { capturedLogs, registerSecretsIn } from "./secrets.ts";

/** Everything the bot logged during a test, to assert on (and to grep for leaked tokens). */
export class LogCapture extends Writable {
  readonly lines: string[] = [];
  constructor() { super(); capturedLogs().push(this); } // tests/support/leak-check.ts reads them all
  override _write(chunk: Buffer, _enc: string, done: () => void) { this.lines.push(chunk.toString()); done(); }
  get text(): string { return this.lines.join(""); }
}

/** `db`: a raw client on the same database, for assertions (opened on first use); `testDatabase`: its URL. */
export interface TestServices extends Services { db: TestDb; testDatabase: TestDatabase; logs: LogCapture; config: Config }

export async function createTestServices(options: { clock?: Clock; env?: Record<string, string> } = {}): Promise<TestServices> {
  const database = await freshDatabase();
  registerSecretsIn(options.env ?? {});
  // HF_API_URL points at a loopback port nothing listens on (9, discard), so a test that reaches for the
  // papers API without its own emulator fails fast instead of touching the internet.
  // The per-person command limit is tested in tests/hardening (which sets COMMANDS_PER_MINUTE itself);
  // elsewhere one test user sends far more than 20 commands a minute, so it is set out of the way.
  const config = loadConfig({ DATABASE_URL: database.url, LOG_LEVEL: "debug", HF_REFRESH: "off", HF_API_URL: "http://127.0.0.1:9/api",
    COMMANDS_PER_MINUTE: "1000000", ...options.env });
  const logs = new LogCapture();
  const services = await createServices(config, createLogger({ level: "debug", destination: logs }), { clock: options.clock });
  // Keep the original close: after Object.assign, services.close is the wrapper itself.
  const closeServices = services.close;
  let db: TestDb | undefined;
  Object.defineProperty(services, "db", { get: () => (db ??= rawClient(config.DATABASE_URL)) });
  return Object.assign(services as TestServices, {
    testDatabase: database, logs,
    async close() { await closeServices(); await db?.$disconnect(); await database.drop(); },
  });
}

/**
 * A second process's services on the same database (a replica), with its own clock and a silent log; the
 * caller closes it. Its clock lets a test give two replicas clocks that disagree.
 */
export async function createReplica(of: TestServices, options: { clock?: Clock } = {}): Promise<Services> {
  const config = loadConfig({ DATABASE_URL: of.testDatabase.url, HF_REFRESH: "off", HF_API_URL: "http://127.0.0.1:9/api" });
  return createServices(config, createLogger({ level: "silent" }), { clock: options.clock });
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
