// Fresh memory, with its pages already mapped by a helper thread. A 100k-paper build writes its postings'
// segments (~30 MB) into a new typed array, and the kernel maps each 4 KB page on its first write:
// measured at ~3 ms per MB on this class of VM, ~0.1 s on the main thread. (The final layout is not mapped
// ahead: it would sit in the resident set through the build's peak; postings.ts.)
// A helper thread (plain JS, started once per build) touches the pages of buffers requested ahead of
// need, on the other core, while the main thread analyses text. A buffer is used only once the helper
// has finished with it; one that is not ready (or no helper at all) means a plain allocation instead.
import { Worker } from "node:worker_threads";

const HELPER = `
const { parentPort } = require("node:worker_threads");
parentPort.on("message", ({ buffer, done }) => {
  const bytes = new Uint8Array(buffer);
  for (let i = 0; i < bytes.length; i += 4096) bytes[i] = 0;
  Atomics.store(new Int32Array(done), 0, 1);
});`;

export interface Prefaulted { buffer: SharedArrayBuffer; ready(): boolean }

export class Prefaulter {
  private helper: Worker | null | undefined;

  /** A zeroed buffer of `bytes` whose pages the helper maps now; null without a helper. */
  request(bytes: number): Prefaulted | null {
    if (this.helper === undefined) {
      try {
        this.helper = new Worker(HELPER, { eval: true });
        this.helper.on("error", () => { this.helper = null; });
        this.helper.unref();
      } catch { this.helper = null; }
    }
    if (!this.helper) return null;
    const buffer = new SharedArrayBuffer(bytes), done = new SharedArrayBuffer(4);
    this.helper.postMessage({ buffer, done });
    const flag = new Int32Array(done);
    return { buffer, ready: () => Atomics.load(flag, 0) === 1 };
  }

  close(): void {
    void this.helper?.terminate().catch(() => {});
    this.helper = undefined;
  }
}
