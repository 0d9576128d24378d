// Discord gives a direct message no server. A person's reading list, "not interested" marks and personal
// digest live in a server's workspace (the data is per workspace, as on Slack), so a click or a 🔖 in their
// DMs counts in the server their personal digest comes from (the newest, if several). With none, their DMs
// are a workspace of their own.
import type { Services } from "../../core/services.ts";
import { personalTarget } from "../../core/person-target.ts";

import { DM_WORKSPACE } from "../../core/channel.ts";

export { DM_WORKSPACE };

export async function workspaceOf(services: Pick<Services, "subscriptions">, guildId: string | null, userId: string): Promise<string> {
  if (guildId) return guildId;
  const own = personalTarget({ platform: "discord", workspaceId: DM_WORKSPACE, userId }).channelId;
  const mine = (await services.subscriptions.all()).filter((s) => s.platform === "discord" && s.channelId === own);
  return mine.sort((a, b) => b.updatedAt.getTime() - a.updatedAt.getTime())[0]?.workspaceId ?? DM_WORKSPACE;
}
