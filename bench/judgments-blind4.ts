import type { Judgment } from "./judgments.ts";

// A fourth BLIND set of judged queries over heldOutPapers() (the bundled capture plus the two Hugging Face
// fixture days). Written from the papers alone — titles, authors and abstracts — by someone who saw no
// engine code, no search results and no other set's grades; none of its queries repeats one of the
// existing sets. Queries are typed the way researchers and engineers use a Slack bot's /papers command:
//   question — plain-word questions or needs, mostly avoiding the papers' own title words;
//   phrase   — multi-word topics of common words whose papers are about the whole phrase;
//   acronym  — short acronyms, some of them also ordinary words;
//   prefix   — the first letters of a word, as typed before finishing it;
//   name     — a model name or an author's surname;
//   typo     — a misspelt topic.
// Grades, from the title and abstract only: 3 = the paper is about this, 2 = substantially concerned with
// it, 1 = touches on it; unlisted = 0. Papers are named by a case-sensitive prefix of exactly one title.
// Report it beside the other sets; never tune the engine to it or name its queries in src/. Read only as
// totals. Its first run, after this stop's ranking changes: ours 0.849 (questions 0.820), FTS5 0.733
// (0.682); the engine before them (18d53df) scored 0.807 (questions 0.757) in the same run.
export const BLIND4: Judgment[] = [
  // question
  { query: "can a sparse model spend more compute on hard prompts and less on easy ones", kind: "question",
    grades: { "Harder Tasks Need More Experts": 3, "A Survey on Inference Optimization": 1, "Unchosen Experts": 1,
      "A Survey on Mixture of Experts": 1, "Optimizing Test-Time Compute": 1 } },
  { query: "what's the best way to average fine-tuned weights from different tasks without them clashing", kind: "question",
    grades: { "Parameter Competition Balancing": 3, "Model Breadcrumbs": 3, "Unconstrained Model Merging": 2,
      "Evolutionary Optimization of Model Merging": 2, "Fine-tuning large language models for domain adaptation": 1 } },
  { query: "how do i test that a bag classifier only says positive when a positive item is inside", kind: "question",
    grades: { "Reproducibility in Multiple Instance Learning": 3 } },
  { query: "do hidden states in selective scan models shrink to zero or explode", kind: "question",
    grades: { "Demystifying the Token Dynamics": 3 } },
  { query: "papers about collecting image captions by having people speak instead of type", kind: "question",
    grades: { "Molmo and PixMo": 3, "Crowdsource, Crawl, or Generate": 1 } },
  { query: "why does step-by-step prompting work", kind: "question",
    grades: { "ECM:": 3, "Specializing Smaller Language Models": 1, "Orca:": 1 } },
  { query: "reasoning model that decides when to act without an outside workflow prompting it", kind: "question",
    grades: { "Agent models:": 3, "ModelScope-Agent": 1, "Reasoning Language Models": 1 } },
  { query: "do small models just copy chatgpt's style without its reasoning", kind: "question",
    grades: { "Orca:": 3, "Specializing Smaller Language Models": 2 } },
  { query: "when is imagined experience from a learned model better than replaying stored transitions", kind: "question",
    grades: { "The Benefits of Model-Based Generalization": 3, "The Edge-of-Reach Problem": 1,
      "Facing Off World Model Backbones": 1, "Is Model Ensemble Necessary?": 1 } },
  { query: "small multimodal models that reason as well as big ones", kind: "question",
    grades: { "LMM-R1": 3, "Meteor:": 2, "Vision-R1": 1, "MM-Eureka": 1, "Mini-Monkey": 1, "ML-Mamba": 1 } },
  { query: "give a few input-output examples and get back a working vision pipeline built from existing models", kind: "question",
    grades: { MMFactory: 3, "Towards Robust Multi-Modal Reasoning": 2, "SAI:": 1, "ModelScope-Agent": 1, Tryage: 1 } },
  { query: "llms running telecom networks", kind: "question",
    grades: { "SAI:": 3 } },
  { query: "can language model agents manage a budget and bid against each other", kind: "question",
    grades: { "Put Your Money Where Your Mouth Is": 3, GLEE: 1, "Game-theoretic LLM": 1 } },
  { query: "testing llms on every kind of two-by-two payoff matrix", kind: "question",
    grades: { TMGBench: 3, "Game-theoretic LLM": 2, MAgIC: 1, GLEE: 1 } },
  { query: "is there work on llms playing social deduction games where they must deceive each other", kind: "question",
    grades: { MAgIC: 3 } },
  { query: "do models play worse when they see the game screen as an image instead of text", kind: "question",
    grades: { BALROG: 3, "ING-VP": 2 } },
  { query: "can video chatbots say what would have happened if something had gone differently", kind: "question",
    grades: { MMWorld: 3, VideoAutoArena: 1 } },
  { query: "how to get a japanese llm that can do math without training it", kind: "question",
    grades: { "Evolutionary Optimization of Model Merging": 3, "Unconstrained Model Merging": 1 } },
  { query: "can llms carry out a procedure step by step given only the rules of a made-up game", kind: "question",
    grades: { LogicGame: 3, "Can LLMs Follow Simple Rules": 1 } },
  { query: "ways to get the dynamics model to focus on what matters for the value, not perfect prediction", kind: "question",
    grades: { "Value Gradient weighted": 3, "Objective Mismatch in Model-based": 3, "INFOrmation Prioritization": 2,
      "The Alignment Ceiling": 1, "Is Model Ensemble Necessary?": 1 } },
  { query: "how should i report a model's accuracy separately for different demographic groups", kind: "question",
    grades: { "Model Cards for Model Reporting": 3 } },
  { query: "does a special high-quality data mix near the end of pretraining help", kind: "question",
    grades: { "2 OLMo 2 Furious": 3, "Toward Stable and Consistent": 1 } },
  { query: "modular kit for checking hallucination and calibration of image chatbots", kind: "question",
    grades: { ChEF: 3, "MME-Survey": 2, "CORE-MM": 1, MIBench: 1 } },
  { query: "using tree search to decide how many llm agents to spawn for a question", kind: "question",
    grades: { "MASTER:": 3, "Symbolic Mixture-of-Experts": 1 } },

  // phrase
  { query: "opponent modeling", kind: "phrase",
    grades: { "Contrastive learning-based agent modeling": 3, "PokéChamp": 2, TMGBench: 1 } },
  { query: "value overestimation", kind: "phrase",
    grades: { "The Edge-of-Reach Problem": 3, "Is Model Ensemble Necessary?": 1 } },
  { query: "black-box optimization", kind: "phrase",
    grades: { "Large Language Models to Enhance Bayesian": 3, "Parallel Bayesian Optimization": 2,
      "Model-Based Transfer Learning": 1, "Evolutionary Optimization of Model Merging": 1 } },
  { query: "data collection", kind: "phrase",
    grades: { "Crowdsource, Crawl, or Generate": 3, "Molmo and PixMo": 2, "MM-RLHF": 1, "CAD-MLLM": 1,
      "MME-Survey": 1, BoxingGym: 1, "ModelScope-Agent": 1 } },
  { query: "backward compatibility", kind: "phrase",
    grades: { MUSCLE: 3 } },
  { query: "visual planning", kind: "phrase",
    grades: { "ING-VP": 3, BALROG: 1, VisualAgentBench: 1, "Mobile-Agent-E": 1 } },

  // acronym
  { query: "glider", kind: "acronym", grades: { Glider: 3 } },
  { query: "meteor", kind: "acronym", grades: { "Meteor:": 3 } },
  { query: "ecm", kind: "acronym", grades: { "ECM:": 3 } },
  { query: "lbops", kind: "acronym", grades: { "On the Workflows and Smells": 3 } },

  // prefix
  { query: "compet", kind: "prefix",
    grades: { "Boosting Multi-modal Model Performance": 3, "Parameter Competition Balancing": 3, FightLadder: 3,
      "Contrastive learning-based agent modeling": 2, "PokéChamp": 2, "Put Your Money Where Your Mouth Is": 1,
      "K-Sort Arena": 1, "Arena Learning": 1 } },
  { query: "inferenc", kind: "prefix",
    grades: { "A Survey on Inference Optimization": 3, "Unchosen Experts": 1, Redco: 1, "Symbolic Mixture-of-Experts": 1,
      "ML-Mamba": 1, "Optimizing Test-Time Compute": 1 } },
  { query: "vide", kind: "prefix",
    grades: { MMWorld: 3, VideoAutoArena: 3, MagicInfinite: 3, "K-Sort Arena": 1,
      "A Review of Multi-Modal Large Language": 1, "INFOrmation Prioritization": 1 } },

  // name / typo
  { query: "themis", kind: "name", grades: { "Tool-Augmented Reward Modeling": 3 } },
  { query: "huang", kind: "name", grades: { "Vision-R1": 3, "A Survey on Mixture of Experts": 3 } },
  { query: "jailbrake attacks", kind: "typo",
    grades: { "Can LLMs Follow Simple Rules": 2, "Safety at Scale": 2 } },
];
