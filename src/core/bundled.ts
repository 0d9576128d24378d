// The capture of the Hugging Face trending page that ships with the bot, so a new install has papers
// before it ever reaches the network.
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { parseCapture, type Capture } from "./seed.ts";
import type { IngestResult, PaperStore } from "./stores/papers.ts";

export const BUNDLED_CAPTURE_PATH = fileURLToPath(new URL("../data/trending-papers.txt", import.meta.url));
// The page's date line says only "Mar 11"; this capture was taken in 2025.
const BUNDLED_CAPTURE_YEAR = 2025;

export function bundledCapture(): Capture {
  return parseCapture(readFileSync(BUNDLED_CAPTURE_PATH, "utf8"), { year: BUNDLED_CAPTURE_YEAR });
}

/** An empty database gets the bundled capture; any other is left as it is. */
export async function seedIfEmpty(store: PaperStore): Promise<IngestResult | null> {
  if ((await store.count()) > 0) return null;
  const capture = bundledCapture();
  return store.ingest(capture.date, capture.papers, "capture");
}
