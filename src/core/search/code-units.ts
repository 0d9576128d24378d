// A text's UTF-16 code units, copied into a reused buffer by one native call (Buffer.write): a loop then
// reads a typed array, which V8 compiles to one load a character whatever the string's layout. charCodeAt
// is as fast on one layout but not when texts come in several (one-byte, two-byte, ropes, slices — real
// abstracts mix them: "—" or "α" makes a string two-byte), where scanning 100k abstracts took ~1 s more and
// hashing them three times as long. For the loops that read every character of long texts: scanRaw
// (tokenize.ts) and hashChars (strings.ts).
let unitBytes = Buffer.alloc(1 << 16);
let unitArray = new Uint16Array(unitBytes.buffer, unitBytes.byteOffset, unitBytes.length >> 1);
// A text longer than this (abstracts are ~2,000 characters) gets a buffer of its own, dropped after use:
// one corrupt or hostile megabyte-long field must not hold its buffer for the life of the process.
const KEPT_UNITS = 1 << 18;

/** The code units of `s` at [0, s.length) of the returned array, valid until the next call (which reuses it). */
export function codeUnits(s: string): Uint16Array {
  if (s.length > unitArray.length) {
    const bytes = Buffer.alloc(Math.max(s.length * 2, unitBytes.length * 2));
    const units = new Uint16Array(bytes.buffer, bytes.byteOffset, bytes.length >> 1);
    bytes.write(s, 0, "utf16le");
    if (s.length > KEPT_UNITS) return units;
    unitBytes = bytes;
    unitArray = units;
    return units;
  }
  unitBytes.write(s, 0, "utf16le");
  return unitArray;
}
