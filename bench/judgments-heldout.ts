// A HELD-OUT set of judged queries, written before the ranking changes of issue 16 and never tuned on:
// its queries are mostly about papers the development set (judgments.ts) does not grade — the Hugging
// Face fixture days (tests/fixtures/hf) and the bundled papers the development set leaves out — with the
// same kinds of queries, plus plain-word questions. Grades as in judgments.ts: 3 = about this, 2 =
// substantially concerned with it, 1 = touches on it; unlisted = 0. Graded by reading the abstracts.
// Report it beside the development set; never change the engine to fit a query here.
import { readFileSync } from "node:fs";
import { bundledCapture } from "../src/core/bundled.ts";
import { titleKey, type Paper } from "../src/core/paper.ts";
import { parseDailyPage } from "../src/sources/hf/schema.ts";
import type { Judgment } from "./judgments.ts";

const FIXTURE_DAYS = ["daily-2025-03-10.json", "daily-2025-03-11.json"];

/** The bundled capture plus the fixture days, a fixture paper replacing a bundled one of the same title
 * (as a refresh from the API would). */
export function heldOutPapers(): Paper[] {
  const byTitle = new Map<string, Paper>();
  for (const paper of bundledCapture().papers) byTitle.set(titleKey(paper.title), paper);
  for (const day of FIXTURE_DAYS) {
    const entries = JSON.parse(readFileSync(new URL(`../tests/fixtures/hf/${day}`, import.meta.url), "utf8")) as unknown[];
    for (const paper of parseDailyPage(entries).papers) byTitle.set(titleKey(paper.title), paper);
  }
  return [...byTitle.values()];
}

const SEA_VL = "Crowdsource, Crawl, or Generate";
const MRT = "Optimizing Test-Time Compute";
const LIMITS_OF_AGENCY = "On the limits of agency";
const MIL = "Reproducibility in Multiple Instance Learning";
const BASE_EVAL = "Toward Stable and Consistent Evaluation";
const INFERENCE_SURVEY = "A Survey on Inference Optimization";

const MATH_REASONING = { "Specializing Smaller Language Models": 3, "MALT": 2, "Mamo": 2,
  "Evolutionary Optimization of Model Merging": 2, "ECM": 1, "Symbolic Mixture-of-Experts": 1, "Unchosen Experts": 1,
  "Meteor": 1 };

export const HELD_OUT: Judgment[] = [
  // topics, many of them phrases of common words
  { query: "image generation", kind: "topic", grades: { "Seedream 2.0": 3, [SEA_VL]: 2, "K-Sort Arena": 2,
    "MagicInfinite": 1, "Fine-tuning large language models for domain": 1 } },
  { query: "music generation", kind: "topic", grades: { "YuE": 3 } },
  { query: "test-time compute", kind: "topic", grades: { [MRT]: 3, "Harder Tasks Need More Experts": 1 } },
  { query: "rule-based reinforcement learning", kind: "topic", grades: { "MM-Eureka": 3, "LMM-R1": 3, "Vision-R1": 2,
    "2 OLMo 2 Furious": 1, "LogicGame": 1 } },
  { query: "multimodal reasoning", kind: "topic", grades: { "MM-Eureka": 3, "LMM-R1": 3, "Vision-R1": 3,
    "Towards Robust Multi-Modal Reasoning": 3, "CORE-MM": 3, "ING-VP": 2, "MMWorld": 2, "Meteor": 1, "MME-Survey": 1 } },
  { query: "embedding model", kind: "topic", grades: { "Gemini Embedding": 3, "Meteor": 1 } },
  { query: "talking video generation", kind: "topic", grades: { "MagicInfinite": 3, "K-Sort Arena": 1 } },
  { query: "distributed training", kind: "topic", grades: { "Redco": 3, [INFERENCE_SURVEY]: 1 } },
  { query: "model parallelism", kind: "topic", grades: { "Redco": 3, [INFERENCE_SURVEY]: 1 } },
  { query: "scientific discovery", kind: "topic", grades: { "BoxingGym": 3, "MLGym": 2, [LIMITS_OF_AGENCY]: 1 } },
  { query: "experimental design", kind: "topic", grades: { "BoxingGym": 3 } },
  { query: "multiple instance learning", kind: "topic", grades: { [MIL]: 3 } },
  { query: "mathematical modeling", kind: "topic", grades: { "Mamo": 3 } },
  { query: "math reasoning", kind: "topic", grades: MATH_REASONING },
  { query: "model updates", kind: "topic", grades: { "MUSCLE": 3, "Model Breadcrumbs": 1 } },
  { query: "model cards", kind: "topic", grades: { "Model Cards for Model Reporting": 3, "SAI": 2 } },
  { query: "base model evaluation", kind: "topic", grades: { [BASE_EVAL]: 3, "MUSCLE": 1 } },
  { query: "modality competition", kind: "topic", grades: { "Boosting Multi-modal Model Performance": 3 } },
  { query: "game theory", kind: "topic", grades: { "Game-theoretic LLM": 3, "TMGBench": 3, "GLEE": 2, "MAgIC": 2,
    "Learning Mean Field Games": 2, "MLGym": 1, "PokéChamp": 1, "Put Your Money Where Your Mouth Is": 1 } },
  { query: "open foundation models", kind: "topic", grades: { "YuE": 3, "2 OLMo 2 Furious": 2, "Molmo": 2, "OpenMoE": 1 } },
  { query: "model selection", kind: "topic", grades: { "Towards Robust Multi-Modal Reasoning": 3, "Tryage": 3,
    "MMFactory": 2, "SAI": 1, "Specializing Smaller Language Models": 1, "On the Workflows and Smells": 1 } },
  { query: "elo rating", kind: "topic", grades: { "VideoAutoArena": 3, "K-Sort Arena": 2, "Arena Learning": 2, "PokéChamp": 1 } },

  // single words
  { query: "multilingual", kind: "word", grades: { "Gemini Embedding": 3, "Seedream 2.0": 2, [SEA_VL]: 2,
    "Evolutionary Optimization of Model Merging": 1 } },
  { query: "gpu", kind: "word", grades: { "Redco": 3, "Symbolic Mixture-of-Experts": 2, [INFERENCE_SURVEY]: 1 } },
  { query: "crowdsourcing", kind: "word", grades: { [SEA_VL]: 3, "K-Sort Arena": 2 } },
  { query: "bilingual", kind: "word", grades: { "Seedream 2.0": 3 } },
  { query: "negotiation", kind: "word", grades: { "Game-theoretic LLM": 3, "GLEE": 1 } },
  { query: "auctions", kind: "word", grades: { "Put Your Money Where Your Mouth Is": 3 } },

  // acronyms, several of them also ordinary words
  { query: "dit", kind: "acronym", grades: { "MagicInfinite": 3 } },
  { query: "mil", kind: "acronym", grades: { [MIL]: 3 } },
  { query: "sea", kind: "acronym", grades: { [SEA_VL]: 3 } },
  { query: "mrt", kind: "acronym", grades: { [MRT]: 3 } },
  { query: "lam", kind: "acronym", grades: { "Agent models": 3 } },
  { query: "abm", kind: "acronym", grades: { [LIMITS_OF_AGENCY]: 3, "Can Generative Agent-Based Modeling": 3,
    "Parallel Bayesian Optimization of Agent-based": 2 } },
  { query: "bo", kind: "acronym", grades: { "Large Language Models to Enhance Bayesian": 3,
    "Parallel Bayesian Optimization of Agent-based": 3, "Model-Based Transfer Learning": 2 } },
  { query: "vlm", kind: "acronym", grades: { "BALROG": 3, "Molmo": 3, "Safety at Scale": 1,
    "Evolutionary Optimization of Model Merging": 1, [SEA_VL]: 1, "MMFactory": 1 } },
  { query: "mas", kind: "acronym", grades: { "MASTER": 3, "MANSA": 3, "MAgIC": 2, "Contrastive learning-based agent": 2,
    "Mobile-Agent-E": 1, "FightLadder": 1 } },

  // names, accents, partial words, typos
  { query: "southeast asia", kind: "name", grades: { [SEA_VL]: 3 } },
  { query: "prisoners dilemma", kind: "name", grades: { "MAgIC": 3 } },
  { query: "gemini", kind: "name", grades: { "Gemini Embedding": 3, "Molmo": 1, "MLGym": 1 } },
  { query: "deepseek", kind: "name", grades: { "Vision-R1": 2, "Reasoning Language Models: A Blueprint": 1, "MM-Eureka": 1 } },
  { query: "tulu", kind: "accent", grades: { "2 OLMo 2 Furious": 3 } },
  { query: "pokellmon", kind: "accent", grades: { "PokéChamp": 3 } },
  { query: "lyri", kind: "partial", grades: { "YuE": 3 } },
  { query: "embedd", kind: "partial", grades: { "Gemini Embedding": 3, "Meteor": 1 } },
  { query: "mathematcal modeling", kind: "typo", grades: { "Mamo": 3 } },
  { query: "distribted training", kind: "typo", grades: { "Redco": 3, [INFERENCE_SURVEY]: 1 } },
  { query: "embeding models", kind: "typo", grades: { "Gemini Embedding": 3, "Meteor": 1 } },

  // questions in plain words, where the papers use the field's words
  { query: "teaching a small model to copy a large one", kind: "question", grades: { "Orca": 3,
    "Specializing Smaller Language Models": 3, "Molmo": 1, [INFERENCE_SURVEY]: 1 } },
  { query: "ai that writes songs", kind: "question", grades: { "YuE": 3 } },
  { query: "turning text into pictures", kind: "question", grades: { "Seedream 2.0": 3, "K-Sort Arena": 2, [SEA_VL]: 1 } },
  { query: "animating a photo of a face so it talks", kind: "question", grades: { "MagicInfinite": 3 } },
  { query: "spreading training across many graphics cards", kind: "question", grades: { "Redco": 3, [INFERENCE_SURVEY]: 1 } },
  { query: "does a new model version break what worked before", kind: "question", grades: { "MUSCLE": 3 } },
  { query: "documenting what a trained model is for", kind: "question", grades: { "Model Cards for Model Reporting": 3,
    "On the Workflows and Smells": 1 } },
  { query: "an ai scientist that runs its own experiments", kind: "question", grades: { "BoxingGym": 3, "MLGym": 2 } },
];
