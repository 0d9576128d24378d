// Vitest globalSetup: tests that spawn `bin/papers.js` run the compiled dist/, so bring it up to date
// before any test file starts (a no-op when dist/ is newer than every source file).
// @ts-expect-error: a plain .mjs script without types
import { build } from "../../scripts/build.mjs";

export default function setup(): void {
  build();
}
