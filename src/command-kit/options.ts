// A command's options are one zod object: every field is either an option people give (`option()`, with
// its description and how to suggest values) or an input only the bot sends (`internal()`: the next
// offset behind a "Show more" button). Everything else is read off the schema itself, so it is written
// once: whether it is required (it refuses `undefined`), its type (a number is an integer option), its
// choices (an enum, also after a transform), its range (an integer's min and max). The Slack manifest,
// Discord's registration, free-text parsing and autocomplete all read the OptionSpec list made here.
import { z } from "zod";

export interface OptionMeta {
  description: string;
  /** Discord autocomplete source. */
  /** paper: titles from every paper; bookmark: the person's own bookmarks (a note, an unbookmark); timezone:
   * zones; command: the commands help explains. */
  autocomplete?: "paper" | "bookmark" | "timezone" | "command";
  /** In free text (Slack, terminal) this option takes all remaining words. */
  rest?: boolean;
  /** The longest value Discord lets a person type, where the command checks the length itself (after cleaning it). */
  maxLength?: number;
}

export interface OptionSpec {
  name: string;
  description: string;
  type: "string" | "integer" | "boolean";
  required: boolean;
  choices?: readonly string[];
  autocomplete?: OptionMeta["autocomplete"];
  /** An integer option's range. */
  min?: number;
  max?: number;
  /** A string option's longest value, so Discord stops the typing there instead of the bot refusing it after. */
  maxLength?: number;
  rest?: boolean;
}

type Meta = OptionMeta | { internal: true };
const optionMeta = z.registry<Meta>();

/**
 * A whole number from `min` to `max`: typed as plain digits ("5", " 12 "), or sent as a number (Discord's
 * integer options, a "Show more" button's offset). Not whatever Number() makes of a text — "0x10", "1e1",
 * "0b11" and "5.0" are not what a person means by 16, 10, 3 and 5 — so those get `hint` like any other
 * text that is no count.
 */
export function wholeNumber(min: number, max: number, hint?: string): z.ZodType<number, unknown> {
  const digits = (value: unknown) => (typeof value === "string" && /^\s*\d+\s*$/.test(value) ? Number(value) : value);
  return z.preprocess(digits, z.number({ error: hint }).int(hint).min(min, hint).max(max, hint));
}

/** An option people give. Wrap the whole field, default included: the description belongs to the field. */
export function option<T extends z.ZodType>(schema: T, meta: OptionMeta): T {
  optionMeta.add(schema as z.ZodType, meta);
  return schema;
}

/** An input only the bot itself sends (paging): accepted, never offered as an option. */
export function internal<T extends z.ZodType>(schema: T): T {
  optionMeta.add(schema as z.ZodType, { internal: true });
  return schema;
}

/** The schemas a field is made of, outermost first: through defaults, optionals and both sides of pipes. */
function layers(schema: z.ZodType): z.ZodType[] {
  if (schema instanceof z.ZodDefault || schema instanceof z.ZodOptional || schema instanceof z.ZodNullable || schema instanceof z.ZodPrefault) {
    return [schema, ...layers(schema.unwrap() as z.ZodType)];
  }
  if (schema instanceof z.ZodPipe) return [schema, ...layers(schema.in as z.ZodType), ...layers(schema.out as z.ZodType)];
  return [schema];
}

function describeField(name: string, schema: z.ZodType): OptionSpec | null {
  const meta = optionMeta.get(schema);
  if (!meta) throw new Error(`The "${name}" field is neither an option() nor internal(): say which, so help and the platforms know.`);
  if ("internal" in meta) return null;
  const parts = layers(schema);
  const number = parts.find((p): p is z.ZodNumber => p instanceof z.ZodNumber);
  if (number && !number.isInt) throw new Error(`The "${name}" option is a number but not an integer; Discord and the text parser know integers only.`);
  const choices = parts.find((p): p is z.ZodEnum => p instanceof z.ZodEnum)?.options.map(String);
  // A yes or no (z.stringbool: typed "true", "yes"…; a True/False choice on Discord).
  const boolean = parts.some((p) => p instanceof z.ZodBoolean);
  const maxLength = boolean ? null : meta.maxLength ?? parts.find((p): p is z.ZodString => p instanceof z.ZodString)?.maxLength ?? null;
  return {
    name, description: meta.description, type: number ? "integer" : boolean ? "boolean" : "string",
    required: !schema.safeParse(undefined).success,
    ...(choices ? { choices } : {}),
    ...(meta.autocomplete ? { autocomplete: meta.autocomplete } : {}),
    ...(number?.minValue !== null && number?.minValue !== undefined ? { min: number.minValue } : {}),
    ...(number?.maxValue !== null && number?.maxValue !== undefined ? { max: number.maxValue } : {}),
    ...(maxLength !== null ? { maxLength } : {}),
    ...(meta.rest ? { rest: true } : {}),
  };
}

const specs = new WeakMap<z.ZodObject, OptionSpec[]>();

/** The options people give, in the schema's order (which is also the order of words in free text). */
export function describeOptions(options: z.ZodObject): OptionSpec[] {
  let list = specs.get(options);
  if (!list) {
    list = Object.entries(options.shape).flatMap(([name, field]) => describeField(name, field as z.ZodType) ?? []);
    specs.set(options, list);
  }
  return list;
}

/**
 * Words typed as Discord names options ("trending count:3 topic:moe", "similar id:2"), the way help lists
 * them: those options by name, the other words left as they are. The option that takes the rest of the
 * words (positional) takes those after its own too, up to the next named one ("topic:mixture of experts").
 */
export function namedWords(options: readonly Pick<OptionSpec, "name" | "type" | "rest">[], words: string[]): { named: Record<string, string>; rest: string[] } {
  const byName = new Map(options.map((spec, index) => [spec.name.toLowerCase(),
    { name: spec.name, type: spec.type, index, takesRest: spec.rest || (spec.type === "string" && index === options.length - 1) }]));
  const named: Record<string, string> = {}, rest: string[] = [];
  let open: string | null = null;
  for (const word of words) {
    const [, name, value] = /^([a-z-]+):(.*)$/i.exec(word) ?? [];
    const option = name ? byName.get(name.toLowerCase()) : undefined;
    // As on Discord: the words option after the options before it ("note 1 text:…", "trending 3 topic:moe"),
    // and a number anywhere ("trending moe count:2"). Once the words have begun, a name is one of them: "note
    // 1 Full text: appendix B" keeps "Full", and "paper:2" in "note 1 compare with paper:2" is its text.
    const counts = option && named[option.name] === undefined && (rest.length === 0 || (option.takesRest && rest.length <= option.index)
      || (option.type === "integer" && /^\d+$/.test(value!)));
    if (counts) {
      // "topic:" with nothing after it gives nothing: no topic, rather than the word "topic:".
      if (value) named[option.name] = value;
      open = option.takesRest ? option.name : null;
      continue;
    }
    if (open) named[open] = named[open] ? `${named[open]} ${word}` : word;
    else rest.push(word);
  }
  return { named, rest };
}

/** Words → options in order; an option marked `rest` (or the last string option) takes the remaining words. */
export function positional(options: readonly Pick<OptionSpec, "name" | "type" | "rest">[], words: string[]): Record<string, unknown> {
  const raw: Record<string, unknown> = {};
  let i = 0;
  for (const [index, spec] of options.entries()) {
    if (i >= words.length) break;
    const takesRest = spec.rest || (spec.type === "string" && index === options.length - 1);
    if (takesRest) { raw[spec.name] = words.slice(i).join(" "); i = words.length; }
    else raw[spec.name] = words[i++];
  }
  if (i < words.length) raw._extra = words.slice(i).join(" ");
  return raw;
}
