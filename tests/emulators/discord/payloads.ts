// Discord-shaped objects the emulator sends: just the fields discord.js 14 reads, with Discord's types.
const DISCORD_EPOCH = 1420070400000n;
let sequence = 0n;

/** A fresh snowflake for that instant (default now): time-ordered like Discord's, unique within this process. */
export function snowflake(atMs: number = Date.now()): string {
  sequence = (sequence + 1n) & 0xfffn;
  return String(((BigInt(Math.floor(atMs)) - DISCORD_EPOCH) << 22n) | (1n << 17n) | sequence);
}

export interface EmulatedUser { id: string; username: string; bot?: boolean }
/** `type`: Discord's channel type, 0 (text) unless said: 2 is a voice channel (with its text chat), 5 announcements. */
export interface EmulatedChannel { id: string; name: string; type?: number }
export interface EmulatedGuild { id: string; name: string; channels: EmulatedChannel[] }

const MEMBER = (1n << 10n) | (1n << 11n) | (1n << 16n) | (1n << 6n) | (1n << 31n) | (1n << 35n) | (1n << 38n);

export const PERMISSIONS = {
  /** View, send, read history, add reactions, use application commands, create public threads and send in
   * threads (Discord's default for @everyone): an ordinary member. */
  member: String(MEMBER),
  /** The same plus Manage Channels. */
  manageChannels: String(MEMBER | (1n << 4n)),
  /** An ordinary member in a read-only channel: no Send Messages, no threads. */
  readOnly: String(MEMBER & ~((1n << 11n) | (1n << 35n) | (1n << 38n))),
  /** An ordinary member who may post but not start threads (Create Public Threads denied). */
  noThreads: String(MEMBER & ~(1n << 35n)),
  /** The bot as `papers discord invite` adds it: add reactions, view, send, embed links, attach files, read
   * history, create public threads, send in threads. */
  bot: String((1n << 6n) | (1n << 10n) | (1n << 11n) | (1n << 14n) | (1n << 15n) | (1n << 16n) | (1n << 35n) | (1n << 38n)),
  /** The bot in a channel it may see but not post in. */
  botReadOnly: String((1n << 6n) | (1n << 10n) | (1n << 16n)),
};

export function userObject(user: EmulatedUser) {
  return { id: user.id, username: user.username, discriminator: "0", global_name: user.username, avatar: null, bot: user.bot ?? false };
}

export function readyPayload(bot: EmulatedUser, applicationId: string, guilds: EmulatedGuild[], resumeUrl: string) {
  return {
    v: 10, user: { ...userObject({ ...bot, bot: true }), verified: true, mfa_enabled: false, flags: 0 },
    guilds: guilds.map((g) => ({ id: g.id, unavailable: true })),
    session_id: snowflake(), resume_gateway_url: resumeUrl, shard: [0, 1],
    application: { id: applicationId, flags: 0 }, private_channels: [], relationships: [], presences: [],
  };
}

export function channelObject(guildId: string, channel: EmulatedChannel, position = 0) {
  return { id: channel.id, type: channel.type ?? 0, guild_id: guildId, name: channel.name, position, permission_overwrites: [], nsfw: false, parent_id: null, topic: null, last_message_id: null, rate_limit_per_user: 0 };
}

export function guildCreatePayload(guild: EmulatedGuild, bot: EmulatedUser, threads: ThreadRecord[] = []) {
  return {
    id: guild.id, name: guild.name, icon: null, splash: null, discovery_splash: null, owner_id: snowflake(),
    afk_channel_id: null, afk_timeout: 300, verification_level: 0, default_message_notifications: 0, explicit_content_filter: 0,
    roles: [{ id: guild.id, name: "@everyone", permissions: PERMISSIONS.member, position: 0, color: 0, hoist: false, managed: false, mentionable: false, flags: 0 }],
    emojis: [], stickers: [], features: [], mfa_level: 0, application_id: null, system_channel_id: null, system_channel_flags: 0,
    rules_channel_id: null, vanity_url_code: null, description: null, banner: null, premium_tier: 0, preferred_locale: "en-US",
    public_updates_channel_id: null, nsfw_level: 0, premium_progress_bar_enabled: false,
    joined_at: new Date().toISOString(), large: false, unavailable: false, member_count: 2,
    members: [{ user: userObject({ ...bot, bot: true }), roles: [], joined_at: new Date().toISOString(), deaf: false, mute: false, flags: 0 }],
    channels: guild.channels.map((c, i) => channelObject(guild.id, c, i)), threads, presences: [], voice_states: [],
    stage_instances: [], guild_scheduled_events: [],
  };
}

export function memberObject(user: EmulatedUser, permissions: string) {
  return { user: userObject(user), roles: [], joined_at: new Date().toISOString(), deaf: false, mute: false, flags: 0, permissions, nick: null, avatar: null, pending: false };
}

export interface MessageRecord {
  id: string; channel_id: string; content: string; embeds: unknown[]; components: unknown[]; flags: number;
  author: ReturnType<typeof userObject>; nonce?: string | number; timestamp: string; attachments: unknown[];
  /** The thread started from this message, as Discord includes it. */
  thread?: ThreadRecord;
  /** Who the message notified (pingsOf): what Discord reports as mention_everyone, mentions and mention_roles. */
  pings?: Pings;
}

export interface Pings { everyone: boolean; users: string[]; roles: string[] }

/**
 * Who a message's content notifies, as Discord decides it: @everyone / @here, <@id> (or <@!id>) and <@&id>
 * in the content, filtered by allowed_mentions. Without allowed_mentions every kind is parsed; with it, only
 * the kinds in `parse` and the ids listed in `users` / `roles`. (The bot's permission to mention @everyone
 * is not modelled: a message that would ping everyone is counted as doing so.)
 */
export function pingsOf(body: any): Pings {
  const content = String(body?.content ?? "");
  const allowed = body?.allowed_mentions;
  const parse: string[] = allowed ? (Array.isArray(allowed.parse) ? allowed.parse : []) : ["everyone", "users", "roles"];
  const listed = (kind: "users" | "roles"): string[] => (allowed && Array.isArray(allowed[kind]) ? allowed[kind].map(String) : []);
  const found = (pattern: RegExp) => [...new Set([...content.matchAll(pattern)].map((m) => m[1]!))];
  const users = found(/<@!?(\d+)>/g), roles = found(/<@&(\d+)>/g);
  return {
    everyone: parse.includes("everyone") && /@(everyone|here)\b/.test(content),
    users: users.filter((id) => parse.includes("users") || listed("users").includes(id)),
    roles: roles.filter((id) => parse.includes("roles") || listed("roles").includes(id)),
  };
}

/** A public thread started from a message: Discord gives it the message's id. */
export interface ThreadRecord { id: string; type: 11; guild_id: string; parent_id: string; name: string; owner_id: string;
  auto_archive_duration: number; message_count: number; member_count: number;
  thread_metadata: { archived: boolean; auto_archive_duration: number; archive_timestamp: string; locked: boolean } }

export function messageObject({ pings, ...message }: MessageRecord) {
  return {
    type: 0, tts: false, pinned: false, edited_timestamp: null, ...message,
    mention_everyone: pings?.everyone ?? false, mentions: (pings?.users ?? []).map((id) => ({ id })), mention_roles: pings?.roles ?? [],
  };
}
