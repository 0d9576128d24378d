// A third BLIND set of judged queries, another stand-in for the hidden set we are judged on. Written blind:
// from the titles, abstracts and authors of the papers alone (heldOutPapers: the bundled capture plus the
// fixture days), before any engine was run on it and without reading the engine's code or the grades of
// the other sets (only their query strings, so that none of these repeats one of theirs). Typed the way
// people type into the Slack bot's /papers command. Kinds:
//   question: plain-word questions or descriptions of a need, in everyday words, about papers that use the
//             field's own words (the largest group: 22 of 50)
//   phrase:   multi-word topics of common words (papers about the whole phrase)
//   acronym:  short acronyms, some also ordinary words, some defined by a paper (the acronym's meaning)
//   prefix:   a word's first letters finding the papers built on its stem
//   name / typo: a model name, a framework, an author's surname; a misspelt topic
// Grades as in judgments.ts (3 = about this, 2 = substantially concerned with it, 1 = touches on it;
// unlisted = 0), from title and abstract only, keyed by a prefix of exactly one paper's title. Report it
// beside the other sets; never tune the engine to a query here, and never name one (or a paper it grades)
// in src/. Its first run, on the engine with this stop's new synonym rings (written before the set was):
// ours 0.712, FTS5 0.661, MiniSearch 0.697 (questions 0.535 against FTS5's 0.580); the engine before the
// rings scored 0.722. Its failing queries were read after that run, so it is blind no longer; the changes
// since are general rules (an everyday verb's inflections are everyday, "own" is no ring word), each with
// its own test. Its writer saw the first dozen grades of judgments-blind2.ts and a few of judgments.ts.
import type { Judgment } from "./judgments.ts";

const MOE = { "A Survey on Mixture of Experts": 3, "Unchosen Experts": 3, "Symbolic Mixture-of-Experts": 3,
  "Harder Tasks Need More Experts": 3, "OpenMoE": 3, "Layerwise Recurrent Router": 3,
  "A Survey on Inference Optimization": 3, "Glider": 2, "Tryage": 1 };

export const BLIND3: Judgment[] = [
  // plain-word questions and needs
  { query: "how does a model pick which expert sub-network handles each token", kind: "question", grades: {
    "Layerwise Recurrent Router": 3, "Harder Tasks Need More Experts": 3, "OpenMoE": 2, "Unchosen Experts": 2,
    "A Survey on Mixture of Experts": 2, "Glider": 2, "A Survey on Inference Optimization": 1,
    "Symbolic Mixture-of-Experts": 1, "Tryage": 1 } },
  { query: "ways to serve giant sparse models faster and with less energy", kind: "question", grades: {
    "A Survey on Inference Optimization": 3, "Harder Tasks Need More Experts": 1, "Symbolic Mixture-of-Experts": 1,
    "A Survey on Mixture of Experts": 1, "OpenMoE": 1, "Unchosen Experts": 1 } },
  { query: "can an llm look ahead several moves like a chess engine", kind: "question", grades: {
    "Mastering Board Games": 3, "PokéChamp": 2, "MASTER": 1, "Reasoning Language Models": 1, "BALROG": 1 } },
  { query: "do chatbots make the smart self-interested choice in economics games", kind: "question", grades: {
    "Game-theoretic LLM": 3, "GLEE": 3, "MAgIC": 2, "TMGBench": 2, "Put Your Money Where Your Mouth Is": 2 } },
  { query: "teaching image chatbots to reason using trial-and-error rewards", kind: "question", grades: {
    "Vision-R1": 3, "MM-Eureka": 3, "LMM-R1": 3, "MM-RLHF": 1 } },
  { query: "linear-time alternatives to attention for vision models", kind: "question", grades: {
    "PlainMamba": 3, "ML-Mamba": 3, "Meteor": 2, "Demystifying the Token Dynamics": 1, "Facing Off World Model": 1 } },
  { query: "reward models that can use a calculator or search the web", kind: "question", grades: {
    "Tool-Augmented Reward Modeling": 3, "MM-RLHF": 1, "ModelScope-Agent": 1, "The Alignment Ceiling": 1 } },
  { query: "framework to hook an open llm up to thousands of apis", kind: "question", grades: {
    "ModelScope-Agent": 3, "SAI": 1, "Tryage": 1, "MMFactory": 1, "Agent models": 1, "Towards Robust Multi-Modal": 1 } },
  { query: "papers on sanity checks showing popular deep models break their own assumptions", kind: "question",
    grades: { "Reproducibility in Multiple Instance Learning": 3 } },
  { query: "can a language model command an army in a strategy video game", kind: "question", grades: {
    "SwarmBrain": 3, "LLM-PySC2": 3, "StarCraft II: A New Challenge": 2, "BALROG": 1 } },
  { query: "turning sentences into vectors for search across many languages", kind: "question", grades: {
    "Gemini Embedding": 3 } },
  { query: "image and caption data for cultures that ai usually ignores", kind: "question", grades: {
    "Crowdsource, Crawl, or Generate": 3, "Evolutionary Optimization of Model Merging": 1, "Molmo": 1 } },
  { query: "should i keep pretraining or just fine-tune to specialize an llm for materials science", kind: "question",
    grades: { "Fine-tuning large language models for domain adaptation": 3, "Specializing Smaller Language Models": 1 } },
  { query: "language models that publish all their training data and intermediate checkpoints", kind: "question",
    grades: { "2 OLMo 2 Furious": 3, "OpenMoE": 2, "Molmo": 2, "YuE": 1 } },
  { query: "rating chatbots automatically with simulated users instead of paid annotators", kind: "question", grades: {
    "VideoAutoArena": 3, "Arena Learning": 3, "K-Sort Arena": 1, "MME-Survey": 1 } },
  { query: "when should a team of agents learn together versus on their own", kind: "question", grades: {
    "MANSA": 3, "MALT": 1, "Contrastive learning-based agent": 1, "Learning Mean Field Games": 1 } },
  { query: "figuring out the other player's strategy from only my own observations", kind: "question", grades: {
    "Contrastive learning-based agent": 3, "PokéChamp": 2, "TMGBench": 1, "MAgIC": 1 } },
  { query: "tuning a city traffic simulator's settings automatically", kind: "question", grades: {
    "Parallel Bayesian Optimization": 3, "Model-Based Transfer Learning": 1, "Large Language Models to Enhance Bayesian": 1 } },
  { query: "why do chatbots trained on human ratings refuse simple requests or get lazy", kind: "question", grades: {
    "The Alignment Ceiling": 3, "Tool-Augmented Reward Modeling": 1, "MM-RLHF": 1 } },
  { query: "anything about agents that click around a computer screen", kind: "question", grades: {
    "VisualAgentBench": 3, "Mobile-Agent-E": 2 } },
  { query: "can vision chatbots solve easy puzzle games from a screenshot", kind: "question", grades: {
    "ING-VP": 3, "BALROG": 2, "LogicGame": 1, "VisualAgentBench": 1 } },
  { query: "do i really need several dynamics models or is one enough", kind: "question", grades: {
    "Is Model Ensemble Necessary": 3 } },

  // phrases of common words
  { query: "tree search", kind: "phrase", grades: { "PokéChamp": 3, "Mastering Board Games": 3, "MASTER": 3,
    "Reasoning Language Models": 2 } },
  { query: "dynamic routing", kind: "phrase", grades: { "Harder Tasks Need More Experts": 3,
    "Symbolic Mixture-of-Experts": 2, "Glider": 2, "Tryage": 2, "Layerwise Recurrent Router": 2,
    "A Survey on Inference Optimization": 1, "OpenMoE": 1, "Unchosen Experts": 1, "MMFactory": 1 } },
  { query: "preference data", kind: "phrase", grades: { "MM-RLHF": 3, "The Alignment Ceiling": 2,
    "Tool-Augmented Reward Modeling": 2, "K-Sort Arena": 1, "Fine-tuning large language models for domain": 1,
    "Arena Learning": 1 } },
  { query: "instruction tuning", kind: "phrase", grades: { "Orca": 3, "Meteor": 2, "2 OLMo 2 Furious": 2, "Molmo": 1,
    "Glider": 1, "Arena Learning": 1, "Specializing Smaller Language Models": 1 } },
  { query: "sample efficiency", kind: "phrase", grades: { "The Benefits of Model-Based": 3,
    "Model-Based Transfer Learning": 2, "INFOrmation Prioritization": 2, "Is Model Ensemble Necessary": 2,
    "Value Gradient weighted": 1, "Objective Mismatch in Model-based": 1 } },
  { query: "synthetic data", kind: "phrase", grades: { "CaBaGe": 2, "MALT": 2, "Crowdsource, Crawl, or Generate": 2,
    "Molmo": 2, "TMGBench": 1, "Reproducibility in Multiple Instance Learning": 1, "MLGym": 1,
    "The Benefits of Model-Based": 1, "The Edge-of-Reach": 1 } },
  { query: "large populations", kind: "phrase", grades: { "On the limits of agency": 3, "Learning Mean Field Games": 3,
    "Parallel Bayesian Optimization": 1, "Can Generative Agent-Based Modeling": 1 } },
  { query: "adversarial attacks", kind: "phrase", grades: { "Safety at Scale": 3, "Can LLMs Follow Simple Rules": 2,
    "CaBaGe": 1 } },
  { query: "theory of mind", kind: "phrase", grades: { "TMGBench": 2, "MAgIC": 1, "Contrastive learning-based agent": 1,
    "PokéChamp": 1 } },
  { query: "model library", kind: "phrase", grades: { "SAI": 3, "Tryage": 3, "MMFactory": 2, "ModelScope-Agent": 2,
    "Towards Robust Multi-Modal": 1 } },

  // acronyms
  { query: "lmm", kind: "acronym", grades: { "LMM-R1": 3, "VisualAgentBench": 3, "VideoAutoArena": 3,
    "Mobile-Agent-E": 2, "MME-Survey": 1, "Vision-R1": 1, "MM-Eureka": 1, "A Review of Multi-Modal": 1 } },
  { query: "rlvr", kind: "acronym", grades: { "MM-Eureka": 3, "LMM-R1": 3, "2 OLMo 2 Furious": 2, "Vision-R1": 2,
    "Optimizing Test-Time Compute": 1, "Reasoning Language Models": 1 } },
  { query: "smac", kind: "acronym", grades: { "MANSA": 2, "LLM-PySC2": 2, "StarCraft II: A New Challenge": 1,
    "SwarmBrain": 1 } },
  { query: "s4", kind: "acronym", grades: { "Facing Off World Model": 3, "Demystifying the Token Dynamics": 1 } },
  { query: "magic", kind: "acronym", grades: { "MAgIC": 3, "MagicInfinite": 2 } },
  { query: "tpu", kind: "acronym", grades: { "Redco": 3 } },

  // prefixes
  { query: "cooperat", kind: "prefix", grades: { "MANSA": 2, "Contrastive learning-based agent": 2, "MALT": 2,
    "MAgIC": 2, "FightLadder": 1 } },
  { query: "generaliz", kind: "prefix", grades: { "The Benefits of Model-Based": 3, "Model-Based Transfer Learning": 3,
    "Gemini Embedding": 2, "Glider": 1, "LMM-R1": 1, "Parameter Competition Balancing": 1,
    "Specializing Smaller Language Models": 1 } },
  { query: "econom", kind: "prefix", grades: { "GLEE": 3, "Put Your Money Where Your Mouth Is": 2,
    "On the limits of agency": 1, "Game-theoretic LLM": 1 } },
  { query: "specializ", kind: "prefix", grades: { "Specializing Smaller Language Models": 3,
    "Symbolic Mixture-of-Experts": 1, "MALT": 1, "MASTER": 1, "Glider": 1,
    "Fine-tuning large language models for domain": 1, "OpenMoE": 1 } },
  { query: "pretrain", kind: "prefix", grades: { "Toward Stable and Consistent Evaluation": 3, "2 OLMo 2 Furious": 3,
    "Fine-tuning large language models for domain": 2, "OpenMoE": 1, "Mastering Board Games": 1 } },

  // names and typos
  { query: "mixtral", kind: "name", grades: { "Unchosen Experts": 3 } },
  { query: "agenttorch", kind: "name", grades: { "On the limits of agency": 3 } },
  { query: "cahyawijaya", kind: "name", grades: { "Crowdsource, Crawl, or Generate": 3 } },
  { query: "dreamer", kind: "name", grades: { "Facing Off World Model": 2, "INFOrmation Prioritization": 1 } },
  { query: "mixture of exprets", kind: "typo", grades: MOE },
  { query: "multimodel reasoning", kind: "typo", grades: { "Vision-R1": 3, "MM-Eureka": 3, "LMM-R1": 3, "CORE-MM": 3,
    "Towards Robust Multi-Modal": 3, "Meteor": 2, "MMWorld": 2, "ING-VP": 1, "MIBench": 1 } },
  { query: "bayesain optimization", kind: "typo", grades: { "Large Language Models to Enhance Bayesian": 3,
    "Parallel Bayesian Optimization": 3, "Model-Based Transfer Learning": 2, "K-Sort Arena": 1 } },
];
