// Everyday words of a question typed as a sentence ("keeping models safe from misuse", "guessing what the
// opponent will do next"): abstracts seldom use them, so their rarity would make them outweigh the topic
// and raise the bar for what counts as about it past every paper on it (relevance.ts). In a sentence they
// count as the field's own name does (query.ts quieten); in a short query they are words like any other.
//
// Common English verbs, adverbs, adjectives and quantities, as any list of the language's most used
// words has them; not drawn from queries. Left out: those that are the field's words as well, in phrases
// of a few words ("early stopping", "long context", "high resolution", "low rank", "weak supervision",
// "fixed point", "multi-turn", "open weights", "deep learning", "thinking models", "question answering");
// and every word of the field's synonym rings and acronyms (synonyms.ts), which stand for its concepts
// ("many" is multi, "big" large, "see" vision).
import { stem } from "./stem.ts";
import { ACRONYMS, RELATED, SAID_PLAINLY } from "./synonyms.ts";
import { tokens } from "./tokenize.ts";

const COMMON_ENGLISH = (
  // verbs
  "keep do done doing go goes going went come comes coming came take takes taking took know knows knew look looks " +
  "looking use uses using used seem seems try tries trying tried leave call calls need needs become becomes put puts " +
  "mean means let lets begin begins start starts live believe hold holds bring brings happen run ran " +
  "happens sit stand lose pay meet include includes continue lead leads watch create allow allows add adds spend grow " +
  "walk win offer love consider appear buy wait serve send expect stay fall reach remain suggest raise pass sell require " +
  "decide decides deciding pull push compare compares comparing teach teaches teaching turning help helps helping say " +
  "says said tell fix handle deal care matter worry wonder figure manage avoid prevent beat catch carry drop fill hit hope " +
  "miss save throw touch wish get gets getting picking finds finding replace replaces replacing " +
  // adverbs
  "still next once twice again always never often sometimes usually already almost even ever maybe perhaps quite " +
  "rather soon yet enough instead later now here anymore else somehow exactly simply quickly slowly easily well " +
  // prepositions a question places its topic with ("agents that click around a screen", "models within a budget")
  "around along among amongst behind beyond within upon against onto near off inside outside despite unlike like " +
  // adjectives and quantities
  "huge little much few lots whole certain different same other real sure able possible likely main important " +
  "full bad nice great old young wrong millions thousands hundreds billions existing own " +
  // nouns a question is asked with ("problems with …", "any issues when …"), not what it asks about
  "problem problems issue issues"
).split(" ");

// The words of the field's rings and acronyms, by stem: never everyday, whatever the list says. Of a ring's
// phrases, none: "use" of "tool use" is still a question's everyday word ("how do agents use tools").
const FIELD_WORDS = [...RELATED.flat(), ...Object.values(SAID_PLAINLY).flat()].filter((member) => !member.includes(" "));
const FIELD_STEMS = new Set([...FIELD_WORDS, ...Object.keys(ACRONYMS), ...Object.values(ACRONYMS).flat()]
  .flatMap((phrase) => tokens(phrase).map((t) => stem(t.term))));

// A verb's inflections as a question types them ("figuring out", "picks", "tried"): "-s", "-ing" and "-ed",
// with the final "e" dropped or the last consonant doubled as English spells them. Forms that are no word
// cost a set entry; derivations ("management" of "manage") stay out, since they are often the field's words.
function inflections(word: string): string[] {
  const base = word.endsWith("e") ? word.slice(0, -1) : word;
  const doubled = /[^aeiou][aeiou][bdgklmnprt]$/.test(word) ? word + word.at(-1) : word;
  const forms = [word, `${word}s`, `${word}es`, `${base}ing`, `${base}ed`, `${doubled}ing`, `${doubled}ed`];
  if (/[^aeiou]y$/.test(word)) forms.push(`${word.slice(0, -1)}ies`, `${word.slice(0, -1)}ied`);
  return forms;
}

const EVERYDAY = new Set(COMMON_ENGLISH.flatMap(inflections).filter((word) => !FIELD_STEMS.has(stem(word))));

/** An everyday word a sentence may use without it being its topic (folded, as typed). */
export function isEverydayWord(word: string): boolean {
  return EVERYDAY.has(word);
}
