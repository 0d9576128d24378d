// `/papers subscribe [me] [weekly DAY] [HH:MM] [zone] [topic…] [size:N] [ranked:team]`: this channel's
// daily digest; `weekly mon 09:00` its weekly digest; `me 08:30` the person's own daily DM of picks made
// for them (their zone: Slack's users.info, else the zone they give). Subscribing again changes it (and
// resumes a paused one). The answer says when the next one comes.
import { z } from "zod";
import { nothingToLookFor } from "../command-kit/hints.ts";
import { channelNamedIn } from "../command-kit/named-channel.ts";
import { addDays, describeWait, fireTime, upcomingDates } from "../core/digest/schedule.ts";
import { WEEKDAYS, isoWeek, weekdayName, isoWeekday, upcomingWeeks } from "../core/digest/weekly.ts";
import { nextDigest } from "../core/digest/next.ts";
import { localDate, zoneOfCity } from "../core/time.ts";
import { MIN_SEEDS, profileOf } from "../core/recommend/person.ts";
import { personalTarget, targetUserId } from "../core/person-target.ts";
import { missingWordsText, searchableTopic } from "../core/relevance.ts";
import { onlyCommonWords, onlyLeftOut, splitQuery } from "../core/search/query.ts";
import { channelMention, type ChannelRef, type Platform } from "../core/channel.ts";
import { defineCommand, saysMe, type BotReach, type CommandContext } from "../command-kit/command.ts";
import { botHandle } from "../core/messages/bot-name.ts";
import { emoji } from "../core/messages/emoji.ts";
import { option, wholeNumber } from "../command-kit/options.ts";
import { UserError } from "../command-kit/errors.ts";
import { example, exampleOn, type ExampleOption } from "../command-kit/usage.ts";
import { DAY_RANGE, describeDay, digestTraits, normalizeTime, normalizeZone, parseSubscribeWords, wentOutWords } from "../command-kit/subscription-words.ts";
import { cutAtWord, type Reply } from "../core/messages/reply.ts";
import type { Subscription } from "../core/stores/subscriptions.ts";
import { quoted, typed, unquoted } from "../core/messages/typed.ts";

export const DEFAULT_DIGEST_SIZE = 5;
const SIZE_HINT = "The size is how many papers per digest, a number from 1 to 20, like size:5.";
const RANKED_HINT = `Ranked is "trending" (the public trending order) or "team" (what this team reads), like ranked:team.`;
const TOPIC_HINT = "Keep the topic under 200 characters; a few keywords work best, like mixture of experts.";
const DAYS_HINT = `A weekly digest goes out on one day: pick one, like ${example("subscribe", [["every", "weekly"], ["day", "mon"], ["time", "09:00"]])}, or for every day leave "weekly" out, like ${example("subscribe", [["time", "09:00"]])}.`;
const DAY_HINT = `The day is one of mon, tue, wed, thu, fri, sat, sun, like ${example("subscribe", [["every", "weekly"], ["day", "mon"], ["time", "09:00"]])}.`;

const Options = z.object({
  time: option(z.string().default("09:00"), { description: "Local time HH:MM (default 09:00)" }),
  zone: option(z.string().optional(), { description: "IANA time zone, e.g. Europe/Berlin (default: yours where the platform knows it, else UTC)", autocomplete: "timezone" }),
  topic: option(z.string().trim().max(200, TOPIC_HINT).optional().transform((t) => (t && topicAsSearched(t)) || null), { description: "Only papers about this, e.g. mixture of experts" }),
  size: option(wholeNumber(1, 20, SIZE_HINT).default(DEFAULT_DIGEST_SIZE), { description: "Papers per digest (1–20, default 5)" }),
  ranked: option(z.string().toLowerCase().pipe(z.enum(["trending", "team"], { error: RANKED_HINT })).default("trending"),
    { description: "Order: trending (default) or team" }),
  who: option(z.string().toLowerCase().pipe(z.enum(["channel", "me"], { error: `Who is "channel" (this channel) or "me" (a daily DM just for you).` })).default("channel"),
    { description: "channel (default) or me: your own daily picks by DM" }),
  every: option(z.string().toLowerCase().pipe(z.enum(["daily", "weekly"], { error: `Every is "daily" or "weekly".` })).optional(),
    { description: "daily (default) or weekly: the week's most-upvoted papers" }),
  day: option(z.string().refine((d) => !DAY_RANGE.test(d), DAYS_HINT).toLowerCase().transform((d) => d.slice(0, 3)).pipe(z.enum(WEEKDAYS, { error: DAY_HINT })).optional(),
    { description: "Weekly: the day, e.g. mon (default mon)" }),
});

// A topic means what the same words searched mean: '"world model"' is the phrase (core/search/query.ts), so
// it is kept with its quotes, and a digest picks only papers that say "world model". Quotes around one word
// ('"moe"') or single quotes, which search reads as words, add nothing and are dropped.
function topicAsSearched(typedTopic: string): string {
  // A quote never closed ('"world model') is a phrase to the end, as search reads it (query.ts splitQuery).
  const topic = /^["“„«][^"“”„«»]*$/.test(typedTopic) ? `"${typedTopic.slice(1)}"` : typedTopic;
  const inner = unquoted(topic);
  if (inner === topic) return topic;
  return /^["“”„«»]/.test(topic) && /\s/.test(inner) ? topic : inner;
}

// Without a zone, "09:00" means the subscriber's own 09:00 where the platform says what that is (Slack's
// profile zone, the terminal's machine), as Slack's /remind reads a time; else (Discord) UTC for a channel,
// and a question for a personal digest, whose point is the person's morning. The answer names the zone.
// Subscribing yourself again without a zone keeps the zone your digest had.
async function zoneFor(ctx: CommandContext, given: string | undefined, personal: boolean, before: Subscription | null): Promise<string> {
  if (given) return normalizeZone(given);
  const own = await ctx.userTimeZone?.();
  if (own) { try { return normalizeZone(own); } catch { /* a zone this runtime does not know: as if none */ } }
  if (personal && before) return before.timeZone;
  if (!personal || ctx.user.platform === "console") return "UTC";
  // Slack lands here only when it would not say the person's zone (an install without users:read).
  const discord = ctx.user.platform === "discord";
  throw new UserError("missing_zone", `Which time zone are you in? Add it, like ${exampleOn(ctx.user.platform, "subscribe",
    [["who", "me"], ["time", "08:30"], ["zone", "Europe/Berlin"]])}${discord ? " (start typing a city and pick it)" : ""}.`);
}

/** How to subscribe yourself at `time`: with a zone on Discord, which does not tell bots a person's zone. */
export function personalExample(platform: Platform, time: string, zone?: string): string {
  return exampleOn(platform, "subscribe", [["who", "me"], ["time", time], ...(platform === "discord" ? [["zone", zone ?? "Europe/Berlin"] as ExampleOption] : [])]);
}

/** The subscribe command that sets up `s` again as it is, everything it had (subscribing replaces a digest
 * whole): for a paused digest's fix and after an unsubscribe. */
export function subscribeAgain(platform: Platform, s: Subscription): string {
  const weekly = s.cadence === "weekly";
  return exampleOn(platform, "subscribe", [
    ...(targetUserId(s) ? [["who", "me"] as ExampleOption] : []),
    ...(weekly ? [["every", "weekly"], ["day", WEEKDAYS[(s.weekday ?? 1) - 1]!]] as ExampleOption[] : []),
    ["time", s.localTime], ["zone", s.timeZone],
    ...(s.size !== DEFAULT_DIGEST_SIZE ? [["size", `size:${s.size}`, String(s.size)] as ExampleOption] : []),
    ...(s.ranking === "team" ? [["ranked", "ranked:team", "team"] as ExampleOption] : []),
    // The topic as typed, not as markup: "*bold*" is the words with their asterisks, to copy back. Named
    // ("topic:weekly benchmark updates") where its own words would read back as options: "weekly", "size 3",
    // a day or a zone at either end would make pasting it back set up another digest.
    ...(s.topic ? [["topic", typed(readsBackAsTopic(s.topic) ? s.topic : `topic:${s.topic}`), typed(s.topic)] as ExampleOption] : []),
  ]);
}

/** Whether `topic`, typed after a digest's time and zone, is read back as that topic and nothing else. */
function readsBackAsTopic(topic: string): boolean {
  const read = parseSubscribeWords(["09:00", "UTC", ...topic.split(/\s+/)]);
  return read.topic === topic && Object.keys(read).every((key) => ["time", "zone", "topic"].includes(key));
}

/** Why a channel digest could never go out where it was asked for, and where one would. */
function cannotPostHere(ctx: CommandContext, blocked: Exclude<BotReach, "unheard">, time: string): string {
  const yours = `or ${personalExample(ctx.user.platform, time)} for your own picks by DM`;
  switch (blocked) {
    case "permissions":
      return `I can't post digests in ${channelMention(ctx.channel, ctx.channel)}: papers-bot needs View Channels, Send Messages and Embed Links there. ` +
        "Ask an admin to allow them, then subscribe again.";
    case "not_member":
      return `I'm not in this conversation, so its digest could never arrive: invite me with /invite ${botHandle()} and subscribe again, ${yours}.`;
    case "others_dm":
      return `I can't post in a direct message between people, so a digest here could never arrive: subscribe in a channel I'm in (or in your DM with me), ${yours}.`;
  }
}

/** " Invite me …" when reactions to the digest would not reach the bot: a 🔖 on its papers would save nothing. */
function unheard(reach: BotReach | null | undefined): string {
  return reach === "unheard" ? ` Invite me with /invite ${botHandle()} too, so a ${emoji("bookmark")} on its papers reaches me.` : "";
}

type DigestSettings = Pick<Subscription, "localTime" | "timeZone" | "topic" | "size" | "ranking" | "weekday">;

/** Whether a subscribe typed again asks for the digest there was. */
function sameDigest(before: Subscription, after: DigestSettings): boolean {
  return (["localTime", "timeZone", "topic", "size", "ranking", "weekday"] as const).every((k) => before[k] === after[k]);
}

/** " It replaces …" naming the digest a subscribe replaced, or "" when there was none; when the same digest
 * was typed again, that it was so already (or, paused, that it is back on), not that it replaced itself. */
function replaced(before: Subscription | null, after: DigestSettings): string {
  if (!before) return "";
  if (sameDigest(before, after)) return before.pausedReason ? " It was paused, and is back on as it was." : " It was set up so already; nothing changed.";
  const day = before.cadence === "weekly" ? `${WEEKDAYS[(before.weekday ?? 1) - 1]} ` : "";
  return ` It replaces the one before (${[`${day}${before.localTime} ${before.timeZone}`, ...digestTraits(before, about)].join(", ")}).`;
}

// Words that say when, not what: a whole topic of one of them is a start or a time misread.
const WHEN_WORDS = /^(today|tomorrow|tonight|now|every ?day|(?:every |this |in the )?(?:morning|afternoon|evening|night))$/i;

/** "9 tomorrow", "tomorrow 9": when-words and a bare hour (a topic word beside others, subscription-words.ts). */
const whenOnly = (topic: string): boolean => {
  const words = topic.split(/\s+/);
  return words.some((w) => WHEN_WORDS.test(w)) && words.every((w) => WHEN_WORDS.test(w) || /^\d{1,2}$/.test(w));
};

// Words that mean "no more digests": "subscribe off" was a digest about "off", and replaced (its settings lost)
// the very digest the person meant to stop. There is no pause; unsubscribe's answer brings it back later.
const STOP_WORDS = /^(off|stop|cancel|none|pause|disable|unsubscribe|remove|delete)$/i;

// How often, in words the digest has no schedule for ("hourly", "monthly", "weekdays", "twice a day"): a whole
// topic of them is a cadence asked for, not papers about "monthly" every day in place of the digest there was.
const OFTEN_WORDS = /^(hourly|monthly|yearly|annually|quarterly|bi-?weekly|fortnightly|semi-?weekly|week-?days?|week-?ends?|work-?days?|twice|thrice|hours?|months?)$/i;
const OFTEN_FILLER = /^(every|each|other|once|a|per|an|day|days|week|weeks|times|two|three|on|only)$/i;
const cadenceOnly = (topic: string): boolean => {
  const words = topic.split(/\s+/);
  return words.some((w) => OFTEN_WORDS.test(w)) && words.every((w) => OFTEN_WORDS.test(w) || OFTEN_FILLER.test(w));
};

/** A topic in subscribe's answers: "about "…"", cut at a word to a line's worth. */
const about = (topic: string): string => `about ${quoted(cutAtWord(topic, 80))}`;

export const subscribeCommand = defineCommand({
  data: {
    name: "subscribe",
    description: "Daily or weekly trending papers for this channel, or your own daily picks by DM",
    usage: "subscribe [me] [weekly mon] [HH:MM] [time zone] [topic words…] [size:1-20] [ranked:team]   e.g. subscribe 09:00 Europe/Berlin mixture of experts · subscribe me 08:30 · subscribe weekly mon 09:00",
    options: Options,
    permission: "manageChannel",
    selfService: (raw) => saysMe(raw.who),
  },
  parseText: parseSubscribeWords,
  readsNamedWords: true,
  async execute(ctx, input): Promise<Reply> {
    const personal = input.who === "me";
    // A day says weekly ("subscribe fri 09:00", Discord's day:fri alone): only a weekly digest has one.
    if (input.every === "daily" && input.day !== undefined) {
      throw new UserError("daily_with_day", `A daily digest comes every day; for one on ${input.day} only, use ${exampleOn(ctx.user.platform, "subscribe",
        [["every", "weekly"], ["day", input.day], ["time", input.time]])}.`);
    }
    const weekly = input.every === "weekly" || (input.every === undefined && input.day !== undefined);
    if (personal && weekly) {
      // The time typed, else the digest's own: what would have been meant daily.
      const mine = await ctx.services.subscriptions.get(personalTarget(ctx.user));
      let time = mine?.localTime ?? "08:30";
      try { time = input.time === "09:00" && mine ? time : normalizeTime(input.time); } catch { /* said when subscribed daily */ }
      throw new UserError("personal_weekly", `Your personal digest is daily; ${personalExample(ctx.user.platform, time, input.zone ?? mine?.timeZone)} sets its time.`);
    }
    // The examples keep what was asked for: a personal or weekly digest, not this channel's daily one.
    const kind = (): ExampleOption[] => [...(personal ? [["who", "me"] as ExampleOption] : []),
      ...(weekly ? [["every", "weekly"], ["day", input.day ?? "mon"]] as ExampleOption[] : []), ["time", normalizeTime(input.time)],
      ...(input.zone ? [["zone", input.zone] as ExampleOption] : [])];
    // "#random" among the words was meant as where the digest goes (command-kit/named-channel.ts).
    const named = input.topic ? channelNamedIn(input.topic) : null;
    if (named) {
      const rest: ExampleOption[] = named.rest ? [["topic", typed(named.rest)]] : [];
      throw new UserError("channel_in_topic", personal
        ? `${quoted(named.channel)} names a channel; your own digest comes by DM, and its topic is words: type it without the #.`
        : `${quoted(named.channel)} names a channel, and a digest goes to the channel it is set up in: run ${exampleOn(ctx.user.platform, "subscribe", [...kind(), ...rest])} ` +
          "in that channel itself (invite me there first if it is private). For papers about the word, type it without the #.");
    }
    // A topic of only common words ("the", "at") would pick nearly every paper, as a search of them would;
    // one of only words to leave out ("-survey") would pick none.
    const topicSplit = input.topic ? splitQuery(input.topic) : null;
    if (input.topic && topicSplit && onlyCommonWords(topicSplit.rest)) {
      throw new UserError("vague_topic", `${nothingToLookFor(input.topic.slice(0, 40), onlyLeftOut(topicSplit),
        (topic) => exampleOn(ctx.user.platform, "subscribe", [...kind(), ["topic", topic]]))}, or leave the topic out for all trending papers.`);
    }
    // "subscribe tomorrow", "subscribe now": when to start, which a digest decides by itself (its next time),
    // not papers about "tomorrow" every day.
    if (input.topic && (WHEN_WORDS.test(input.topic) || whenOnly(input.topic))) {
      throw new UserError("when_as_topic", `${quoted(input.topic)} isn't a topic or a time I can read: a digest comes at its time of day, starting with the next one, like ${exampleOn(ctx.user.platform, "subscribe", kind())}.`);
    }
    if (input.topic && cadenceOnly(input.topic)) {
      if (personal) throw new UserError("cadence_as_topic", `${quoted(input.topic)} isn't a schedule I have: your own digest comes every day, like ${personalExample(ctx.user.platform, normalizeTime(input.time), input.zone)}.`);
      throw new UserError("cadence_as_topic", `${quoted(input.topic)} isn't a schedule I have: a digest comes every day, like ${exampleOn(ctx.user.platform, "subscribe",
        [["time", normalizeTime(input.time)]])}, or once a week on one day, like ${exampleOn(ctx.user.platform, "subscribe", [["every", "weekly"], ["day", input.day ?? "mon"], ["time", normalizeTime(input.time)]])}.`);
    }
    if (input.topic && STOP_WORDS.test(input.topic)) {
      const which: ExampleOption[] = personal ? [["which", "me"]] : weekly ? [["which", "weekly"]] : [];
      const whose = personal ? "your own digest" : weekly ? "this channel's weekly digest" : "this channel's digest";
      throw new UserError("stop_as_topic", `${quoted(input.topic)} isn't a topic: to stop ${whose}, use ${exampleOn(ctx.user.platform, "unsubscribe", which)} ` +
        "(its answer gives the subscribe command that brings it back).");
    }
    const localTime = normalizeTime(input.time);
    // A personal digest's picks are ranked for the person (their bookmarks): there is no team order to choose.
    if (personal && input.ranked === "team") {
      throw new UserError("personal_ranked", `Your personal digest is ranked for you, from your bookmarks; ranked:team is for a channel's digest, like ${exampleOn(ctx.user.platform, "subscribe",
        [["time", localTime], ["ranked", "ranked:team", "team"]])} in that channel.`);
    }
    // A weekly digest is the week's most-upvoted papers (core/digest/weekly.ts): no team order to apply.
    if (weekly && input.ranked === "team") {
      throw new UserError("weekly_ranked", `A weekly digest lists the week's most-upvoted papers, so it has no team ranking; ranked:team is for a daily digest, like ${exampleOn(ctx.user.platform, "subscribe",
        [["time", localTime], ["ranked", "ranked:team", "team"]])}.`);
    }
    const reach = personal ? null : await ctx.botReach?.();
    if (reach && reach !== "unheard") throw new UserError("bot_cannot_post", cannotPostHere(ctx, reach, localTime));
    const target: ChannelRef = personal ? personalTarget(ctx.user) : ctx.channel;
    const weekday = weekly ? WEEKDAYS.indexOf(input.day ?? "mon") + 1 : null;
    // Subscribing again replaces the digest whole: what was not typed again goes back to its default, so
    // the answer names what was there before.
    const before = await ctx.services.subscriptions.get(target, weekly ? "weekly" : "daily");
    const timeZone = await zoneFor(ctx, input.zone, personal, before);
    const schedule = { localTime, timeZone };
    const settings = { localTime, timeZone, topic: input.topic, size: input.size, ranking: input.ranked, weekday };
    await ctx.services.subscriptions.upsert(target, { ...settings, createdBy: ctx.user.userId, cadence: weekly ? "weekly" : "daily" });
    // A pause stops both of a channel's digests (paused.ts: it is the channel that failed), so subscribing again
    // in the channel, the fix made, brings back the other one too. A personal digest has no other.
    const other = weekly ? "daily" : "weekly";
    const resumedOther = !personal && await ctx.services.subscriptions.resume(target, other);
    // The period's time already passed: the first digest is the next one, not a "late" one right now.
    const { deliveries } = ctx.services;
    const today = localDate(ctx.now, timeZone);
    const runDate = weekly ? addDays(today, weekday! - isoWeekday(today)) : today;
    const period = weekly ? isoWeek(today) : today;
    const runAt = runDate <= today ? fireTime(runDate, schedule) : null;
    const passed = runAt !== null && runAt.getTime() <= ctx.now.getTime();
    // A digest that failed before sending anything did not go out: subscribing again (the fix made) starts afresh.
    await deliveries.forgetFailedDay(target, period);
    // The same digest typed again changes nothing, today's included: one still owed (its time passed while no
    // tick ran) goes out late, as it would have without the second subscribe. So does a paused one typed again
    // once its channel is fixed (what the pause's DM asks for): its day failed before sending anything, forgotten
    // above, so it was owed all along, where skipping it said "tomorrow" to someone who fixed it minutes late.
    const unchanged = before !== null && sameDigest(before, settings);
    if (passed && !unchanged) await deliveries.skipDay(target, period, `subscribe:${ctx.user.userId}`, ctx.now);
    else if (!passed) await deliveries.unskipDay(target, period);
    // Rows for the periods after this one can only be from the zone the digest had before (one further east):
    // one that failed before sending, or was skipped for a time then passed, did not go out either.
    const later = (weekly ? upcomingWeeks(weekday!, today).map(isoWeek) : upcomingDates(schedule, ctx.now)).slice(1);
    for (const p of later) { await deliveries.forgetFailedDay(target, p); await deliveries.unskipDay(target, p); }
    // The ledger keys on (channel, local date): a date already delivered, even under the zone before, gets no
    // second digest, so the next is the first one it has no row for, and the answer says why it is later.
    const next = await nextDigest(deliveries, target, schedule, weekday, ctx.now);
    // Typed again unchanged after its time with this period's digest still owed: that one goes out at the next tick.
    const owed = unchanged && passed && !(await deliveries.existing(target, [period])).has(period);
    const when = owed ? "within a minute, late, as its time passed while none went out"
      : `${describeDay(next.at, today, timeZone)}, ${describeWait(next.at.getTime() - ctx.now.getTime())}`;
    // Why the next is later, beside what it brings, in one pair of brackets: "(today's went out already; 5 papers)".
    // A later date can only have gone out on the digest's old zone's clock: name it, or "tomorrow" reads as wrong.
    const earlier = before && before.timeZone !== timeZone && next.wentOut.some((date) => date > today)
      ? ` at ${before.localTime} ${before.timeZone}, as it was set before` : "";
    const wentOut = next.wentOut.length ? `${wentOutWords(next.wentOut, today, weekly)}${earlier}` : null;
    const what = digestTraits({ size: input.size, ranking: input.ranked, topic: input.topic }, about).join(", ");
    // A topic word no paper has yet: nothing is picked for the topic (core/relevance.ts) until one does; say so now.
    const missing = input.topic && searchableTopic(ctx.services.catalog.index, input.topic) === null
      ? missingWordsText(ctx.services.catalog.index, input.topic) : null;
    // "subscribe 09:00 Berlin", "09:00 New York": a city typed where the zone goes reads as the topic (some paper
    // may well say "new" and "york"); the answer offers the zone.
    const city = input.topic && !input.zone ? zoneOfCity(input.topic) : null;
    const unmet = (missing ? ` No paper mentions ${missing} yet, so nothing is picked for the topic until one does.` : "") +
      (city ? ` If you meant the time zone, subscribe again with ${city}.` : "");
    if (personal) {
      const seeds = (await profileOf(ctx.services, ctx.user)).seedIds.length;
      const basis = seeds >= MIN_SEEDS ? (input.topic ? "the topic's papers, ranked by your bookmarks" : "picked from your bookmarks")
        : `from today's trending papers${input.topic ? " on your topic" : ""} until you have ${MIN_SEEDS} bookmarks`;
      return { visibility: "ephemeral", tone: "info",
        // The terminal has no direct messages: a personal digest prints in the session, as a channel's does.
        text: `You'll get your own papers ${ctx.user.platform === "console" ? "here" : "by direct message"} every day at ${localTime} ${timeZone}: next ${when} (${[wentOut, what, basis].filter(Boolean).join("; ")}).${unmet}${replaced(before, settings)} ` +
          `Stop with ${exampleOn(ctx.user.platform, "unsubscribe", [["which", "me"]])}.` };
    }
    const cadence = weekly ? ` (weekly on ${weekdayName(weekday!)}, the week's most-upvoted)` : "";
    return { visibility: "ephemeral", tone: "info",
      text: `Subscribed ${channelMention(ctx.channel, ctx.channel)}${cadence}: next digest ${when} (${[wentOut, what].filter(Boolean).join("; ")})${resumedOther ? `; the ${other} digest here, paused with it, is back on too` : ""}.${unmet}${replaced(before, settings)}${unheard(reach)} ` +
        `Change it by subscribing again; stop it with ${exampleOn(ctx.user.platform, "unsubscribe", weekly ? [["which", "weekly"]] : [])}.` };
  },
});
