// The k best of many scored docs without sorting them all: a min-heap of size k whose root is the
// weakest kept doc. Ties break on the lower doc number, i.e. the paper indexed first (trending rank).

export class TopK {
  private readonly docs: number[] = [];
  private readonly scores: number[] = [];
  // What the scorer says of each kept doc beside its score (score.ts: whether it has every word asked for).
  private readonly whole: boolean[] = [];
  constructor(private readonly k: number) {}

  /** a ranks below b */
  private below(i: number, j: number): boolean {
    const si = this.scores[i]!, sj = this.scores[j]!;
    return si < sj || (si === sj && this.docs[i]! > this.docs[j]!);
  }

  offer(doc: number, score: number, whole = true): void {
    if (this.k <= 0) return;
    const n = this.docs.length;
    if (n < this.k) {
      this.docs.push(doc); this.scores.push(score); this.whole.push(whole);
      this.up(n);
    } else if (score > this.scores[0]! || (score === this.scores[0]! && doc < this.docs[0]!)) {
      this.docs[0] = doc; this.scores[0] = score; this.whole[0] = whole;
      this.down(0);
    }
  }

  private swap(i: number, j: number): void {
    [this.docs[i], this.docs[j]] = [this.docs[j]!, this.docs[i]!];
    [this.scores[i], this.scores[j]] = [this.scores[j]!, this.scores[i]!];
    [this.whole[i], this.whole[j]] = [this.whole[j]!, this.whole[i]!];
  }

  private up(i: number): void {
    while (i > 0) {
      const parent = (i - 1) >> 1;
      if (!this.below(i, parent)) break;
      this.swap(i, parent); i = parent;
    }
  }

  private down(i: number): void {
    const n = this.docs.length;
    for (;;) {
      const l = 2 * i + 1, r = l + 1;
      let least = i;
      if (l < n && this.below(l, least)) least = l;
      if (r < n && this.below(r, least)) least = r;
      if (least === i) return;
      this.swap(i, least); i = least;
    }
  }

  /** Best first. */
  sorted(): { doc: number; score: number; whole: boolean }[] {
    return this.docs.map((doc, i) => ({ doc, score: this.scores[i]!, whole: this.whole[i]! }))
      .sort((a, b) => b.score - a.score || a.doc - b.doc);
  }
}
