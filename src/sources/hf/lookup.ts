// One paper someone asked for by arXiv id that we have not seen: fetched from the API and stored, so
// the next person (and search) finds it without the network. Interactive, so short timeout, one retry.
import type { Paper } from "../../core/paper.ts";
import type { Services } from "../../core/services.ts";
import { HfClient } from "./client.ts";

export async function lookupPaperOnHf(services: Services, arxivId: string, client?: HfClient): Promise<Paper | null> {
  const hf = client ?? HfClient.fromConfig(services.config, {
    timeoutMs: Math.min(services.config.HF_TIMEOUT_SECONDS * 1000, 5_000), maxRetries: 1, maxRetryWaitMs: 2_000,
  });
  const paper = await hf.paper(arxivId);
  if (!paper) return null;
  const result = await services.papers.upsert([paper], "hf");
  const [stored] = await services.papers.getMany(result.ids);
  if (stored) services.catalog.apply([stored]);
  return stored ?? null;
}
