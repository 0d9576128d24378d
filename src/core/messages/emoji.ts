// Emoji as data: the bot names an emoji, and each platform spells it its own way. Slack renders and
// reports `:shortcode:` names (a reaction arrives as "bookmark"); Discord renders only the Unicode
// character when a bot sends it, and reports reactions as the character itself.

export type EmojiName = "bookmark" | "search" | "share" | "remove" | "done" | "warning" | "mute";

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
  mute: { unicode: "🔕", slack: "no_bell" },
};

/** Whether a reaction a platform reported (Slack's name or the character) is this emoji. */
export function isEmoji(name: EmojiName, reported: string | null | undefined): boolean {
  return reported === EMOJI[name].slack || reported === EMOJI[name].unicode;
}
