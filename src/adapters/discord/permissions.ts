// The Discord permissions the bot uses, and nothing more: `papers discord invite` asks for exactly these.
// Bit values are Discord's (discord.com/developers/docs/topics/permissions); kept as plain numbers so the
// one-shot command does not load discord.js just to print a URL (tests check them against discord.js).
export const BOT_PERMISSIONS = [
  { name: "Add Reactions", flag: "AddReactions", bit: 1n << 6n, why: "confirm a 🔖 bookmark with ✅ when the person does not accept direct messages" },
  { name: "View Channels", flag: "ViewChannel", bit: 1n << 10n, why: "see the channels it posts digests to" },
  { name: "Send Messages", flag: "SendMessages", bit: 1n << 11n, why: "post digests and shared papers" },
  { name: "Embed Links", flag: "EmbedLinks", bit: 1n << 14n, why: "papers are sent as embeds" },
  { name: "Attach Files", flag: "AttachFiles", bit: 1n << 15n, why: "reading-list exports (BibTeX, Markdown)" },
  { name: "Read Message History", flag: "ReadMessageHistory", bit: 1n << 16n, why: "find a digest message after a restart, and the message a 🔖 reaction is on" },
  { name: "Create Public Threads", flag: "CreatePublicThreads", bit: 1n << 35n, why: "open a paper's Discuss thread on its message" },
  { name: "Send Messages in Threads", flag: "SendMessagesInThreads", bit: 1n << 38n, why: "post the abstract and links in that thread" },
] as const;

export const BOT_PERMISSION_BITS = BOT_PERMISSIONS.reduce((all, p) => all | p.bit, 0n);

/** The OAuth2 URL that adds the bot (with its slash commands) to a server with exactly BOT_PERMISSIONS. */
export function inviteUrl(applicationId: string): string {
  const query = new URLSearchParams({ client_id: applicationId, scope: "bot applications.commands", permissions: BOT_PERMISSION_BITS.toString() });
  return `https://discord.com/oauth2/authorize?${query.toString().replace(/\+/g, "%20")}`;
}
