// A paper as people name it in a command: an arXiv id or link today, and "3" (the third paper of the
// last list they saw) once a resolver for numbers is plugged in (setNumberResolver): the list itself is
// kept elsewhere; this only asks it. Without one, a number gets a sentence asking for the id.
import type { CommandContext } from "./command.ts";
import { parseArxivId } from "../core/paper.ts";
import { UserError } from "./errors.ts";

/** The paper id at position `n` (1-based) of the last list this person saw here, or null. */
export type NumberResolver = (ctx: CommandContext, n: number) => Promise<string | null>;

let numberResolver: NumberResolver | null = null;

export function setNumberResolver(resolver: NumberResolver | null): void {
  numberResolver = resolver;
}

/** The catalog id `ref` names, or a UserError that says what to type instead (`command` for the example). */
export async function resolvePaperRef(ctx: CommandContext, ref: string, command: string): Promise<string> {
  const text = ref.trim();
  if (/^\d{1,3}$/.test(text)) {
    const id = numberResolver ? await numberResolver(ctx, Number(text)) : null;
    if (id) return id;
    throw new UserError("unknown_number", numberResolver
      ? `There is no paper ${text} in the last list you saw; run the list again, or give the arXiv id, like /papers ${command} 2403.07816.`
      : `Give the paper's arXiv id or link, like /papers ${command} 2403.07816.`);
  }
  const paper = ctx.services.catalog.get(parseArxivId(text) ?? text);
  if (!paper) throw new UserError("unknown_paper", `I don't know a paper "${text.slice(0, 60)}"; search for it with /papers <words> and use its id.`);
  return paper.id;
}
