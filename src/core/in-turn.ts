// Work on one thing done one at a time, in the order it came: a 🔖 added and taken off and added again within
// a second arrive as three events handled at once, whose database reads and answers then cross ("already in
// your bookmarks" for one never saved, "you marked it read" for one unread). Keyed, so other people's and
// other papers' work goes on beside it. In this process: a platform sends one person's events to one bot.
export class InTurn {
  private readonly last = new Map<string, Promise<unknown>>();

  /** Runs `work` once everything queued before it under `key` has finished (well or not). */
  run<T>(key: string, work: () => Promise<T>): Promise<T> {
    const before = this.last.get(key) ?? Promise.resolve();
    const mine = before.catch(() => {}).then(work);
    const settled = mine.catch(() => {});
    this.last.set(key, settled);
    // The last in line clears the key, so the map holds only work still queued.
    void settled.then(() => { if (this.last.get(key) === settled) this.last.delete(key); });
    return mine;
  }
}
