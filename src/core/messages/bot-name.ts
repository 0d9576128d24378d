// The bot as people address it ("invite me with /invite @papers-bot"): whoever installs the app names it,
// so the core does not write a name. It writes this token, and each renderer spells it as its platform shows
// the bot (Slack: a mention of the bot's own user, which Slack shows as the app's name there).

/** The name the Slack manifest gives the app unless told otherwise: what a renderer that knows no better says. */
export const DEFAULT_BOT_NAME = "papers-bot";

const TOKEN = "{bot}";

/** The bot's handle in a sentence, like "/invite ${botHandle()}". */
export function botHandle(): string {
  return TOKEN;
}

export function spellBotHandle(text: string, handle: string): string {
  return text.replaceAll(TOKEN, handle);
}
