// Creating the folder a database file (or the terminal's log) goes in.
import { mkdirSync, statSync } from "node:fs";
import { dirname } from "node:path";

/**
 * Makes `dir` and its missing parents, one level at a time. Not mkdirSync's `recursive`: on Node 20 that
 * never returns for a path under /proc ("/proc/nope/papers.db"), where a plain mkdir fails at once.
 * Throws as mkdir does (EACCES, ENOENT, ENOTDIR…) when a level cannot be made.
 */
export function ensureDirectory(dir: string): void {
  try {
    if (statSync(dir).isDirectory()) return;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== "ENOENT") throw error;
    const parent = dirname(dir);
    if (parent !== dir) ensureDirectory(parent);
  }
  try {
    mkdirSync(dir); // an existing non-folder ("/dev/null/papers.db") fails here with EEXIST or ENOTDIR
  } catch (error) {
    // Another process starting at the same moment may have made it meanwhile.
    if ((error as NodeJS.ErrnoException).code === "EEXIST" && statSync(dir).isDirectory()) return;
    throw error;
  }
}
