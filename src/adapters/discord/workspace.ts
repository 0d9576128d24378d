// Discord gives a direct message no server. A person's reading list, "not interested" marks and personal
// digest live in a server's workspace (the data is per workspace, as on Slack), so a click or a 🔖 in their
// DMs counts in the server their personal digest comes from (the newest, if several); before they have one,
// in the server they last used the bot in. With neither, their DMs are a workspace of their own.
import type { Services } from "../../core/services.ts";
import { personalTarget } from "../../core/person-target.ts";

import { DM_WORKSPACE } from "../../core/channel.ts";

export { DM_WORKSPACE };

export async function workspaceOf(services: Pick<Services, "subscriptions" | "bookmarks" | "lastLists">, guildId: string | null, userId: string): Promise<string> {
  if (guildId) return guildId;
  const own = personalTarget({ platform: "discord", workspaceId: DM_WORKSPACE, userId }).channelId;
  const mine = (await services.subscriptions.all()).filter((s) => s.platform === "discord" && s.channelId === own);
  const digest = mine.sort((a, b) => b.updatedAt.getTime() - a.updatedAt.getTime())[0]?.workspaceId;
  if (digest) return digest;
  // No personal digest yet: the server they last used the bot in (a list seen, a paper saved), so a reading
  // list kept there shows here and a personal digest started here is that server's, not a second one.
  const seen = await Promise.all([services.bookmarks.lastWorkspaceOf("discord", userId, DM_WORKSPACE),
    services.lastLists.lastWorkspaceOf("discord", userId, DM_WORKSPACE)]);
  const [last] = seen.filter((s) => s !== null).sort((a, b) => b.at.getTime() - a.at.getTime());
  return last?.workspaceId ?? DM_WORKSPACE;
}
