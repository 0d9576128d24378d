// `/papers paper <id>` for a paper nobody has ingested: fetched from the API once, then served locally.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createRegistry } from "../../src/commands/index.ts";
import { runCommand } from "../../src/command-kit/dispatch.ts";
import type { CommandContext } from "../../src/command-kit/command.ts";
import { createTestServices, type TestServices } from "../support/services.ts";
import { closedPortUrl, startHfEmulator, type HfEmulator } from "../emulators/hf/server.ts";
import { plainTyped } from "../../src/core/messages/typed.ts";

let hf: HfEmulator;
const all: TestServices[] = [];
const registry = createRegistry();
beforeAll(async () => { hf = await startHfEmulator(); });
afterAll(async () => { for (const s of all) await s.close(); await hf.close(); });

async function contextFor(apiUrl: string): Promise<CommandContext & { services: TestServices }> {
  const services = await createTestServices({ env: { HF_API_URL: apiUrl, HF_REFRESH: "on" } });
  all.push(services);
  return { services, user: { platform: "console", workspaceId: "w", userId: "u" }, channel: { platform: "console", workspaceId: "w", channelId: "c" },
    canManageChannel: false, now: new Date("2025-03-11T09:00:00Z") };
}

describe("/papers paper for a paper not in the catalog", () => {
  it("fetches it from the API, shows it in full and keeps it", async () => {
    const ctx = await contextFor(hf.url("ok"));
    expect(await ctx.services.papers.get("2503.07605")).toBeNull();
    const reply = await runCommand(registry, "paper", { id: "https://arxiv.org/abs/2503.07605v2" }, ctx);
    expect(reply.tone).not.toBe("error");
    expect(reply.papers).toHaveLength(1);
    expect(reply.papers![0]).toMatchObject({
      arxivId: "2503.07605",
      title: "SEAP: Training-free Sparse Expert Activation Pruning Unlock the Brainpower of Large Language Models",
      authors: ["Xun Liang", "Hanyu Wang", "Huayi Lai", "Simin Niu", "Shichao Song"],
      url: "https://huggingface.co/papers/2503.07605",
      githubUrl: "https://github.com/IAAR-Shanghai/SEAP",
      upvotes: 60,
    });
    expect(reply.papers![0]!.summary).toMatch(/^Large Language Models have achieved .* reduce inference overhead\.$/);
    expect(await ctx.services.papers.get("2503.07605")).not.toBeNull();
    // The second time it comes from the catalog, not the network.
    const requests = hf.requestsFor("ok").length;
    const again = await runCommand(registry, "paper", { id: "2503.07605" }, ctx);
    expect(again.papers?.[0]?.arxivId).toBe("2503.07605");
    expect(hf.requestsFor("ok").length).toBe(requests);
  });

  it("a paper the API does not know either is one sentence", async () => {
    const ctx = await contextFor(hf.url("ok"));
    const reply = await runCommand(registry, "paper", { id: "2503.99999" }, ctx);
    expect(reply.tone).toBe("error");
    expect(reply.text).toBe("Neither I nor Hugging Face know arXiv 2503.99999; check the id, or search for the paper by its words.");
  });

  it("the network unavailable is one sentence, and one log line", async () => {
    const ctx = await contextFor(await closedPortUrl());
    const reply = await runCommand(registry, "paper", { id: "2503.07605" }, ctx);
    expect(reply.tone).toBe("error");
    expect(reply.text).toBe("I don't have 2503.07605 yet and couldn't reach Hugging Face to look it up; try again in a few minutes.");
    const warned = ctx.services.logs.lines.map((l) => JSON.parse(l) as { level: string; msg: string }).filter((l) => ["warn", "error", "fatal"].includes(l.level));
    expect(warned.map((l) => l.msg)).toEqual(["paper lookup on Hugging Face failed"]);
  });

  it("a search for a reference as pasted from a sentence or an hf.co link finds that paper", async () => {
    const ctx = await contextFor(hf.url("ok"));
    // The punctuation of the sentence it came from, and Hugging Face's short domain, name no other paper.
    for (const query of ["(arXiv:2503.07605)", "2503.07605.", '"2503.07605v2",', "hf.co/papers/2503.07605", "(https://hf.co/papers/2503.07605)."]) {
      const reply = await runCommand(registry, "search", { query }, ctx);
      expect(reply.papers?.map((p) => p.arxivId), query).toEqual(["2503.07605"]);
    }
  });

  it("words that are not an arXiv id are never looked up", async () => {
    const ctx = await contextFor(hf.url("ok"));
    const requests = hf.requestsFor("ok").length;
    const reply = await runCommand(registry, "paper", { id: "PokéChamp" }, ctx);
    expect(plainTyped(reply.text)).toMatch(/^I don't know a paper "PokéChamp"\. Search for it/);
    expect(hf.requestsFor("ok").length).toBe(requests);
  });
});
