// Compiles src/ (with the generated Prisma clients in src/generated) to dist/, bundles the CLI that
// bin/papers.js runs into dist/bundle/ (scripts/bundle.mjs), and copies the data files beside them.
// Runs at `npm install` (postinstall), before the tests, and in the image build.
// It does nothing when dist/ is already newer than every source file, and when TypeScript or esbuild is
// not installed (a production install after `npm prune --omit=dev`, or `npx papers` re-running the
// install scripts in its cache) it keeps the dist/ it has: only a missing dist/ is then an error.
import { spawnSync } from "node:child_process";
import { cpSync, existsSync, readdirSync, rmSync, statSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const dist = join(root, "dist");
const stamp = join(dist, ".built");
const inputs = [join(root, "src"), join(root, "tsconfig.json"), join(root, "tsconfig.build.json"), join(root, "scripts/bundle.mjs")];

function newestMtime(path) {
  const s = statSync(path);
  if (!s.isDirectory()) return s.mtimeMs;
  let newest = s.mtimeMs;
  for (const name of readdirSync(path)) newest = Math.max(newest, newestMtime(join(path, name)));
  return newest;
}

function resolves(specifier) {
  try { return createRequire(join(root, "package.json")).resolve(specifier); } catch { return null; }
}

export function build({ force = false } = {}) {
  // A compiled install (the image: dist/ without src/): nothing to build from, and dist/ is what runs.
  if (!existsSync(join(root, "src"))) {
    if (existsSync(join(dist, "bundle/main.js"))) return "fresh";
    throw new Error("src/ and dist/ are both missing: this is not a papers-bot checkout or image.");
  }
  if (!force && existsSync(stamp) && statSync(stamp).mtimeMs >= Math.max(...inputs.map(newestMtime))) return "fresh";
  const tsc = resolves("typescript/bin/tsc");
  // Both or neither: npm may keep TypeScript after a prune (@prisma/client's optional peer), and a tsc-only
  // rebuild would delete the bundle bin/papers.js runs.
  if (!tsc || !resolves("esbuild")) {
    if (existsSync(join(dist, "bundle/main.js"))) return "kept";
    throw new Error("dist/ is missing and TypeScript or esbuild is not installed: run `npm install` (with dev dependencies) to build it.");
  }
  rmSync(dist, { recursive: true, force: true });
  const r = spawnSync(process.execPath, [tsc, "-p", join(root, "tsconfig.build.json")], { cwd: root, stdio: "inherit" });
  if (r.status !== 0) throw new Error("the TypeScript build failed (see above)");
  const b = spawnSync(process.execPath, [join(root, "scripts/bundle.mjs")], { cwd: root, stdio: "inherit" });
  if (b.status !== 0) throw new Error("bundling dist/cli/main.js failed (see above)");
  cpSync(join(root, "src/data"), join(dist, "data"), { recursive: true });
  writeFileSync(stamp, `${new Date().toISOString()}\n`);
  return "built";
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  try {
    const outcome = build({ force: process.argv.includes("--force") });
    if (outcome !== "fresh") console.log(outcome === "built" ? "papers-bot: built dist/" : "papers-bot: TypeScript or esbuild is not installed; keeping the existing dist/");
  } catch (error) {
    console.error(`papers-bot: ${error.message}`);
    process.exit(1);
  }
}
