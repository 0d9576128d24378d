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
}
