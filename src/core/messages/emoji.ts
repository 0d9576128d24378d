// Emoji as data: the bot names an emoji, and each platform spells it its own way. Slack renders and
// reports `:shortcode:` names (a reaction arrives as "bookmark"); Discord renders only the Unicode
// character when a bot sends it, and reports reactions as the character itself.

export type EmojiName = "bookmark" | "search" | "share" | "remove" | "done" | "warning" | "discuss" | "mute";

export interface Emoji {
  /** The character, as Discord (and the terminal) shows it. */
  unicode: string;
  /** Slack's name for it, without the colons. */
  slack: string;
}

export const EMOJI: Readonly<Record<EmojiName, Emoji>> = {
  bookmark: { unicode: "🔖", slack: "bookmark" },
  search: { unicode: "🔎", slack: "mag_right" },
  share: { unicode: "📣", slack: "mega" },
  remove: { unicode: "✖️", slack: "heavy_multiplication_x" },
  done: { unicode: "✅", slack: "white_check_mark" },
  warning: { unicode: "⚠️", slack: "warning" },
  discuss: { unicode: "💬", slack: "speech_balloon" },
  mute: { unicode: "🔕", slack: "no_bell" },
};

/** Whether a reaction a platform reported (Slack's name or the character) is this emoji. */
export function isEmoji(name: EmojiName, reported: string | null | undefined): boolean {
  return reported === EMOJI[name].slack || reported === EMOJI[name].unicode;
}

// An emoji inside a Reply's text, as data: `React with ${emoji("bookmark")}` reaches every renderer as a
// token, and each spells it (spellEmoji) the way its client shows it. A shortcode sent to Discord by a bot
// stays literal text; a Unicode character in Slack is fine but reads differently from Slack's own.
const TOKEN = /\{emoji:([a-z_]+)\}/g;

export function emoji(name: EmojiName): string {
  return `{emoji:${name}}`;
}

export function spellEmoji(text: string, spell: (emoji: Emoji) => string): string {
  return text.replace(TOKEN, (token, name: string) => (Object.hasOwn(EMOJI, name) ? spell(EMOJI[name as EmojiName]) : token));
}

export const slackSpelling = (e: Emoji): string => `:${e.slack}:`;
export const unicodeSpelling = (e: Emoji): string => e.unicode;
