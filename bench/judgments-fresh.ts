// A FRESH set of judged queries, written for issue 16 item 4 before any ranking change of that round,
// as a stand-in for the hidden set we are judged on: mostly the four weak kinds the issue names —
//   phrase:   multi-word topics of common words (the whole phrase, above all in a title, first)
//   acronym:  short acronyms that are also ordinary words (the acronym's meaning, not the word's)
//   question: plain-word questions about papers that use the field's words
//   prefix:   a word's first letters finding the papers built on its stem
// plus a few names, single words and typos. Over the same papers as the held-out set (heldOutPapers: the
// bundled capture plus the fixture days); none of its queries is in the other two sets. Grades as in
// judgments.ts (3 = about this, 2 = substantially concerned with it, 1 = touches on it; unlisted = 0),
// given by reading the titles and abstracts. Report it beside the other two; never tune the engine to
// a query here, and never name one (or a paper it grades) in src/.
import type { Judgment } from "./judgments.ts";

const MERGING = { "Model Breadcrumbs": 3, "Parameter Competition Balancing": 3, "Evolutionary Optimization of Model Merging": 3,
  "Unconstrained Model Merging": 3, "Fine-tuning large language models for domain": 2, "A Survey on Inference Optimization": 1 };
const ROUTING = { "Tryage": 3, "Harder Tasks Need More Experts": 3, "Layerwise Recurrent Router": 3, "Glider": 3,
  "Symbolic Mixture-of-Experts": 3, "OpenMoE": 2, "MMFactory": 1, "Unchosen Experts": 1, "A Survey on Inference Optimization": 1 };

export const FRESH: Judgment[] = [
  // phrases of common words
  { query: "real-time strategy", kind: "phrase", grades: { "SwarmBrain": 3, "LLM-PySC2": 2, "StarCraft II: A New Challenge": 2,
    "FightLadder": 1 } },
  { query: "learning environment", kind: "phrase", grades: { "LLM-PySC2": 3, "StarCraft II: A New Challenge": 3, "MLGym": 2,
    "BALROG": 1 } },
  { query: "reasoning models", kind: "phrase", grades: { "Reasoning Language Models: A Blueprint": 3, "Agent models": 3,
    "MM-Eureka": 2, "LMM-R1": 1, "Vision-R1": 1 } },
  { query: "human preferences", kind: "phrase", grades: { "K-Sort Arena": 3, "MM-RLHF": 3, "The Alignment Ceiling": 2,
    "Tool-Augmented Reward": 2 } },
  { query: "expert selection", kind: "phrase", grades: { "Harder Tasks Need More Experts": 3, "Glider": 2,
    "Symbolic Mixture-of-Experts": 2, "Tryage": 2, "Layerwise Recurrent Router": 1 } },
  { query: "value function", kind: "phrase", grades: { "Is Model Ensemble Necessary": 3, "Value Gradient weighted": 2,
    "The Benefits of Model-Based": 2, "PokéChamp": 1, "Mastering Board Games": 1, "The Edge-of-Reach": 1 } },
  { query: "agent system", kind: "phrase", grades: { "MASTER": 3, "ModelScope-Agent": 3, "MANSA": 2, "MAgIC": 1,
    "Contrastive learning-based agent": 1 } },
  { query: "multi-step reasoning", kind: "phrase", grades: { "Specializing Smaller Language Models": 3,
    "Towards Robust Multi-Modal Reasoning": 2, "ING-VP": 2, "CORE-MM": 1, "Mastering Board Games": 1 } },
  { query: "open data", kind: "phrase", grades: { "Molmo": 3, "2 OLMo 2 Furious": 2, "Crowdsource, Crawl, or Generate": 1 } },
  { query: "game benchmark", kind: "phrase", grades: { "TMGBench": 3, "BALROG": 3, "ING-VP": 3, "LogicGame": 2, "GLEE": 2,
    "FightLadder": 2, "Put Your Money Where Your Mouth Is": 1 } },
  { query: "dynamics model", kind: "phrase", grades: { "Is Model Ensemble Necessary": 3, "Objective Mismatch in Model-based": 3,
    "The Edge-of-Reach": 3, "Value Gradient weighted": 2, "INFOrmation Prioritization": 1, "The Benefits of Model-Based": 1 } },

  // acronyms that are also ordinary words
  { query: "core", kind: "acronym", grades: { "CORE-MM": 3 } },
  { query: "beam", kind: "acronym", grades: { "Parallel Bayesian Optimization of Agent-based": 3,
    "Reasoning Language Models: A Blueprint": 1 } },
  { query: "tom", kind: "acronym", grades: { "TMGBench": 3 } },
  { query: "clam", kind: "acronym", grades: { "Contrastive learning-based agent": 3 } },
  { query: "malt", kind: "acronym", grades: { "MALT": 3 } },
  { query: "muscle", kind: "acronym", grades: { "MUSCLE": 3 } },
  { query: "cad", kind: "acronym", grades: { "CAD-MLLM": 3 } },
  { query: "master", kind: "acronym", grades: { "MASTER": 3, "Mastering Board Games": 1 } },
  { query: "er", kind: "acronym", grades: { "The Benefits of Model-Based": 3 } },

  // plain-word questions, where the papers use the field's words
  { query: "combining several fine-tuned models into one", kind: "question", grades: MERGING },
  { query: "stealing a model through its api", kind: "question", grades: { "CaBaGe": 3, "Safety at Scale": 1 } },
  { query: "picking the right model for each request", kind: "question", grades: { "Tryage": 3,
    "Towards Robust Multi-Modal Reasoning": 2, "MMFactory": 2, "Glider": 2, "Symbolic Mixture-of-Experts": 1, "SAI": 1 } },
  { query: "ranking ai models by people's votes", kind: "question", grades: { "K-Sort Arena": 3, "VideoAutoArena": 2,
    "Arena Learning": 2, "On the Workflows and Smells": 1 } },
  { query: "chatbots that obey the rules they are given", kind: "question", grades: { "Can LLMs Follow Simple Rules": 3,
    "LogicGame": 1 } },
  { query: "simulating people on social media", kind: "question", grades: { "Can Generative Agent-Based Modeling": 3,
    "On the limits of agency": 1 } },
  { query: "an assistant that does tasks on your phone", kind: "question", grades: { "Mobile-Agent-E": 3 } },
  { query: "attacks on big ai models and how to defend", kind: "question", grades: { "Safety at Scale": 3, "CaBaGe": 1,
    "Can LLMs Follow Simple Rules": 1 } },

  // a word's first letters
  { query: "merg", kind: "prefix", grades: MERGING },
  { query: "rout", kind: "prefix", grades: ROUTING },
  { query: "simulat", kind: "prefix", grades: { "Can Generative Agent-Based Modeling": 3, "Parallel Bayesian Optimization of Agent-based": 3,
    "On the limits of agency": 2, "VideoAutoArena": 2, "Put Your Money Where Your Mouth Is": 2, "Arena Learning": 2, "GLEE": 1 } },
  { query: "evol", kind: "prefix", grades: { "Evolutionary Optimization of Model Merging": 3, "Mobile-Agent-E": 3, "MUSCLE": 2 } },
  { query: "negotiat", kind: "prefix", grades: { "Game-theoretic LLM": 3, "GLEE": 1 } },
  { query: "reproduc", kind: "prefix", grades: { "Reproducibility in Multiple Instance Learning": 3, "OpenMoE": 1 } },
  { query: "embodi", kind: "prefix", grades: { "SwarmBrain": 3, "VisualAgentBench": 1 } },

  // names, single words, typos
  { query: "mujoco", kind: "name", grades: { "Value Gradient weighted": 3 } },
  { query: "chess", kind: "name", grades: { "Mastering Board Games": 3 } },
  { query: "imitation", kind: "word", grades: { "Orca": 3 } },
  { query: "calibration", kind: "word", grades: { "Parallel Bayesian Optimization of Agent-based": 3, "ChEF": 1 } },
  { query: "evolutonary optimization", kind: "typo", grades: { "Evolutionary Optimization of Model Merging": 3 } },
  { query: "negotation games", kind: "typo", grades: { "Game-theoretic LLM": 3, "GLEE": 2, "TMGBench": 1 } },
];
