// Bytes of an article file → text: accepts UTF-8 (with or without a BOM) and names the other
// things people save by mistake (UTF-16, UTF-32, binary data, Latin-1 and other non-UTF-8 bytes).
import { Buffer, isUtf8 } from "node:buffer";
import { type LineColumn, lineColumn } from "./position.js";

export type Decoded =
  | { ok: true; text: string }
  | { ok: false; message: string; at?: LineColumn | undefined };

const decoder = new TextDecoder("utf-8", { fatal: true, ignoreBOM: true });

export function decodeArticleBytes(bytes: Uint8Array): Decoded {
  if (bytes.length === 0) return { ok: false, message: "the file is empty" };
  const b0 = bytes[0];
  const b1 = bytes[1];
  if (
    (b0 === 0xff && b1 === 0xfe && bytes[2] === 0 && bytes[3] === 0) ||
    (b0 === 0 && b1 === 0 && bytes[2] === 0xfe && bytes[3] === 0xff)
  ) {
    return { ok: false, message: "the file is UTF-32; save it as UTF-8" };
  }
  if ((b0 === 0xff && b1 === 0xfe) || (b0 === 0xfe && b1 === 0xff) || looksLikeUtf16(bytes)) {
    return { ok: false, message: "the file is UTF-16; save it as UTF-8" };
  }
  const nul = bytes.indexOf(0);
  if (nul >= 0) {
    return { ok: false, message: `this is not a text file (found a NUL byte at offset ${nul})` };
  }
  const start = b0 === 0xef && b1 === 0xbb && bytes[2] === 0xbf ? 3 : 0;
  const body = bytes.subarray(start);
  // Buffer's validator and decoder are about twice as fast as a fatal TextDecoder on large files.
  if (isUtf8(body)) {
    const text = Buffer.from(body.buffer, body.byteOffset, body.byteLength).toString("utf8");
    return { ok: true, text };
  }
  const bad = firstInvalidUtf8(bytes, start);
  const before = decoder.decode(bytes.subarray(start, bad));
  const hex = (bytes[bad] ?? 0).toString(16).toUpperCase().padStart(2, "0");
  return {
    ok: false,
    message: `invalid UTF-8 (byte 0x${hex} at offset ${bad}); save the file as UTF-8`,
    at: lineColumn(before, before.length),
  };
}

/**
 * UTF-16 without a byte-order mark: JSON is mostly ASCII, so in UTF-16 nearly every other byte
 * of the first few hundred is NUL while the bytes between are not.
 */
function looksLikeUtf16(bytes: Uint8Array): boolean {
  const sample = Math.min(bytes.length, 512) & ~1;
  if (sample < 2) return false;
  let evenNul = 0;
  let oddNul = 0;
  for (let i = 0; i < sample; i += 2) {
    if (bytes[i] === 0) evenNul++;
    if (bytes[i + 1] === 0) oddNul++;
  }
  const pairs = sample / 2;
  const mostly = (count: number) => count >= pairs * 0.6;
  const rarely = (count: number) => count <= pairs * 0.1;
  return (mostly(oddNul) && rarely(evenNul)) || (mostly(evenNul) && rarely(oddNul));
}

/**
 * The offset of the first byte that does not start a well-formed UTF-8 sequence (the Unicode
 * standard's table 3-7: no overlong forms, no surrogates, nothing above U+10FFFF).
 */
function firstInvalidUtf8(bytes: Uint8Array, from: number): number {
  const n = bytes.length;
  let i = from;
  while (i < n) {
    const b = bytes[i] as number;
    if (b < 0x80) {
      i++;
      continue;
    }
    let need: number;
    let lo = 0x80;
    let hi = 0xbf;
    if (b >= 0xc2 && b <= 0xdf) need = 1;
    else if (b === 0xe0) {
      need = 2;
      lo = 0xa0;
    } else if (b === 0xed) {
      need = 2;
      hi = 0x9f;
    } else if (b >= 0xe1 && b <= 0xef) need = 2;
    else if (b === 0xf0) {
      need = 3;
      lo = 0x90;
    } else if (b >= 0xf1 && b <= 0xf3) need = 3;
    else if (b === 0xf4) {
      need = 3;
      hi = 0x8f;
    } else return i;
    for (let k = 1; k <= need; k++) {
      const c = bytes[i + k];
      if (c === undefined) return i;
      const min = k === 1 ? lo : 0x80;
      const max = k === 1 ? hi : 0xbf;
      if (c < min || c > max) return i;
    }
    i += need + 1;
  }
  return n;
}
