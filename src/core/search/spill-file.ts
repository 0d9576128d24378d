// An unnamed temporary file, for index data too big to keep in memory and read only now and then
// (forward.ts). It is unlinked as soon as it is opened, so whatever ends the process (kill -9 included)
// leaves nothing behind; where an open file cannot be unlinked (Windows), it is deleted when closed or at
// exit. Files of indexes dropped without close() are closed when collected (a backstop, not the plan).
import { randomBytes } from "node:crypto";
import { closeSync, openSync, readSync, unlinkSync, writeSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

interface Handle { fd: number; path: string | null }

const toDelete = new Set<string>();
let exitHook = false;

function release(handle: Handle): void {
  if (handle.fd < 0) return;
  try { closeSync(handle.fd); } catch { /* already closed: nothing to give back */ }
  handle.fd = -1;
  if (handle.path) { try { unlinkSync(handle.path); } catch { /* gone already */ } toDelete.delete(handle.path); }
}

const dropped = new FinalizationRegistry<Handle>(release);

export class SpillFile {
  private constructor(private readonly handle: Handle) {}

  /** The folder files go to: the system's temporary folder. */
  static dir(): string {
    return tmpdir();
  }

  /** Opens a new file (read and write, this user only); throws if the folder cannot take one. */
  static open(): SpillFile {
    const path = join(SpillFile.dir(), `papers-bot-${process.pid}-${randomBytes(6).toString("hex")}.tmp`);
    const handle: Handle = { fd: openSync(path, "wx+", 0o600), path: null };
    try {
      unlinkSync(path);
    } catch {
      handle.path = path;
      toDelete.add(path);
      if (!exitHook) process.on("exit", () => { for (const p of toDelete) try { unlinkSync(p); } catch { /* gone already */ } });
      exitHook = true;
    }
    const file = new SpillFile(handle);
    dropped.register(file, handle, file);
    return file;
  }

  /** Writes all of `bytes` at `position`. */
  append(bytes: Uint8Array, position: number): void {
    for (let done = 0; done < bytes.length;) done += writeSync(this.handle.fd, bytes, done, bytes.length - done, position + done);
  }

  /** Reads `length` bytes at `position` into the start of `into`. */
  read(into: Uint8Array, length: number, position: number): void {
    for (let done = 0; done < length;) {
      const n = readSync(this.handle.fd, into, done, length - done, position + done);
      if (n === 0) throw new Error(`spill file: ${length - done} bytes missing at ${position + done}`);
      done += n;
    }
  }

  close(): void {
    dropped.unregister(this);
    release(this.handle);
  }
}
