// Group commit for the digest ledger: a fan-out has hundreds of channels writing the same kinds of rows
// at about the same moments (everyone claims at the start of a tick, and settles a window after each
// round of posts). Requests made while a batch is being written go into the next batch, so one writer
// never waits longer than one batch, and a quiet tick still writes at once.
export class Coalescer<Req, Res> {
  private queue: { req: Req; resolve: (res: Res) => void; reject: (error: unknown) => void }[] = [];
  private running = false;

  /** `run` answers a batch in order; a batch that fails is retried one request at a time, so one bad
   * request fails alone. */
  constructor(private readonly run: (reqs: Req[]) => Promise<Res[]>, private readonly maxBatch = 200) {}

  submit(req: Req): Promise<Res> {
    return new Promise<Res>((resolve, reject) => {
      this.queue.push({ req, resolve, reject });
      if (!this.running) void this.drain();
    });
  }

  private async drain(): Promise<void> {
    this.running = true;
    // Let the callers woken by the same event (a round of posts answered together) join this batch.
    await new Promise((resolve) => setImmediate(resolve));
    while (this.queue.length > 0) {
      const batch = this.queue.splice(0, this.maxBatch);
      try {
        const results = await this.run(batch.map((b) => b.req));
        batch.forEach((b, i) => b.resolve(results[i]!));
      } catch (error) {
        if (batch.length === 1) { batch[0]!.reject(error); continue; }
        for (const b of batch) await this.run([b.req]).then(([res]) => b.resolve(res!), b.reject);
      }
    }
    this.running = false;
  }
}
