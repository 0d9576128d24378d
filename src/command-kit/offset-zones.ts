// "UTC+2", "gmt-3", "+05:30": how people often state their zone. A digest keeps a zone, not an offset (a
// zone with daylight saving leaves its winter offset for half the year), so an offset is answered with the
// zones at that offset now: Discord's autocomplete offers them, and subscribe's refusal names the likeliest.
import { cityZones, zoneNames } from "../core/time.ts";
import { abbreviatedZones } from "./subscription-words.ts";

const OFFSET = /^(?:utc|gmt)?\s*([+\-−])\s*(\d{1,2})(?::?(\d{2}))?$/i;

/** Minutes east of UTC that `typed` states, or null when it is no offset. */
export function offsetTyped(typed: string): number | null {
  const match = OFFSET.exec(typed.trim());
  if (!match) return null;
  const minutes = Number(match[2]) * 60 + Number(match[3] ?? 0);
  return match[1] === "+" ? minutes : -minutes;
}

const offsetFormats = new Map<string, Intl.DateTimeFormat>();

/** The zone's offset from UTC at `now`, in minutes ("GMT+05:30" from Intl; "GMT" alone is 0). */
function offsetOf(zone: string, now: Date): number {
  let format = offsetFormats.get(zone);
  if (!format) offsetFormats.set(zone, format = new Intl.DateTimeFormat("en-US", { timeZone: zone, timeZoneName: "longOffset" }));
  const name = format.formatToParts(now).find((p) => p.type === "timeZoneName")?.value ?? "GMT";
  const match = /GMT([+-])(\d{2}):(\d{2})/.exec(name);
  return match ? (match[1] === "+" ? 1 : -1) * (Number(match[2]) * 60 + Number(match[3])) : 0;
}

/** "UTC+05:30". */
export function offsetLabel(offset: number): string {
  const hours = String(Math.floor(Math.abs(offset) / 60)).padStart(2, "0"), minutes = String(Math.abs(offset) % 60).padStart(2, "0");
  return `UTC${offset < 0 ? "-" : "+"}${hours}:${minutes}`;
}

/** The zones at `offset` at `now`, likeliest first: UTC+1 has 40 zones and a menu 25, so the ones the bot
 * knows people by (Europe/Paris, not Africa/Bangui) first, then a city's own zone (America/Sao_Paulo) before a
 * region's subdivisions (America/Argentina/Salta). */
export function zonesAtOffset(offset: number, now: Date): string[] {
  const known = new Set([...cityZones(), ...abbreviatedZones()]);
  const rank = (zone: string) => (known.has(zone) ? 0 : zone.split("/").length);
  return zoneNames().filter((zone) => zone.includes("/") && offsetOf(zone, now) === offset).sort((a, b) => rank(a) - rank(b));
}
