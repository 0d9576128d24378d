// Writes prisma/<provider>/schema.prisma from prisma/models.prisma and generates one Prisma client per
// provider into src/generated/<provider>. Runs at `npm install` (postinstall) and needs no network.
import { spawnSync } from "node:child_process";
import { readFileSync, writeFileSync, mkdirSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
export const providers = ["sqlite", "postgresql"];

export function schemaText(provider) {
  const models = readFileSync(join(root, "prisma/models.prisma"), "utf8");
  return `// Generated from prisma/models.prisma by scripts/generate-clients.mjs: do not edit.
generator client {
  provider = "prisma-client"
  output   = "../../src/generated/${provider}"
  moduleFormat = "esm"
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

function generate() {
  writeSchemas();
  const env = { ...process.env, PRISMA_SCHEMA_ENGINE_BINARY: join(root, "scripts/prisma-engine-stub.sh"),
    PRISMA_HIDE_UPDATE_MESSAGE: "1", CHECKPOINT_DISABLE: "1" };
  for (const provider of providers) {
    const r = spawnSync(process.execPath, [join(root, "node_modules/prisma/build/index.js"), "generate",
      "--schema", join(root, "prisma", provider, "schema.prisma")], { env, stdio: ["ignore", "pipe", "pipe"], encoding: "utf8" });
    if (r.status !== 0) {
      process.stderr.write(r.stdout + r.stderr);
      throw new Error(`prisma generate failed for ${provider}`);
    }
  }
  console.log(`papers-bot: Prisma clients generated for ${providers.join(" and ")}`);
}

if (process.argv[1] === fileURLToPath(import.meta.url)) generate();
