// Where a bulk build's postings segments wait (postings.ts): each is written once as the build goes and
// read back once, in order, when the final layout copies them together. At 100k papers they are ~30 MB
// of bytes and ~10 MB of pieces, resident through the last and largest part of the build, which is the
// bot's start-up peak. A large build therefore puts them in an unnamed temporary file (spill-file.ts), in
// the kernel's page cache rather than the process's resident set, written and read sequentially (~30 ms
// each way). A small build, or one where no file can be used, keeps them in memory.
import { SpillFile } from "./spill-file.ts";

/** One segment: its postings' bytes, and per piece (a term's postings in it) the term and byte length. */
export interface Segment { bytes: Uint8Array; pieces: Uint32Array }

export class SegmentStore {
  private file: SpillFile | null = null;
  private fileBytes = 0;
  private onFile: { bytes: number; pieces: number }[] = [];
  private inMemory: Segment[] = [];

  /** `spill`: whether to try the temporary file (large builds). */
  constructor(private spill: boolean) {}

  /** Keeps a copy of the segment: the caller may reuse its arrays. */
  put(segment: Segment): void {
    if (this.spill && this.toFile(segment)) return;
    this.inMemory.push({ bytes: segment.bytes.slice(), pieces: segment.pieces.slice() });
  }

  /** Calls `each` with every segment in the order put (its arrays valid during the call), then forgets them. */
  drain(each: (segment: Segment) => void): void {
    let buffer = new Uint8Array(0), at = 0;
    for (const { bytes, pieces } of this.onFile) {
      const size = bytes + pieces * 4;
      if (buffer.length < size) buffer = new Uint8Array(Math.max(size, buffer.length * 2));
      this.file!.read(buffer, size, at);
      at += size;
      each({ pieces: new Uint32Array(buffer.buffer, 0, pieces), bytes: buffer.subarray(pieces * 4, size) });
    }
    for (const segment of this.inMemory) each(segment);
    this.close();
  }

  close(): void {
    this.file?.close();
    this.file = null;
    this.onFile = [];
    this.inMemory = [];
  }

  /** Appends the segment (its pieces, then its bytes) to the file; false, and memory from then on, if that fails. */
  private toFile(segment: Segment): boolean {
    const { bytes, pieces } = segment;
    try {
      this.file ??= SpillFile.open();
      this.file.append(new Uint8Array(pieces.buffer, pieces.byteOffset, pieces.byteLength), this.fileBytes);
      this.file.append(bytes, this.fileBytes + pieces.byteLength);
    } catch {
      // A full or read-only disk makes the build's peak larger, never the index wrong. Segments already on
      // file stay there: drain() reads them first, and this one and later ones follow in order.
      this.spill = false;
      return false;
    }
    this.onFile.push({ bytes: bytes.length, pieces: pieces.length });
    this.fileBytes += pieces.byteLength + bytes.length;
    return true;
  }
}
