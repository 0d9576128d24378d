// Where a digest message keeps its delivery key on Discord. Discord remembers a nonce only for a few
// minutes and never returns it when messages are listed, while a crashed digest is resumed after its
// 2-minute lease, or hours later when the bot was down. What listing does return is every message's
// components, and a button's custom_id is never shown to anyone: so the key (hashed to the nonce's 25
// characters) rides at the end of one, after a "@", and findPosted reads it back from the channel.
import { ButtonStyle, ComponentType, type APIActionRowComponent, type APIComponentInMessageActionRow } from "discord.js";
import type { ComponentIds } from "./component-ids.ts";
import type { DiscordMessage } from "./render.ts";

const MAX_CUSTOM_ID = 100;
const MAX_ROWS = 5;
const KEY_SUFFIX = /@[A-Za-z0-9_-]{25}$/;

type Row = APIActionRowComponent<APIComponentInMessageActionRow>;

/** The custom_id as our own component decoder reads it: the key, when there is one, removed. */
export function withoutDeliveryKey(customId: string): string {
  return customId.replace(KEY_SUFFIX, "");
}

/** Whether a listed message (its components as Discord returns them) carries this hashed key. */
export function carriesDeliveryKey(components: unknown, hashedKey: string): boolean {
  const suffix = `@${hashedKey}`;
  const rows = Array.isArray(components) ? components as { components?: { custom_id?: unknown }[] }[] : [];
  return rows.some((row) => (Array.isArray(row?.components) ? row.components : [])
    .some((c) => typeof c?.custom_id === "string" && c.custom_id.endsWith(suffix)));
}

/**
 * The message with `hashedKey` on its first component that has room for it. A message without one (a
 * digest's header) gets a button that is useful on its own: the clicker's reading list, privately.
 */
export function withDeliveryKey(message: DiscordMessage, hashedKey: string, ids: ComponentIds): DiscordMessage {
  const suffix = `@${hashedKey}`;
  let placed = false;
  const components = message.components.map((row) => ({ ...row, components: row.components.map((c) => {
    if (placed || !("custom_id" in c) || c.custom_id.length + suffix.length > MAX_CUSTOM_ID) return c;
    placed = true;
    return { ...c, custom_id: c.custom_id + suffix };
  }) })) as Row[];
  if (!placed && components.length < MAX_ROWS) {
    components.push({ type: ComponentType.ActionRow, components: [{ type: ComponentType.Button, style: ButtonStyle.Secondary,
      emoji: { name: "📚" }, label: "My reading list", custom_id: ids.more("bookmarks", {}) + suffix }] });
  }
  return { ...message, components };
}
