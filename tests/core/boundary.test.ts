// The architecture, enforced (ARCHITECTURE.md says why): imports only point down the layers, platform SDKs
// stay in the adapters, node-cron in the jobs, the database libraries and generated clients in
// persistence (one provider's at a time), and only src/config.ts reads the environment. Every rule names
// the folders it guards, and a guarded folder that is missing or empty fails the test rather than
// passing it vacuously.
import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import { dirname, join, normalize, relative, sep } from "node:path";
import { describe, expect, it } from "vitest";

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? sources(path) : path.endsWith(".ts") ? [path] : [];
  });
}

interface Import { file: string; spec: string; dynamic: boolean }

const STATIC = /(?:^|\n)\s*(?:import|export)\s+(?:type\s+)?(?:[\w*{}\s,]+\s+from\s+)?["']([^"']+)["']/g;
const DYNAMIC = /\bimport\s*\(\s*["']([^"']+)["']\s*\)/g;

function importsOf(file: string): Import[] {
  const text = readFileSync(file, "utf8");
  return [...[...text.matchAll(STATIC)].map((m) => ({ file, spec: m[1]!, dynamic: false })),
    ...[...text.matchAll(DYNAMIC)].map((m) => ({ file, spec: m[1]!, dynamic: true }))];
}

/** "src/core/digest/plan.ts" + "../stores/papers.ts" → "core/stores/papers.ts"; null for a package. */
function target(imp: Import): string | null {
  if (!imp.spec.startsWith(".")) return null;
  return relative("src", normalize(join(dirname(imp.file), imp.spec))).split(sep).join("/");
}

/** The layer of a path under src/: its first folder, or the file itself ("log.ts", "config.ts"). */
const layerOf = (path: string) => path.split("/")[0]!;

// Each layer and the layers it may import (itself included). Lower layers never name the ones above.
const MAY_IMPORT: Record<string, string[]> = {
  "config.ts": [],
  "log.ts": ["config.ts"],
  core: ["core", "log.ts", "config.ts"],
  persistence: ["persistence", "generated", "core", "log.ts", "config.ts"],
  sources: ["sources", "core", "log.ts", "config.ts"],
  "command-kit": ["command-kit", "core", "log.ts", "config.ts"],
  commands: ["commands", "command-kit", "sources", "core", "log.ts", "config.ts"],
  jobs: ["jobs", "sources", "core", "log.ts", "config.ts"],
  adapters: ["adapters", "command-kit", "core", "log.ts", "config.ts"],
  app: ["app", "adapters", "jobs", "commands", "command-kit", "sources", "persistence", "core", "log.ts", "config.ts"],
  cli: ["cli", "app", "adapters", "jobs", "commands", "command-kit", "sources", "persistence", "core", "log.ts", "config.ts"],
};
const GUARDED = Object.keys(MAY_IMPORT);

// Packages, and the only layers allowed to import them.
const PACKAGES: [RegExp, string, string[]][] = [
  [/^(@slack\/|discord\.js$|@discordjs\/)/, "a platform SDK", ["adapters"]],
  [/^node-cron$/, "node-cron", ["jobs"]],
  [/^prom-client$/, "prom-client", ["adapters"]],
  [/^(@prisma\/|prisma$|pg$|better-sqlite3$)/, "a database library", ["persistence"]],
];

function allSources(): string[] {
  return GUARDED.flatMap((layer) => {
    const path = join("src", layer);
    return layer.endsWith(".ts") ? [path] : sources(path);
  });
}

describe("architecture boundaries", () => {
  it("guards folders that exist and hold code (a moved folder must move its rule too)", () => {
    const missing = GUARDED.filter((layer) => {
      const path = join("src", layer);
      return !existsSync(path) || (!layer.endsWith(".ts") && sources(path).length === 0);
    });
    expect(missing).toEqual([]);
    // Every top-level entry of src/ is guarded (generated is Prisma's output, reachable from persistence only).
    const unguarded = readdirSync("src").filter((name) => !GUARDED.includes(name) && name !== "generated" && name !== "data");
    expect(unguarded).toEqual([]);
    // The import reader itself sees the code (a regex that matched nothing would pass every rule below).
    expect(allSources().flatMap(importsOf).filter((imp) => target(imp)).length).toBeGreaterThan(300);
  });

  it("relative imports only point down the layers", () => {
    const offenders = allSources().flatMap((file) => importsOf(file).flatMap((imp) => {
      const to = target(imp);
      const from = layerOf(relative("src", file).split(sep).join("/"));
      return to && !MAY_IMPORT[from]!.includes(layerOf(to)) ? [`${file} imports ${imp.spec} (${from} → ${layerOf(to)})`] : [];
    }));
    expect(offenders).toEqual([]);
  });

  it("platform SDKs only in adapters, node-cron only in jobs, Prisma, pg and better-sqlite3 only in persistence", () => {
    const offenders = allSources().flatMap((file) => importsOf(file).flatMap((imp) => {
      const from = layerOf(relative("src", file).split(sep).join("/"));
      return PACKAGES.filter(([pattern, , allowed]) => pattern.test(imp.spec) && !allowed.includes(from))
        .map(([, what]) => `${file} imports ${imp.spec} (${what})`);
    }));
    expect(offenders).toEqual([]);
  });

  it("one provider per process: a generated client is imported only from its own provider's folder, which is loaded only dynamically", () => {
    const offenders = sources("src/persistence").flatMap((file) => importsOf(file).flatMap((imp) => {
      const to = target(imp);
      const own = relative("src/persistence", file).split(sep)[0];
      if (!to) return [];
      for (const provider of ["sqlite", "postgresql"]) {
        if (to.startsWith(`generated/${provider}/`) && own !== provider) return [`${file} imports the ${provider} client`];
        if (to.startsWith(`persistence/${provider}/`) && own !== provider && !imp.dynamic) return [`${file} imports persistence/${provider} statically`];
      }
      return [];
    }));
    expect(offenders).toEqual([]);
  });

  it("persistence types each client as what it is: no `as unknown as`", () => {
    const casts = sources("src/persistence").filter((f) => /as unknown as/.test(readFileSync(f, "utf8")));
    expect(casts).toEqual([]);
  });

  it("only src/config.ts reads process.env", () => {
    const readers = sources("src").filter((f) => !f.startsWith(join("src", "generated")) && f !== join("src", "config.ts"))
      .filter((f) => /process\.env\b/.test(readFileSync(f, "utf8").replace(/\/\/.*$/gm, "")));
    expect(readers).toEqual([]);
  });
});
