// A stack the bot logs names src/*.ts: bin/papers.js runs the bundle (dist/bundle/, built by the global
// setup), and the logger maps each frame in it through the bundle's source maps when it logs the error.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { describe, expect, it } from "vitest";
import { createLogger, sourceStack } from "../../src/log.ts";
import { LogCapture } from "../support/services.ts";
import { DatabaseBusyError } from "../../src/core/stores/busy.ts";

const bundle = join(process.cwd(), "dist/bundle/main.js");
const source = join(process.cwd(), "src/cli/main.ts");

/** The 1-based line of the first line starting with `text` in `file`. */
const lineOf = (file: string, text: string) => readFileSync(file, "utf8").split("\n").findIndex((l) => l.startsWith(text)) + 1;

describe("logged stacks", () => {
  it("name src/*.ts for frames in the bundle, and leave other frames alone", () => {
    const bundleLine = lineOf(bundle, "function commandHelp(");
    const sourceLine = lineOf(source, "function commandHelp(");
    expect(bundleLine).toBeGreaterThan(0);
    expect(sourceLine).toBeGreaterThan(0);
    const stack = ["Error: boom", `    at commandHelp (${pathToFileURL(bundle).href}:${bundleLine}:10)`,
      "    at Module._compile (node:internal/modules/cjs/loader:1482:14)",
      "    at x (file:///somewhere/node_modules/@slack/bolt/dist/App.js:5:7)"].join("\n");
    const mapped = sourceStack(stack).split("\n");
    expect(mapped[1]).toBe(`    at commandHelp (${source}:${sourceLine}:10)`);
    expect(mapped.slice(2)).toEqual(stack.split("\n").slice(2));
  });

  it("are mapped in what the logger writes (err, error and cause)", () => {
    const logs = new LogCapture();
    const log = createLogger({ level: "info", destination: logs });
    const error = new Error("boom");
    error.stack = `Error: boom\n    at commandHelp (${pathToFileURL(bundle).href}:${lineOf(bundle, "function commandHelp(")}:10)`;
    log.error({ err: error, error, cause: error }, "failed");
    const line = JSON.parse(logs.text) as Record<string, { stack: string }>;
    for (const key of ["err", "error", "cause"]) expect(line[key]!.stack).toContain(`${source}:${lineOf(source, "function commandHelp(")}:`);
  });

  it("go with a one-line message: a Prisma error's reason (its last line), its code frame left to the stack", () => {
    const logs = new LogCapture();
    const log = createLogger({ level: "info", destination: logs });
    const prisma = new Error("\nInvalid `prisma.bookmark.findMany()` invocation:\n\n\nCan't reach database server at 127.0.0.1:5499");
    const wrapped = new Error("search index sync failed", { cause: prisma });
    log.error({ err: prisma, error: wrapped }, "command failed");
    const line = JSON.parse(logs.text) as Record<string, { message: string; stack: string }>;
    expect(line.err!.message).toBe("Can't reach database server at 127.0.0.1:5499");
    expect(line.err!.stack).toContain("Invalid `prisma.bookmark.findMany()` invocation:"); // all of it, as before
    expect(line.error!.message).toBe("search index sync failed: Can't reach database server at 127.0.0.1:5499");
    // A one-line message is as it was.
    log.error({ err: new Error("boom", { cause: new Error("bang") }) }, "failed");
    expect(JSON.parse(logs.text.trim().split("\n").at(-1)!).err.message).toBe("boom: bang");
  });

  it("are left out for a busy database, which is expected: its message only, not the driver's code frame", () => {
    const logs = new LogCapture();
    const log = createLogger({ level: "info", destination: logs });
    const driver = new Error("Invalid `prisma.lastList.upsert()` invocation:\n\n  → 12 await db.lastList.upsert(\nSQLITE_BUSY: database is locked");
    log.warn({ err: new DatabaseBusyError({ cause: driver }) }, "command found the database busy");
    expect(JSON.parse(logs.text).err).toEqual({ type: "DatabaseBusyError", message: "Another process held the database's write lock for longer than this write could wait" });
  });
});
