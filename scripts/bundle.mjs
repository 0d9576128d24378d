// Bundles the compiled CLI (dist/cli/main.js and everything it imports) into dist/bundle/, which
// bin/papers.js runs. Run by scripts/build.mjs after tsc, only where esbuild (a dev dependency) is installed.
//
// Why: Node loads an ES module graph file by file — resolve, stat, read, compile, link — and the CLI's
// graph is ~230 files (95 of them zod's); that was about half of a `papers search`. One file per lazy
// import instead: the entry, the chunks each `import()` brings (`papers start`, the PostgreSQL or SQLite
// store, the chat transports), and chunks they share. Packages that are heavy, native, CommonJS or only
// loaded lazily stay in node_modules (EXTERNAL), so a `search` still loads no chat SDK.
//
// Every output file sits one folder below dist/, as the files tsc emits do, so paths a module takes from
// its own URL (../data/, ../../prisma/, the package root) mean the same in the bundle.
import { build } from "esbuild";
import { mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");

const EXTERNAL = ["@prisma/*", "better-sqlite3", "pg", "@slack/*", "discord.js", "@discordjs/*", "pino", "prom-client", "node-cron"];

// `import { z } from "zod"` keeps every export of zod's namespace, including `z.locales`: error messages
// in ~50 languages (~370 kB of the bundle to parse at every start). Only English is ever used (zod's
// default), so the locales index is cut to English.
const englishOnlyZod = {
  name: "zod-english-only",
  setup(b) {
    b.onLoad({ filter: /[\\/]node_modules[\\/]zod[\\/]v4[\\/]locales[\\/]index\.js$/ }, () => ({
      contents: 'export { default as en } from "./en.js";\n', loader: "js", resolveDir: join(root, "node_modules/zod/v4/locales"),
    }));
  },
};

// Prisma's generated client imports its query compiler as a JavaScript module holding the WebAssembly as
// a 2.2 MB base64 string, which every process then parses, keeps, decodes and compiles; the string and the
// module's source alone pushed a `papers search` into a full (mark-compact) collection. Decoded here once
// instead, into dist/bundle/<name>.wasm beside the chunks, and read as bytes at run time.
const WASM_IMPORT = /const \{ wasm \} = await import\("@prisma\/client\/runtime\/(query_compiler_\w+\.\w+)\.wasm-base64\.mjs"\);\s*return await decodeBase64AsWasm\(wasm\);/;
const prismaWasmFromFile = {
  name: "prisma-wasm-from-file",
  setup(b) {
    b.onLoad({ filter: /[\\/]dist[\\/]generated[\\/]\w+[\\/]internal[\\/]class\.js$/ }, async (args) => {
      const source = readFileSync(args.path, "utf8");
      const match = WASM_IMPORT.exec(source);
      // A Prisma upgrade that changes this code must fail the build, not ship a bundle that half works.
      if (!match) throw new Error(`${args.path}: Prisma's query-compiler import has changed; update WASM_IMPORT in scripts/bundle.mjs`);
      const name = match[1];
      const runtime = join(root, "node_modules/@prisma/client/runtime", `${name}.wasm-base64.mjs`);
      const { wasm } = await import(pathToFileURL(runtime).href);
      writeFileSync(join(root, "dist/bundle", `${name}.wasm`), Buffer.from(wasm, "base64"));
      const replacement = `return new WebAssembly.Module(__readWasm(new URL("./${name}.wasm", import.meta.url)));`;
      return { contents: `import { readFileSync as __readWasm } from "node:fs";\n${source.replace(WASM_IMPORT, replacement)}`, loader: "js" };
    });
  },
};

// Prisma's runtime (`@prisma/client/runtime/client`, imported by the generated clients and the stores)
// resolves under Node's "node" condition to its CommonJS build, and an ES module importing CommonJS
// reads it three times: Node's module-format detection compiles it, cjs-module-lexer scans it for its
// export names, and then it is compiled to run (~50 ms of CPU for its 200 kB, in every process that opens
// the Prisma client). Its ES module build (client.mjs, the same code) is bundled instead, into the chunk
// that opens the client: compiled once. Its own source map (1 MB, minified code) is left out, so
// `papers start`, which reads the maps of what it loads, does not parse it.
const PRISMA_RUNTIME = join(root, "node_modules/@prisma/client/runtime/client.mjs");
const prismaRuntimeAsModule = {
  name: "prisma-runtime-esm",
  setup(b) {
    b.onResolve({ filter: /^@prisma\/client\/runtime\/client$/ }, () => ({ path: PRISMA_RUNTIME }));
    b.onLoad({ filter: /[\\/]@prisma[\\/]client[\\/]runtime[\\/]client\.mjs$/ }, (args) => ({
      contents: readFileSync(args.path, "utf8").replace(/\n\/\/# sourceMappingURL=\S+\s*$/, "\n"), loader: "js",
      resolveDir: dirname(args.path),
    }));
  },
};

rmSync(join(root, "dist/bundle"), { recursive: true, force: true });
mkdirSync(join(root, "dist/bundle"), { recursive: true });
await build({
  absWorkingDir: root,
  entryPoints: { main: "dist/cli/main.js" },
  outdir: "dist/bundle",
  bundle: true,
  splitting: true,
  format: "esm",
  platform: "node",
  target: "node20",
  external: EXTERNAL,
  plugins: [englishOnlyZod, prismaWasmFromFile, prismaRuntimeAsModule],
  // Not minified: measured no faster to load, and a stack frame's line still reads without the maps.
  // Chained through tsc's maps to src/*.ts; src/log.ts maps the frames of a logged stack with them.
  sourcemap: "linked",
  sourcesContent: false,
  logLevel: "warning",
});
