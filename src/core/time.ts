// Local dates and times in IANA zones, with Intl only (no time-zone database of our own to keep current).

export function isTimeZone(zone: string): boolean {
  try { new Intl.DateTimeFormat("en-US", { timeZone: zone }); return true; } catch { return false; }
}

/** The canonical spelling of a zone typed in any case ("europe/berlin" → "Europe/Berlin"), or null. */
export function canonicalTimeZone(zone: string): string | null {
  if (!isTimeZone(zone)) return null;
  return new Intl.DateTimeFormat("en-US", { timeZone: zone }).resolvedOptions().timeZone;
}

function parts(instant: Date, zone: string): Record<string, string> {
  const formatted = new Intl.DateTimeFormat("en-CA", { timeZone: zone, year: "numeric", month: "2-digit", day: "2-digit",
    hour: "2-digit", minute: "2-digit", hourCycle: "h23" }).formatToParts(instant);
  return Object.fromEntries(formatted.map((p) => [p.type, p.value]));
}

/** YYYY-MM-DD in the zone. */
export function localDate(instant: Date, zone: string): string {
  const p = parts(instant, zone);
  return `${p.year}-${p.month}-${p.day}`;
}

/** HH:MM in the zone. */
export function localTime(instant: Date, zone: string): string {
  const p = parts(instant, zone);
  return `${p.hour}:${p.minute}`;
}
