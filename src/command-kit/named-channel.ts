// A channel named among a digest's topic words ("subscribe #random 09:00", as Slack's /remind and /feed take
// one): meant as where the digest goes, not what it is about. A digest goes to the channel it is set up in,
// so subscribe says so instead of filtering this channel's digest by the channel's name.

/** "#random" as typed (Slack sends a channel as typed), Slack's "<#C123|random>" markup, Discord's "<#123…>". */
const CHANNEL = /^(?:#\p{L}[\p{L}\p{N}_.-]*|<#[A-Z0-9]+(?:\|[^>]*)?>|<#\d{5,25}>)$/u;

/** The first word of `topic` naming a channel, and the topic's other words; null when none does. */
export function channelNamedIn(topic: string): { channel: string; rest: string } | null {
  const words = topic.trim().split(/\s+/);
  const channel = words.find((word) => CHANNEL.test(word));
  return channel ? { channel, rest: words.filter((word) => word !== channel).join(" ") } : null;
}
