// Writes prisma/<provider>/schema.prisma from prisma/models.prisma and generates one Prisma client per
// provider into src/generated/<provider>. Runs at `npm install` (postinstall) and needs no network.
// It does nothing when the clients were already generated from the same models by the same Prisma
// version, and nothing when the Prisma CLI (a dev dependency) is absent but the clients exist: a
// pruned production install (or `npx papers` re-running the install scripts) runs the compiled dist/.
import { spawnSync } from "node:child_process";
import { createHash } from "node:crypto";
import { existsSync, readFileSync, writeFileSync, mkdirSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
export const providers = ["sqlite", "postgresql"];

// compilerBuild "small": the query compiler built for size (1.6 MB of WebAssembly instead of 3.3 MB, shipped
// as a base64 JavaScript module that every process parses, decodes and compiles at start). Measured on
// `papers search`: ~0.25 s of CPU and ~14 MB of resident memory less; planning a query stays sub-millisecond.
export function schemaText(provider) {
  const models = readFileSync(join(root, "prisma/models.prisma"), "utf8");
  return `// Generated from prisma/models.prisma by scripts/generate-clients.mjs: do not edit.
generator client {
  provider = "prisma-client"
  output   = "../../src/generated/${provider}"
  moduleFormat = "esm"
  compilerBuild = "small"
}

datasource db {
  provider = "${provider}"
}

${models}`;
}

export function writeSchemas() {
  for (const provider of providers) {
    const path = join(root, "prisma", provider, "schema.prisma");
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(path, schemaText(provider));
  }
}

const stampPath = join(root, "src/generated/.models-hash");
const prismaCli = join(root, "node_modules/prisma/build/index.js");

function modelsHash() {
  const version = existsSync(join(root, "node_modules/prisma/package.json"))
    ? JSON.parse(readFileSync(join(root, "node_modules/prisma/package.json"), "utf8")).version : "absent";
  return createHash("sha256").update(readFileSync(join(root, "prisma/models.prisma"))).update(version).update(schemaText("")).digest("hex");
}

function generated() { return providers.every((p) => existsSync(join(root, "src/generated", p, "client.ts"))); }

function generate({ force = false } = {}) {
  // A compiled install (the image: dist/ without src/) has its clients compiled in: nothing to generate.
  if (!existsSync(join(root, "src")) && existsSync(join(root, "dist/generated"))) return;
  if (!existsSync(prismaCli)) {
    if (generated() || existsSync(join(root, "dist/generated"))) return;
    throw new Error("the Prisma CLI is not installed and src/generated is missing: run `npm install` with dev dependencies");
  }
  if (!force && generated() && existsSync(stampPath) && readFileSync(stampPath, "utf8") === modelsHash()) return;
  writeSchemas();
  const env = { ...process.env, PRISMA_SCHEMA_ENGINE_BINARY: join(root, "scripts/prisma-engine-stub.sh"),
    PRISMA_HIDE_UPDATE_MESSAGE: "1", CHECKPOINT_DISABLE: "1" };
  for (const provider of providers) {
    const r = spawnSync(process.execPath, [prismaCli, "generate",
      "--schema", join(root, "prisma", provider, "schema.prisma")], { env, stdio: ["ignore", "pipe", "pipe"], encoding: "utf8" });
    if (r.status !== 0) {
      process.stderr.write(r.stdout + r.stderr);
      throw new Error(`prisma generate failed for ${provider}`);
    }
  }
  writeFileSync(stampPath, modelsHash());
  console.log(`papers-bot: Prisma clients generated for ${providers.join(" and ")}`);
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  try { generate({ force: process.argv.includes("--force") }); }
  catch (error) { console.error(`papers-bot: ${error.message}`); process.exit(1); }
}
