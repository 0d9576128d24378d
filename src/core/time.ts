// Local dates and times in IANA zones, with Intl only (no time-zone database of our own to keep current).
import { foldAccents } from "./search/tokenize.ts";

export function isTimeZone(zone: string): boolean {
  try { new Intl.DateTimeFormat("en-US", { timeZone: zone }); return true; } catch { return false; }
}

/**
 * The spelling of a zone to keep, or null for none: as typed when it is written as zones are (ICU would
 * answer "Asia/Kolkata" with its older alias "Asia/Calcutta", which the person did not type), else Intl's
 * own spelling of it ("europe/berlin" → "Europe/Berlin", "utc" → "UTC").
 */
export function canonicalTimeZone(zone: string): string | null {
  if (!isTimeZone(zone)) return null;
  const known = zoneNames().find((z) => z.toLowerCase() === zone.toLowerCase());
  if (known) return known;
  if (/^[A-Z][a-z]+(?:\/[A-Z][A-Za-z0-9_+\-]*)+$/.test(zone)) return zone;
  return new Intl.DateTimeFormat("en-US", { timeZone: zone }).resolvedOptions().timeZone;
}

// ICU lists some zones under names they have since lost (its ids are stable, the tz database renamed):
// people look for the current ones, which Intl accepts too.
const RENAMED: Readonly<Record<string, string>> = {
  "Asia/Calcutta": "Asia/Kolkata", "Europe/Kiev": "Europe/Kyiv", "Asia/Saigon": "Asia/Ho_Chi_Minh", "Asia/Katmandu": "Asia/Kathmandu",
  "Asia/Rangoon": "Asia/Yangon", "America/Godthab": "America/Nuuk", "Atlantic/Faeroe": "Atlantic/Faroe", "Pacific/Truk": "Pacific/Chuuk",
  "Pacific/Ponape": "Pacific/Pohnpei", "Pacific/Enderbury": "Pacific/Kanton", "America/Buenos_Aires": "America/Argentina/Buenos_Aires",
};
let zoneList: string[] | undefined;

/** Every IANA zone this runtime knows, by its current name, UTC first. */
export function zoneNames(): string[] {
  zoneList ??= [...new Set(["UTC", ...Intl.supportedValuesOf("timeZone").map((z) => (RENAMED[z] && isTimeZone(RENAMED[z]) ? RENAMED[z] : z))])];
  return zoneList;
}

/** The zone of a city typed alone, or null: the zone named after it ("berlin" → "Europe/Berlin", "new york" →
 * "America/New_York", accents aside: "são paulo"), or formerly ("kiev" → "Europe/Kyiv"), or a city we list
 * with its zone ("mumbai" → "Asia/Kolkata"). */
export function zoneOfCity(city: string): string | null {
  // "São Paulo", "Zürich": zone names are written without accents.
  const name = foldAccents(city.trim()).replace(/\s+/g, " ").toLowerCase();
  if (name.length < 2) return null;
  const wanted = `/${name.replace(/ /g, "_")}`;
  const named = (zone: string) => zone.toLowerCase().endsWith(wanted);
  // A city under its zone's former name ("kiev", "calcutta") finds the zone by its current one.
  const renamed = () => { const old = Object.keys(RENAMED).find(named); return old ? RENAMED[old]! : null; };
  // Own keys only: a "city" named "__proto__" or "constructor" is none, not the object's prototype.
  return zoneNames().find(named) ?? renamed() ?? (Object.hasOwn(CITY_ZONES, name) ? CITY_ZONES[name]! : null);
}

/** The cities we list with their zone (see CITY_ZONES) whose name starts with `prefix` (accents and case
 * aside), as [city, zone]: for choices offered while a city is still being typed ("mum" → mumbai). */
export function citiesStartingWith(prefix: string): [string, string][] {
  const name = foldAccents(prefix.trim()).replace(/[\s_]+/g, " ").toLowerCase();
  if (name.length < 2) return [];
  return Object.entries(CITY_ZONES).filter(([city]) => city.startsWith(name));
}

// Cities people live in that no zone is named after (a zone is named after one city of its region): the
// ones research teams are most often in. Not exhaustive; the zone itself is always accepted.
const CITY_ZONES: Readonly<Record<string, string>> = Object.fromEntries(Object.entries({
  "America/Los_Angeles": "san francisco,sf,seattle,portland,san jose,palo alto,mountain view,menlo park,san diego,sunnyvale,berkeley",
  "America/New_York": "boston,washington,philadelphia,atlanta,miami,pittsburgh,princeton,baltimore",
  "America/Chicago": "austin,dallas,houston,minneapolis",
  "America/Denver": "boulder,salt lake city",
  "America/Toronto": "montreal,ottawa,waterloo",
  "Europe/London": "edinburgh,manchester,oxford,bristol",
  "Europe/Berlin": "munich,frankfurt,hamburg,cologne,stuttgart,heidelberg,tubingen",
  "Europe/Paris": "lyon,grenoble,toulouse",
  "Europe/Zurich": "geneva,lausanne,basel",
  "Europe/Madrid": "barcelona,valencia",
  "Europe/Rome": "milan,turin",
  "Europe/Amsterdam": "delft,eindhoven,utrecht",
  "Asia/Kolkata": "mumbai,bombay,delhi,new delhi,bangalore,bengaluru,chennai,hyderabad,pune",
  "Asia/Shanghai": "beijing,shenzhen,guangzhou,hangzhou,nanjing,wuhan",
  "Asia/Tokyo": "osaka,kyoto",
  "Asia/Jerusalem": "tel aviv,haifa",
  "Asia/Dubai": "abu dhabi",
  "Australia/Sydney": "canberra",
}).flatMap(([zone, cities]) => cities.split(",").map((city) => [city, zone])));

/** The zones of the cities listed above: where people using the bot often are. */
export function cityZones(): ReadonlySet<string> {
  return new Set(Object.values(CITY_ZONES));
}

// Building an Intl formatter costs far more than using one, and the digest tick asks for every
// subscription's wall clock each minute: one formatter per zone, kept.
const formatters = new Map<string, Intl.DateTimeFormat>();

function parts(instant: Date, zone: string): Record<string, string> {
  let formatter = formatters.get(zone);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat("en-CA", { timeZone: zone, year: "numeric", month: "2-digit", day: "2-digit",
      hour: "2-digit", minute: "2-digit", hourCycle: "h23" });
    formatters.set(zone, formatter);
  }
  return Object.fromEntries(formatter.formatToParts(instant).map((p) => [p.type, p.value]));
}

/** "YYYY-MM-DD HH:MM" on the zone's wall clock: localDate and localTime in one call. */
export function localDateTime(instant: Date, zone: string): string {
  const p = parts(instant, zone);
  return `${p.year}-${p.month}-${p.day} ${p.hour}:${p.minute}`;
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
