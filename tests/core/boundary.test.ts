// The core and the commands know nothing of Slack, Discord or cron; only src/config.ts reads the environment.
import { readdirSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? sources(path) : path.endsWith(".ts") ? [path] : [];
  });
}

const importsOf = (file: string) => [...readFileSync(file, "utf8").matchAll(/(?:from|import)\s*\(?\s*["']([^"']+)["']/g)].map((m) => m[1]!);
const FORBIDDEN = /^(@slack\/|discord\.js$|@discordjs\/|node-cron$)/;

describe("architecture boundaries", () => {
  it("src/core, src/commands and src/sources import no platform SDK nor node-cron", () => {
    const offenders = ["src/core", "src/commands", "src/sources"].flatMap((dir) => {
      try { return sources(dir); } catch { return []; }
    }).flatMap((file) => importsOf(file).filter((spec) => FORBIDDEN.test(spec)).map((spec) => `${file} imports ${spec}`));
    expect(offenders).toEqual([]);
    expect(sources("src/core").length).toBeGreaterThan(5);
  });

  it("only src/config.ts reads process.env", () => {
    const readers = sources("src").filter((f) => !f.startsWith("src/generated") && f !== join("src", "config.ts"))
      .filter((f) => /process\.env\b/.test(readFileSync(f, "utf8").replace(/\/\/.*$/gm, "")));
    expect(readers).toEqual([]);
  });
});
