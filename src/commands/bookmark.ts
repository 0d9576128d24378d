// `/papers bookmark 2` and `/papers unbookmark 2`: the short forms of `bookmarks add|remove`, for a paper
// by its number in the list just shown (command-kit/paper-ref.ts) or by its id.
import { defineCommand } from "../command-kit/command.ts";
import { paperIdOptions } from "../command-kit/paper-id.ts";
import type { Reply } from "../core/messages/reply.ts";
import { change } from "./bookmarks.ts";

export const bookmarkCommand = defineCommand({
  data: {
    name: "bookmark",
    description: "Save a paper to your reading list: its number in the last list, or its id",
    usage: "bookmark <number or id>",
    options: paperIdOptions("bookmark"),
  },
  execute: (ctx, { id }): Promise<Reply> => change(ctx, "add", id),
});

export const unbookmarkCommand = defineCommand({
  data: {
    name: "unbookmark",
    description: "Remove a paper from your reading list: its number in the last list, or its id",
    usage: "unbookmark <number or id>",
    options: paperIdOptions("unbookmark", "bookmark"),
  },
  execute: (ctx, { id }): Promise<Reply> => change(ctx, "remove", id),
});
