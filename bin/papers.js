#!/usr/bin/env node
// `papers …`, `npm start`, `npx papers …`: runs the compiled JavaScript in dist/ (built by `npm install`).
import { existsSync } from "node:fs";

const main = new URL("../dist/cli/main.js", import.meta.url);
if (!existsSync(main)) {
  process.stderr.write("papers: dist/ is missing; run `npm install` (or `npm run build`) in the papers-bot folder first.\n");
  process.exit(2);
}
const { main: run } = await import(main.href);
process.exitCode = await run(process.argv.slice(2), {}, process.env);
