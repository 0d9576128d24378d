// One-shot commands load only what they run: no chat SDK unless they post, and one database's client
// and driver. Checked on a real `node bin/papers.js` process, recording every package it resolves.
import { existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { spawnSync } from "node:child_process";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, describe, expect, it } from "vitest";
import { PAPERS_BIN } from "../support/processes.ts";

const dir = mkdtempSync(join(tmpdir(), "papers-lean-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const hook = fileURLToPath(new URL("../support/loaded-packages.mjs", import.meta.url));

function packagesLoadedBy(args: string[], env: Record<string, string> = {}): Set<string> {
  const file = join(dir, `${args.join("-")}.txt`);
  const r = spawnSync(process.execPath, ["--import", hook, PAPERS_BIN, ...args], {
    env: { PATH: process.env.PATH ?? "", HOME: process.env.HOME ?? "", HF_REFRESH: "off", PAPERS_ENV_FILE: "", DATABASE_URL: `file:${join(dir, "lean.db")}`, LOADED_PACKAGES_FILE: file, ...env },
    encoding: "utf8",
  });
  expect(r.status, r.stderr).toBe(0);
  // No file: the process resolved no package at all (the hook works: the search tests above see better-sqlite3).
  return new Set(existsSync(file) ? readFileSync(file, "utf8").split("\n").filter(Boolean) : []);
}

const CHAT_SDKS = ["@slack/bolt", "@slack/web-api", "discord.js", "@discordjs/rest", "@discordjs/ws", "prom-client"];

describe("a one-shot command loads only what it runs", () => {
  it("papers search on SQLite: no chat SDK, no PostgreSQL driver, no TypeScript tooling", () => {
    // The first run creates, migrates and seeds the database: writes, through Prisma's client.
    const first = packagesLoadedBy(["search", "moe", "--limit", "3"]);
    expect(first).toContain("better-sqlite3");
    expect(first).toContain("@prisma/adapter-better-sqlite3");
    for (const absent of [...CHAT_SDKS, "pg", "@prisma/adapter-pg", "tsx", "esbuild", "typescript", "node-cron"]) expect(first, absent).not.toContain(absent);
  });

  it("papers search and trending on a migrated, seeded SQLite database read with better-sqlite3 alone: no Prisma", () => {
    packagesLoadedBy(["search", "mixture"]); // makes sure the database exists and is seeded, whatever ran first
    for (const args of [["search", "moe", "--limit", "3", "--json"], ["trending", "--limit", "2"]]) {
      const loaded = packagesLoadedBy(args);
      expect(loaded, args.join(" ")).toContain("better-sqlite3");
      for (const absent of ["@prisma/client", "@prisma/adapter-better-sqlite3", "@prisma/driver-adapter-utils", ...CHAT_SDKS]) expect(loaded, `${args.join(" ")}: ${absent}`).not.toContain(absent);
    }
  });

  it("papers digest run with nothing to post to loads no chat SDK either", () => {
    const loaded = packagesLoadedBy(["digest", "run", "--now", "2025-03-11T09:00:00Z"]);
    for (const absent of CHAT_SDKS) expect(loaded, absent).not.toContain(absent);
  });

  it("papers slack manifest and discord invite load no chat SDK and no database", () => {
    for (const args of [["slack", "manifest", "--socket"], ["discord", "invite"]]) {
      const loaded = packagesLoadedBy(args, { DISCORD_APPLICATION_ID: "123456789012345678" });
      for (const absent of [...CHAT_SDKS, "better-sqlite3", "pg", "@prisma/client"]) expect(loaded, `${args.join(" ")}: ${absent}`).not.toContain(absent);
    }
  });
});
