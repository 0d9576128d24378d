// The words of subscriptions, read and written. Reading a subscribe line typed in any order: "09:00",
// "9:30pm", "Europe/Berlin" (any case), "size:3" or "size 3", "ranked:team", and everything else is the topic. Values
// are checked in subscribe's options, so a Discord option and a typed word get the same one-sentence answer.
// Writing: a channel as people see it, and when the next digest comes.
import { offsetLabel, offsetTyped, zonesAtOffset } from "./offset-zones.ts";
import { canonicalTimeZone, localDate, localTime, zoneOfCity } from "../core/time.ts";
import { UserError } from "./errors.ts";
import { quoted } from "../core/messages/typed.ts";

const TIME_WORD = /^(\d{1,2})(?::(\d{2}))?\s*(am|pm)?$/i;
const ZONE_WORD = /^(utc|gmt|z|[a-z_]+(?:\/[a-z0-9_+\-]+)+|etc\/[a-z0-9+\-]+)$/i;
const TIME_HINT = "Type the time as HH:MM on a 24-hour clock (00:00–23:59), like 09:00 or 17:30 (9am and 9:30pm work too).";

/** A bare hour, "0" to "23": a time only where nothing else could be meant ("at 9", "subscribe 9"). */
const isHour = (word: string): boolean => /^\d{1,2}$/.test(word) && Number(word) <= 23;

function looksLikeTime(word: string, first = false): boolean {
  // A bare number is more likely part of a topic ("gpt 4") than a time; "9am", "9:00", "17:30:00", "noon" are
  // times. "9.30" and a 24-hour "1730" are times only before any topic word, where the time goes: after one
  // they are a version or a number ("qwen 2.5", "llama 3.10", "top 1000").
  return /^\d{1,2}:\d{1,2}(:\d{2})?$/.test(word) || (first && (/^\d{1,2}\.\d{2}$/.test(word) || MILITARY.test(word)))
    || /^\d{1,2}([:.]\d{2})?\s*[ap]\.?m\.?$/i.test(word) || /^\d{1,2}h\d{0,2}$/i.test(word) || NAMED_TIMES.test(word);
}

// "0900", "1730": a 24-hour time without its colon, as schedules and the military write it.
const MILITARY = /^([01]\d|2[0-3])[0-5]\d$/;
const NAMED_TIMES = /^(noon|midnight)$/i;

// "am" or "pm" (or "a.m.") typed apart from its time ("9:00 pm", "9 pm") belongs to it, not to the topic.
const MERIDIEM = /^[ap]\.?m\.?$/i;
const HOUR_OR_TIME = /^\d{1,2}([:.]\d{2})?$/;
function withMeridiems(words: string[]): string[] {
  const out: string[] = [];
  for (const word of words) {
    if (MERIDIEM.test(word) && out.length > 0 && HOUR_OR_TIME.test(out[out.length - 1]!)) out[out.length - 1] += word;
    else out.push(word);
  }
  return out;
}

// A day as people write one ("mon", "Tues", "wednesday", "Fridays"), not any word that starts like one:
// "subscribe weekly satellite imagery" is a topic, not Saturday's "imagery".
const WEEKDAY_WORD = /^(mon(day)?|tue(s|sday)?|wed(s|nesday)?|thu(r|rs|rsday)?|fri(day)?|sat(urday)?|sun(day)?)s?$/i;
// Several days in one word: "mon-fri", "tue,thu", "mon to wed" typed joined.
const DAY = "(mon|tue|wed|thu|fri|sat|sun)[a-z]*";
export const DAY_RANGE = new RegExp(`^${DAY}(?:\\s*(?:[-–,/&+]|to)\\s*${DAY})+$`, "i");
// The word right after "weekly", where the day goes, that reads like a day but is none ("funday", "tuseday"):
// an unknown day, not the topic ("weekly 09:00 holiday …" keeps its topic).
const DAYLIKE_WORD = /^[a-z]{1,6}day$/i;
// Day abbreviations that are ordinary words or acronyms as well (SAT solvers, the sun).
const WORD_TOO = /^(sat|sun)s?$/i;

// Zone abbreviations people type, as the zone they mean (the one that keeps its daylight saving): Intl
// reads some of them as a fixed offset ("EST" is Panama's) and most not at all. Left out: those that are
// topics as often ("CT" computed tomography, "MT" machine translation, "BST" and "MST" search and spanning trees).
const ZONE_ABBREVIATIONS: Readonly<Record<string, string>> = {
  pst: "America/Los_Angeles", pdt: "America/Los_Angeles", mdt: "America/Denver",
  cst: "America/Chicago", cdt: "America/Chicago", est: "America/New_York", edt: "America/New_York",
  akst: "America/Anchorage", akdt: "America/Anchorage", hst: "Pacific/Honolulu",
  cet: "Europe/Berlin", cest: "Europe/Berlin", eet: "Europe/Athens", eest: "Europe/Athens", wet: "Europe/Lisbon",
  west: "Europe/Lisbon", msk: "Europe/Moscow", ist: "Asia/Kolkata", sgt: "Asia/Singapore", hkt: "Asia/Hong_Kong",
  jst: "Asia/Tokyo", kst: "Asia/Seoul", awst: "Australia/Perth", acst: "Australia/Adelaide", aest: "Australia/Sydney",
  aedt: "Australia/Sydney", nzst: "Pacific/Auckland", nzdt: "Pacific/Auckland",
  npt: "Asia/Kathmandu", pkt: "Asia/Karachi", wib: "Asia/Jakarta", pht: "Asia/Manila", sast: "Africa/Johannesburg",
  brt: "America/Sao_Paulo",
};
// Abbreviations that are a zone only where a zone goes: in capitals right after the time and last ("9am MST",
// "09:00 Z", as ISO times write UTC), or typed as the zone option. Anywhere else they are a topic's words
// ("MST pruning", minimum spanning trees; "gen z").
const ZONE_AFTER_TIME: Readonly<Record<string, string>> = { mst: "America/Denver", z: "UTC" };
/** The zones the abbreviations above stand for. */
export function abbreviatedZones(): ReadonlySet<string> {
  return new Set(Object.values(ZONE_ABBREVIATIONS));
}
// Three-letter ids the runtime still takes from Java's time zones, which read other zones than people mean
// ("BST" is Bangladesh's, not British Summer Time; "AST" Alaska's, not Atlantic; "ART" Egypt's, not
// Argentina's): asked which zone instead, never guessed.
const LEGACY_IDS = new Set("act aet agt art ast bet bst cat cnt ctt eat ect iet mit net nst plt pnt prt sst vst".split(" "));
// "UTC+2", "GMT-05:00", "+02:00": an offset, which a zone is not (it would drift an hour at daylight saving).
const OFFSET_WORD = /^(?:utc|gmt)?[+\-−]\d{1,2}(?::?\d{2})?$/i;

// Options typed without their colon, as people say them: "size 3", "ranked team". Before the topic any
// value is the option's (checked as size:N is); after it, only at the very end and only a value the option
// takes ("diffusion models size 3 ranked team"), so "batch size 32 pruning" stays a topic.
// "top 3" is the size as people say it (a size it can be: "top 1000 papers" is a topic). A decimal size at
// the end ("moe size 1.5") is the size mistyped, which the size's own sentence answers, not a topic's words.
const SPACED_OPTION: Readonly<Record<string, RegExp>> = { size: /^\d+$/, top: /^([1-9]|1\d|20)$/, ranked: /^[a-z]+$/i };
const SPACED_VALUE_AT_END: Readonly<Record<string, RegExp>> = { size: /^([1-9]|1\d|20)$|^\d?\.\d+$|^(1?\d|20)\.\d+$/,
  top: /^([1-9]|1\d|20)$/, ranked: /^(trending|team)$/i };
const OPTION_OF_WORD: Readonly<Record<string, string>> = { top: "size" };
// "5 papers", "3 papers on moe", "top 3 papers": the size as people say it, before the topic; it was the topic
// "3 papers on moe" (every paper saying "papers"), at the default size. Not after the topic, where "llama 3
// papers" is papers about Llama 3. Two digits, so "30 papers" gets the size's own sentence (1 to 20).
const PAPER_COUNT = /^\d{1,2}$/;
const PAPERS_WORD = /^papers?$/i;
const optionOf = (word: string): string => OPTION_OF_WORD[word] ?? word;
const CADENCE = /^(weekly|daily)$/i;

/** "me" (a personal digest) and "weekly"/"daily" (the cadence) before the topic's first word ("09:00
 * weekly"), or the cadence last ("llm agents weekly"); then the rest as before. Full-width digits and colons
 * (CJK keyboards) as ASCII. */
// An option typed with its name ("size:3", "ranked=team", "topic:…"), as Discord and help name them.
const NAMED_OPTION = /^(size|ranked|time|zone|topic|who|every|day)[:=](.+)$/i;

const QUOTES = /^["“”'‘’]+|["“”'‘’]+$/g;

/** A zone typed by name over several words: quoted (zone:"New York") or a city of two or three words
 * (zone:new york); `used`: how many of the words after it it took. */
function zoneOfWords(first: string, after: string[]): { value: string; used: number } {
  if (/^["“']/.test(first) && !/.["”']$/.test(first)) {
    const end = after.findIndex((w) => /["”']$/.test(w));
    if (end >= 0) return { value: [first, ...after.slice(0, end + 1)].join(" ").replace(QUOTES, ""), used: end + 1 };
  }
  for (let used = Math.min(2, after.length); used > 0; used--) {
    const city = [first, ...after.slice(0, used)].join(" ");
    if (zoneOfCity(city)) return { value: city, used };
  }
  return { value: first.replace(QUOTES, ""), used: 0 };
}

/** After a size: "papers" ("top 3 papers"), and "on"/"about" leading the topic ("3 papers on moe"), say nothing more. */
function sayingPapers(rest: string[], at: number): void {
  if (PAPERS_WORD.test(rest[at] ?? "")) rest[at++] = "";
  if (/^(on|about)$/i.test(rest[at] ?? "") && rest[at + 1] !== undefined) rest[at] = "";
}

export function parseSubscribeWords(words: string[]): Record<string, unknown> {
  const raw: Record<string, unknown> = {};
  const topic: string[] = [];
  let rest = withMeridiems(words.map((w) => (/[^\x00-\x7f]/.test(w) ? w.normalize("NFKC") : w)));
  // What ends the line: spaced options and a cadence, read from the end while they are that.
  for (let end = rest.length; ; end = rest.length) {
    const [key, value] = [rest[end - 2]?.toLowerCase() ?? "", rest[end - 1] ?? ""];
    // A named option among them ("diffusion models size 3 ranked:team"), which the loop below reads anywhere, is
    // passed over here so the spaced ones before it still end the line; not topic:, which takes the words after it.
    const named = NAMED_OPTION.exec(value), name = named?.[1]?.toLowerCase() ?? "topic";
    if (named && name !== "topic" && raw[name] === undefined && end > 1) { raw[name] = named[2]; rest = rest.slice(0, -1); }
    else if (Object.hasOwn(SPACED_VALUE_AT_END, key) && SPACED_VALUE_AT_END[key]!.test(value) && raw[optionOf(key)] === undefined) { raw[optionOf(key)] = value; rest = rest.slice(0, -2); }
    else if (CADENCE.test(value) && raw.every === undefined && end > 1) { raw.every = value.toLowerCase(); rest = rest.slice(0, -1); }
    else break;
  }
  for (const [i, word] of rest.entries()) {
    const previous = rest[i - 1], lower = word.toLowerCase();
    if (topic.length === 0) {
      if (lower === "me" && raw.who === undefined) { raw.who = "me"; continue; }
      if (CADENCE.test(word)) {
        // "daily weekly": two cadences is a mistake, said as an unexpected word.
        if (raw.every === undefined) raw.every = lower; else if (raw.every !== lower) raw._extra ??= word;
        continue;
      }
    }
    // "at 9am", "at 9" (anywhere: "diffusion at 9pm"): the time's own preposition. An hour past 23 gets the
    // time's answer, not a place in the topic.
    const next = rest[i + 1];
    if (lower === "at" && next !== undefined && raw.time === undefined && (looksLikeTime(next, true) || /^\d{1,2}$/.test(next))) {
      raw.time = next; rest[i + 1] = "";
      continue;
    }
    const spaced = topic.length === 0 && Object.hasOwn(SPACED_OPTION, lower) && next !== undefined && SPACED_OPTION[lower]!.test(next);
    if (spaced) {
      if (raw[optionOf(lower)] === undefined) raw[optionOf(lower)] = next; else raw._extra ??= `${word} ${next}`;
      rest[i + 1] = "";
      if (optionOf(lower) === "size") sayingPapers(rest, i + 2);
      continue;
    }
    if (topic.length === 0 && raw.size === undefined && PAPER_COUNT.test(word) && PAPERS_WORD.test(next ?? "")) {
      raw.size = word; rest[i + 1] = ""; sayingPapers(rest, i + 2);
      continue;
    }
    if (word === "") continue; // a value taken above
    // Several days in one word ("mon-fri", "tue,thu"), before the topic: the day, which subscribe refuses
    // (a weekly digest has one), rather than the topic of a Monday digest.
    if (topic.length === 0 && raw.day === undefined && DAY_RANGE.test(word)) { raw.day = word; continue; }
    // A mistyped day is taken as the day too, and checked as the day option is (subscribe's schema), so it
    // gets the same one-sentence answer.
    const mistypedDay = previous?.toLowerCase() === "weekly" && DAYLIKE_WORD.test(word) && lower !== "today";
    if (raw.every === "weekly" && raw.day === undefined && (WEEKDAY_WORD.test(word) || mistypedDay)) { raw.day = word; continue; }
    // A day without "weekly" ("subscribe fri 09:00 moe", "subscribe 09:00 fri") means a weekly digest on
    // that day (after "daily", a mistake subscribe points out). "sat" and "sun" are words too ("sat
    // solvers"): those are a day only first and before a time or nothing (or alone, below).
    if (raw.every !== "weekly" && raw.day === undefined && WEEKDAY_WORD.test(word)
      && (!WORD_TOO.test(word) || (i === 0 && (rest.length === 1 || looksLikeTime(rest[1]!))))) {
      raw.day = word;
      continue;
    }
    const option = NAMED_OPTION.exec(word);
    if (option) {
      const name = option[1]!.toLowerCase();
      const { value, used } = name === "zone" ? zoneOfWords(option[2]!, rest.slice(i + 1)) : { value: option[2], used: 0 };
      for (let j = 1; j <= used; j++) rest[i + j] = "";
      raw[name] = value;
      continue;
    }
    if (looksLikeTime(word, topic.length === 0 && raw.time === undefined)) {
      // A second time is a mistake, not a topic ("subscribe 09:00 09:30"): said as an unexpected word.
      if (raw.time === undefined) raw.time = word; else raw._extra ??= word;
      continue;
    }
    // "weekly mon tue": a second day right after the first is a mistake; later, a day-like word is topic ("SAT solvers").
    if (raw.every === "weekly" && raw.day !== undefined && previous === raw.day && WEEKDAY_WORD.test(word)) { raw._extra ??= word; continue; }
    const zoneLike = ZONE_WORD.test(word) && (word.includes("/") || canonicalTimeZone(word));
    // "08:00 BST": an id that names more than one zone, in capitals right after the time and last, is a zone
    // to ask about (normalizeZone), not the topic "bst" every day in the wrong zone; "09:00 BST pruning" is one.
    // So is "9am MST" or "09:00 Z", a zone there (ZONE_AFTER_TIME).
    const askedZone = (LEGACY_IDS.has(lower) || Object.hasOwn(ZONE_AFTER_TIME, lower)) && word === word.toUpperCase() && topic.length === 0 && previous !== undefined
      && previous === raw.time && i === rest.length - 1;
    if (raw.zone === undefined && (zoneLike || askedZone || Object.hasOwn(ZONE_ABBREVIATIONS, lower) || OFFSET_WORD.test(word))) {
      raw.zone = word;
      continue;
    }
    // A second zone is a mistake, not a topic ("Europe/Berlin Europe/Paris", "UTC PST"): only those written
    // as zones are, since a name like "Japan" is a zone and a topic both.
    if ((zoneLike && word.includes("/")) || Object.hasOwn(ZONE_ABBREVIATIONS, lower) || OFFSET_WORD.test(word) || /^(utc|gmt)$/i.test(word)) {
      raw._extra ??= word;
      continue;
    }
    topic.push(word);
  }
  // "sat" or "sun" left alone among the words is the day ("subscribe 09:00 sat"); beside others, a topic
  // ("09:00 sat solvers"). Other days were taken above wherever they stood.
  if (raw.every !== "weekly" && raw.day === undefined && raw.topic === undefined && topic.length === 1 && WEEKDAY_WORD.test(topic[0]!)) {
    raw.day = topic.pop();
  }
  // A bare number is a topic word beside others ("gpt 4"), but alone it is the hour: "subscribe 9" means 09:00.
  if (raw.time === undefined && raw.topic === undefined && topic.length === 1 && isHour(topic[0]!)) {
    raw.time = topic.pop();
  }
  if (topic.length > 0) raw.topic = [raw.topic, ...topic].filter(Boolean).join(" ");
  return raw;
}

/** "9", "09:00", "9:30pm", "9.30 p.m.", "12am", "9h30", "17:30:00", "1730", "noon" → "HH:MM"; anything else is a UserError saying what to type. */
export function normalizeTime(input: string): string {
  const text = input.trim().toLowerCase().replace(/^(\d{1,2})h(\d{0,2})$/, (_m, h: string, m: string) => `${h}:${m || "00"}`)
    .replace(/^(\d{1,2})\.(\d{2})/, "$1:$2").replace(/([ap])\.m\.?$/, "$1m")
    // Seconds say nothing a daily digest can use: "17:30:00" is 17:30.
    .replace(/^(\d{1,2}:\d{2}):[0-5]\d$/, "$1").replace(MILITARY, (t) => `${t.slice(0, 2)}:${t.slice(2)}`)
    .replace(/^noon$/, "12:00").replace(/^midnight$/, "00:00");
  const match = TIME_WORD.exec(text);
  if (!match || (match[2] !== undefined && match[2].length !== 2)) throw new UserError("bad_time", `${quoted(input.slice(0, 20))} isn't a time I can read. ${TIME_HINT}`);
  let hour = Number(match[1]);
  const minute = Number(match[2] ?? "0");
  const half = match[3];
  if (half) {
    if (hour < 1 || hour > 12) throw new UserError("bad_time", `${quoted(input.slice(0, 20))} isn't a time of day. ${TIME_HINT}`);
    hour = (hour % 12) + (half === "pm" ? 12 : 0);
  }
  if (hour > 23 || minute > 59) throw new UserError("bad_time", `${quoted(input.slice(0, 20))} isn't a time of day. ${TIME_HINT}`);
  return `${String(hour).padStart(2, "0")}:${String(minute).padStart(2, "0")}`;
}

export function normalizeZone(input: string): string {
  const typed = input.trim();
  // Own keys only: "__proto__" or "constructor" typed as a zone must not read the object's prototype.
  const abbreviation = typed.toLowerCase();
  if (Object.hasOwn(ZONE_ABBREVIATIONS, abbreviation)) return ZONE_ABBREVIATIONS[abbreviation]!;
  if (Object.hasOwn(ZONE_AFTER_TIME, abbreviation)) return ZONE_AFTER_TIME[abbreviation]!;
  const offset = OFFSET_WORD.test(typed) ? offsetTyped(typed) : null;
  if (offset !== null) {
    // The zones there now, likeliest first: "UTC+5:30" is India's, and "UTC+1" Berlin's in winter.
    const [first, second] = zonesAtOffset(offset, new Date());
    const like = first ? `${first}${second ? ` or ${second}` : ""} (${offsetLabel(offset)} now)` : "Europe/Berlin or America/New_York";
    throw new UserError("bad_zone", `${quoted(typed.slice(0, 20))} is an offset; a digest keeps a time zone, which follows daylight saving where there is one. Type your zone instead, like ${like}.`);
  }
  // "Etc/GMT+2" is two hours behind UTC: its sign is POSIX's, the opposite of what "UTC+2" means.
  const posix = /^etc\/gmt([+-])(\d{1,2})$/i.exec(typed);
  if (posix && Number(posix[2]) !== 0) {
    const hours = Number(posix[2]);
    throw new UserError("bad_zone", `${quoted(typed)} is ${hours} hour${hours === 1 ? "" : "s"} ${posix[1] === "+" ? "behind" : "ahead of"} UTC (its sign is reversed), which is rarely what is meant; type your zone instead, like Europe/Berlin or America/New_York.`);
  }
  if (LEGACY_IDS.has(abbreviation)) {
    throw new UserError("bad_zone", `${quoted(typed)} names more than one time zone; type yours, like Europe/London, America/Halifax or Asia/Dhaka.`);
  }
  // "berlin" picked from no list (Discord's zone option typed, not chosen): the city's zone.
  const zone = canonicalTimeZone(typed) ?? (/^[\p{L} _-]+$/u.test(typed) ? zoneOfCity(typed) : null);
  if (!zone) throw new UserError("bad_zone", `I don't know the time zone ${quoted(input.slice(0, 40))}. Type an IANA zone like Europe/Berlin, America/New_York or UTC.`);
  return zone;
}


/** What a digest brings, in words: "3 papers", "ranked by this team", and its topic as `topic` says it. */
export function digestTraits(digest: { size: number; ranking: string; topic: string | null }, topic: (topic: string) => string): string[] {
  return [`${digest.size} paper${digest.size === 1 ? "" : "s"}`, digest.ranking === "team" ? "ranked by this team" : null,
    digest.topic ? topic(digest.topic) : null].filter((t): t is string => t !== null);
}

/** When the next digest fires, "today 09:00 Europe/Berlin", "tomorrow …" or "Mon 16 Jun …", as the zone's
 * clock will show it: on a spring-forward day a 02:30 that does not exist fires at 03:00 (schedule.ts
 * fireTime), and that is the time said. The subscription's own time is said where it is described. */
export function describeDay(at: Date, today: string, zone: string): string {
  return `${dayWord(localDate(at, zone), today)} ${localTime(at, zone)} ${zone}`;
}

/** "today", "tomorrow", or "Wed 12 Mar". */
function dayWord(date: string, today: string): string {
  const tomorrow = new Date(Date.parse(`${today}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);
  return date === today ? "today" : date === tomorrow ? "tomorrow"
    : new Date(`${date}T00:00:00Z`).toLocaleDateString("en-GB", { weekday: "short", day: "numeric", month: "short", timeZone: "UTC" });
}

/** Why the next digest is later than its time says: "today's went out already", or for a date the ledger
 * has from the zone the digest had before, "the digest for Tue 11 Mar went out already"; null for none.
 * `wentOut`: the local dates (a weekly digest's run dates) passed over as already delivered, earliest first. */
export function wentOutWords(wentOut: string[], today: string, weekly: boolean): string | null {
  const first = wentOut[0];
  if (first === undefined) return null;
  if (weekly) {
    const thisWeek = Date.parse(`${first}T00:00:00Z`) - Date.parse(`${today}T00:00:00Z`) < 7 * 86_400_000;
    return thisWeek ? "this week's went out already" : "next week's went out already";
  }
  return first === today ? "today's went out already" : `the digest for ${dayWord(first, today)} went out already`;
}
