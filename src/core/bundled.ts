// The capture of the Hugging Face trending page that ships with the bot, so a new install has papers
// before it ever reaches the network.
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { parseCapture, type Capture } from "./seed.ts";
import type { IngestResult, PaperStore } from "./stores/papers.ts";

export const BUNDLED_CAPTURE_PATH = fileURLToPath(new URL("../data/trending-papers.txt", import.meta.url));

/** The capture's date is its own date line ("Mar 11, 2025"), so `papers ingest` of the same file agrees. */
export function bundledCapture(): Capture {
  return parseCapture(readFileSync(BUNDLED_CAPTURE_PATH, "utf8"));
}

/** An empty database gets the bundled capture; any other is left as it is. `count`: the papers already counted, if the caller has. */
export async function seedIfEmpty(store: PaperStore, count?: number): Promise<IngestResult | null> {
  if ((count ?? await store.count()) > 0) return null;
  const capture = bundledCapture();
  return store.ingest(capture.date, capture.papers, "capture");
}
