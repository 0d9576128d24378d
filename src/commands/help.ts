import { z } from "zod";
import { defineCommand, type Command } from "../command-kit/command.ts";
import type { Reply } from "../core/messages/reply.ts";

/** Help is built from the registered commands, so it never lists one that does not exist. */
export function helpCommand(list: () => Command[]) {
  return defineCommand({
    data: {
      name: "help",
      description: "What papers-bot can do",
      usage: "help",
      options: z.object({}),
    },
    async execute(): Promise<Reply> {
      const lines = list().filter((c) => !c.data.hidden).map((c) => `• /papers ${c.data.usage} — ${c.data.description}`);
      return {
        visibility: "ephemeral", tone: "info",
        text: ["papers-bot keeps your team on top of trending ML papers. Type /papers <words> to search, or:", ...lines,
          "Lists are numbered: /papers bookmark 2 saves paper 2 of the last list you saw here (similar, paper and unbookmark take a number too).",
          "React with 🔖 to any paper the bot posted to bookmark it; remove the reaction to remove it."].join("\n"),
      };
    },
  });
}
