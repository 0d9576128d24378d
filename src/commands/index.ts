// Every command, once. Slack's manifest, Discord's registration, help and the terminal all read this list.
import type { Command } from "../command-kit/command.ts";
import { CommandRegistry } from "../command-kit/registry.ts";
import { helpCommand } from "./help.ts";
import { searchCommand } from "./search.ts";
import { trendingCommand } from "./trending.ts";
import { paperCommand } from "./paper.ts";
import { bookmarksCommand } from "./bookmarks.ts";
import { bookmarkCommand, unbookmarkCommand } from "./bookmark.ts";
import { exportCommand } from "./export.ts";
import { noteCommand } from "./note.ts";
import { similarCommand } from "./similar.ts";
import { foryouCommand } from "./foryou.ts";
import { subscribeCommand } from "./subscribe.ts";
import { unsubscribeCommand } from "./unsubscribe.ts";
import { subscriptionsCommand } from "./subscriptions.ts";
import { notInterestedCommand } from "./not-interested.ts";

export function createRegistry(): CommandRegistry {
  const commands: Command[] = [
    searchCommand,
    trendingCommand,
    paperCommand,
    bookmarksCommand,
    bookmarkCommand,
    unbookmarkCommand,
    exportCommand,
    noteCommand,
    similarCommand,
    foryouCommand,
    notInterestedCommand,
    subscribeCommand,
    unsubscribeCommand,
    subscriptionsCommand,
  ];
  const registry: CommandRegistry = new CommandRegistry([...commands, helpCommand(() => registry)]);
  return registry;
}
