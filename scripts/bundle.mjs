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
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

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
  plugins: [englishOnlyZod],
  // Whitespace and syntax only: identifiers keep their names, so a logged stack trace still names functions.
  minifyWhitespace: true,
  minifySyntax: true,
  // Chained through tsc's maps to src/*.ts, for `node --enable-source-maps` (not on by default: it costs start-up time).
  sourcemap: "linked",
  sourcesContent: false,
  logLevel: "warning",
});
