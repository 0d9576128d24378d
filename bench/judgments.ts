// A DEVELOPMENT set of judged queries over the 89 bundled papers, graded by reading the abstracts:
// 3 = the paper is about this, 2 = substantially concerned with it, 1 = touches on it; unlisted = 0.
// Used to compare engines in the bench; the engine must never special-case these queries.
// Papers are named by a prefix of their title so the set survives id changes.

export interface Judgment { query: string; kind: string; grades: Record<string, number> }

const MOE = { "Unchosen Experts": 3, "Symbolic Mixture-of-Experts": 3, "Harder Tasks Need More Experts": 3,
  "A Survey on Mixture of Experts": 3, "A Survey on Inference Optimization": 3, "OpenMoE": 3,
  "Layerwise Recurrent Router": 3, "Glider": 2, "Tryage": 1 };
const MBRL = { "Value Gradient weighted": 3, "Objective Mismatch in Model-based": 3, "The Edge-of-Reach": 3,
  "Model-Based Transfer Learning": 3, "The Benefits of Model-Based": 3, "Is Model Ensemble Necessary": 3,
  "INFOrmation Prioritization": 3, "Facing Off World Model": 2, "The Alignment Ceiling": 1 };
const MARL = { "FightLadder": 3, "MANSA": 3, "Learning Mean Field Games": 2, "Contrastive learning-based agent": 2,
  "StarCraft II: A New Challenge": 2, "MALT": 1, "MASTER": 1 };
const MLLM = { "ING-VP": 3, "ML-Mamba": 3, "MME-Survey": 3, "Mini-Monkey": 3, "CAD-MLLM": 3, "MIBench": 3,
  "CORE-MM": 3, "MM-RLHF": 3, "ChEF": 3, "A Review of Multi-Modal": 3, "LMM-R1": 2, "VisualAgentBench": 2,
  "VideoAutoArena": 2, "MMWorld": 2 };
const COT = { "ECM": 3, "Specializing Smaller Language Models": 3, "Reasoning Language Models: A Blueprint": 2,
  "Orca": 2, "MALT": 1 };
const RL = { "StarCraft II: A New Challenge": 3, "FightLadder": 3, "The Benefits of Model-Based": 3,
  "Model-Based Transfer Learning": 3, "The Edge-of-Reach": 3, "Objective Mismatch in Model-based": 3,
  "Value Gradient weighted": 3, "Contrastive learning-based agent": 3, "The Alignment Ceiling": 2,
  "Is Model Ensemble Necessary": 3, "INFOrmation Prioritization": 3, "MANSA": 2, "MLGym": 1, "LMM-R1": 1 };

export const JUDGMENTS: Judgment[] = [
  { query: "moe", kind: "acronym", grades: MOE },
  { query: "mixture of experts", kind: "topic", grades: MOE },
  { query: "mixture of experts routing", kind: "topic", grades: { "Harder Tasks Need More Experts": 3,
    "Layerwise Recurrent Router": 3, "Symbolic Mixture-of-Experts": 3, "Glider": 3, "Unchosen Experts": 2,
    "OpenMoE": 2, "A Survey on Mixture of Experts": 2, "A Survey on Inference Optimization": 2, "Tryage": 1 } },
  { query: "pokemon", kind: "accent", grades: { "PokéChamp": 3 } },
  { query: "pokechamp", kind: "accent", grades: { "PokéChamp": 3 } },
  { query: "state space models", kind: "topic", grades: { "Demystifying the Token Dynamics": 3, "PlainMamba": 3,
    "ML-Mamba": 3, "Meteor": 2, "Facing Off World Model": 2 } },
  { query: "ssm", kind: "acronym", grades: { "Demystifying the Token Dynamics": 3, "PlainMamba": 3,
    "ML-Mamba": 3, "Meteor": 2, "Facing Off World Model": 2 } },
  { query: "mamb", kind: "partial", grades: { "ML-Mamba": 3, "PlainMamba": 3, "Meteor": 3, "Demystifying the Token Dynamics": 2 } },
  { query: "rlhf", kind: "acronym", grades: { "The Alignment Ceiling": 3, "MM-RLHF": 3, "Tool-Augmented Reward": 2, "Arena Learning": 1 } },
  { query: "reward modeling", kind: "topic", grades: { "Tool-Augmented Reward": 3, "The Alignment Ceiling": 2, "MM-RLHF": 2 } },
  { query: "model-based reinforcement learning", kind: "topic", grades: MBRL },
  { query: "mbrl", kind: "acronym", grades: MBRL },
  { query: "model merging", kind: "topic", grades: { "Model Breadcrumbs": 3, "Parameter Competition Balancing": 3,
    "Evolutionary Optimization of Model Merging": 3, "Unconstrained Model Merging": 3,
    "Fine-tuning large language models for domain": 2, "Glider": 1 } },
  { query: "multimodal llm evaluation benchmark", kind: "topic", grades: { "MME-Survey": 3, "ChEF": 3, "CORE-MM": 3,
    "MIBench": 3, "ING-VP": 2, "MMWorld": 2, "VideoAutoArena": 2, "VisualAgentBench": 2, "Mini-Monkey": 1, "A Review of Multi-Modal": 1 } },
  { query: "mllm", kind: "acronym", grades: MLLM },
  { query: "multimodal large language models", kind: "topic", grades: MLLM },
  { query: "large multimodal models", kind: "topic", grades: { "VisualAgentBench": 3, "LMM-R1": 3, "VideoAutoArena": 3,
    "MME-Survey": 2, "ChEF": 2, "MIBench": 2, "CORE-MM": 2, "MM-RLHF": 2, "Molmo": 2, "A Review of Multi-Modal": 2 } },
  { query: "starcraft", kind: "name", grades: { "LLM-PySC2": 3, "SwarmBrain": 3, "StarCraft II: A New Challenge": 3 } },
  { query: "llm agents playing games", kind: "topic", grades: { "TMGBench": 3, "Game-theoretic LLM": 3, "BALROG": 3,
    "ING-VP": 3, "PokéChamp": 3, "LogicGame": 2, "GLEE": 3, "SwarmBrain": 2, "LLM-PySC2": 2,
    "Put Your Money Where Your Mouth Is": 2, "Mastering Board Games": 2, "FightLadder": 1 } },
  { query: "agent-based modeling simulation", kind: "topic", grades: { "Can Generative Agent-Based Modeling": 3,
    "On the limits of agency": 3, "Parallel Bayesian Optimization of Agent-based": 3, "Learning Mean Field Games": 1 } },
  { query: "multi-agent reinforcement learning", kind: "topic", grades: MARL },
  { query: "marl", kind: "acronym", grades: MARL },
  { query: "bayesian optimization", kind: "topic", grades: { "Large Language Models to Enhance Bayesian": 3,
    "Parallel Bayesian Optimization of Agent-based": 3 } },
  { query: "chain of thought", kind: "topic", grades: COT },
  { query: "cot", kind: "acronym", grades: COT },
  { query: "mcts", kind: "acronym", grades: { "MASTER": 3, "Mastering Board Games": 2, "Reasoning Language Models: A Blueprint": 1, "PokéChamp": 1 } },
  { query: "survey", kind: "word", grades: { "A Survey on Mixture of Experts": 3, "A Survey on Inference Optimization": 3,
    "MME-Survey": 3, "Safety at Scale": 3, "A Review of Multi-Modal": 2, "Reasoning Language Models: A Blueprint": 1 } },
  { query: "quantiz", kind: "partial", grades: { "A Survey on Inference Optimization": 3 } },
  { query: "distillation", kind: "word", grades: { "Specializing Smaller Language Models": 3, "Orca": 2,
    "A Survey on Inference Optimization": 1, "Molmo": 1 } },
  { query: "offline rl", kind: "topic", grades: { "The Edge-of-Reach": 3, "Arena Learning": 1 } },
  { query: "leaderboard", kind: "word", grades: { "On the Workflows and Smells": 3, "K-Sort Arena": 2, "Arena Learning": 1, "VideoAutoArena": 1 } },
  { query: "smartphone agent", kind: "topic", grades: { "Mobile-Agent-E": 3, "SAI": 1 } },
  { query: "reinforcment lerning", kind: "typo", grades: RL },
  { query: "world models", kind: "topic", grades: { "Facing Off World Model": 3, "MMWorld": 3, "The Edge-of-Reach": 1,
    "INFOrmation Prioritization": 1 } },
  { query: "tool augmented llm", kind: "topic", grades: { "Tool-Augmented Reward": 3, "Towards Robust Multi-Modal Reasoning": 2,
    "MMFactory": 2, "ModelScope-Agent": 2 } },
  { query: "rule following", kind: "topic", grades: { "Can LLMs Follow Simple Rules": 3, "LogicGame": 2, "LMM-R1": 1 } },
  { query: "open source language models", kind: "topic", grades: { "2 OLMo 2 Furious": 3, "OpenMoE": 3, "Molmo": 2,
    "ModelScope-Agent": 2 } },
  { query: "model extraction", kind: "topic", grades: { "CaBaGe": 3 } },
];
