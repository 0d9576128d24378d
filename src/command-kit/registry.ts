import type { Command } from "./command.ts";

/** Commands by name; a second command with a taken name is a programming error, caught at start-up. */
export class CommandRegistry {
  private readonly byName = new Map<string, Command>();

  constructor(commands: Command[]) {
    for (const command of commands) {
      if (this.byName.has(command.data.name)) throw new Error(`Two commands are named "${command.data.name}".`);
      this.byName.set(command.data.name, command);
    }
  }

  get(name: string): Command | undefined { return this.byName.get(name); }
  has(name: string): boolean { return this.byName.has(name); }
  list(): Command[] { return [...this.byName.values()]; }
  visible(): Command[] { return this.list().filter((c) => !c.data.hidden); }

  /** The visible command typed words start with, and the words after it: "not interested 2" is not-interested too, "for you" foryou.
   * Punctuation typed after a name ("trending,", "help.") is a slip, not a search for "trending,". */
  lookup(words: string[]): [Command | undefined, string[]] {
    // Full-width letters ("ｔｒｅｎｄｉｎｇ", from an East Asian keyboard) are the name too (NFKC).
    const [first = "", second = ""] = words.slice(0, 2).map((w) => w.normalize("NFKC").toLowerCase().replace(/(?<=[a-z])[.,;:!?]+$/, ""));
    const one = this.get(first);
    if (one && !one.data.hidden) return [one, words.slice(1)];
    // Typed apart, hyphen or none: "not interested" is not-interested, "for you" foryou.
    const two = second ? this.get(`${first}-${second}`) ?? this.get(`${first}${second}`) : undefined;
    return two && !two.data.hidden ? [two, words.slice(2)] : [undefined, words];
  }
}
