// Discord's documented message limits, which it enforces with 400 / 50035 "Invalid Form Body": content
// 2,000; 10 embeds; per embed a 256-character title, 4,096 description, 25 fields (name 256, value 1,024),
// 2,048 footer; 6,000 characters across all embeds of a message. And a thread name of 1 to 100, and no
// empty new message (50006).
import { discordError, type Answer } from "./rest.ts";

const invalid = (what: string): Answer => discordError(400, 50035, `Invalid Form Body (${what})`);

function embedChars(e: any): number {
  return String(e?.title ?? "").length + String(e?.description ?? "").length + String(e?.footer?.text ?? "").length
    + String(e?.author?.name ?? "").length
    + (Array.isArray(e?.fields) ? e.fields : []).reduce((n: number, f: any) => n + String(f?.name ?? "").length + String(f?.value ?? "").length, 0);
}

export function checkMessageBody(body: any): Answer | null {
  if (String(body?.content ?? "").length > 2000) return invalid("content: Must be 2000 or fewer in length.");
  const embeds: any[] = Array.isArray(body?.embeds) ? body.embeds : [];
  if (embeds.length > 10) return invalid("embeds: Must be 10 or fewer in length.");
  for (const [i, e] of embeds.entries()) {
    if (String(e?.title ?? "").length > 256) return invalid(`embeds.${i}.title: Must be 256 or fewer in length.`);
    // Discord takes a missing description, not an empty one.
    if (e?.description === "") return invalid(`embeds.${i}.description: This field is required`);
    if (String(e?.description ?? "").length > 4096) return invalid(`embeds.${i}.description: Must be 4096 or fewer in length.`);
    if (String(e?.footer?.text ?? "").length > 2048) return invalid(`embeds.${i}.footer.text: Must be 2048 or fewer in length.`);
    const fields: any[] = Array.isArray(e?.fields) ? e.fields : [];
    if (fields.length > 25) return invalid(`embeds.${i}.fields: Must be 25 or fewer in length.`);
    for (const [j, f] of fields.entries()) {
      if (!f?.name || String(f.name).length > 256) return invalid(`embeds.${i}.fields.${j}.name: Must be between 1 and 256 in length.`);
      if (!f?.value || String(f.value).length > 1024) return invalid(`embeds.${i}.fields.${j}.value: Must be between 1 and 1024 in length.`);
    }
  }
  if (embeds.reduce((n, e) => n + embedChars(e), 0) > 6000) return invalid("embeds: Embed size exceeds maximum size of 6000");
  return null;
}

/** A new message must show something: Discord refuses one with no content (or only spaces), embeds,
 * components, stickers, attachments or poll with 400 / 50006. */
export function checkNotEmpty(body: any, files = 0): Answer | null {
  const some = (v: unknown) => Array.isArray(v) && v.length > 0;
  const empty = String(body?.content ?? "").trim() === "" && !some(body?.embeds) && !some(body?.components) &&
    !some(body?.sticker_ids) && !some(body?.attachments) && !body?.poll && files === 0;
  return empty ? discordError(400, 50006, "Cannot send an empty message") : null;
}

export function checkThreadBody(body: any): Answer | null {
  const name = String(body?.name ?? "");
  return name.length < 1 || name.length > 100 ? invalid("name: Must be between 1 and 100 in length.") : null;
}
