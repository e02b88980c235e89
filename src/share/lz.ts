/**
 * lz-string's URI-safe format (compressToEncodedURIComponent), with a decoder that stops at a
 * size cap. The library's own decoder can expand n input characters into ~n² output characters
 * (each code may name the longest dictionary entry so far), so a hostile 8 kB link could make it
 * build megabytes; this port of its `_decompress` gives up as soon as the output passes `maxChars`.
 * Compression is the library's own, unchanged.
 */
import lzString from 'lz-string';

const URI_SAFE = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+-$';
const VALUE_OF: ReadonlyMap<string, number> = new Map([...URI_SAFE].map((ch, i) => [ch, i]));

export function compressForUri(text: string): string {
  return lzString.compressToEncodedURIComponent(text);
}

/**
 * The text `compressForUri` was given, or null when `input` is not a valid stream or its text
 * would be longer than `maxChars`. Never throws; work is bounded by input.length + maxChars.
 */
export function decompressFromUri(input: string, maxChars: number): string | null {
  if (input === '') return null;
  const src = input.replace(/ /g, '+');
  const length = src.length;
  let val = VALUE_OF.get(src.charAt(0)) ?? 0;
  let position = 32;
  let index = 1;
  const readBits = (n: number): number => {
    let bits = 0;
    for (let power = 1, i = 0; i < n; i++, power *= 2) {
      const resb = val & position;
      position >>= 1;
      if (position === 0) {
        position = 32;
        val = VALUE_OF.get(src.charAt(index++)) ?? 0;
      }
      if (resb > 0) bits += power;
    }
    return bits;
  };

  const dictionary: string[] = ['', '', ''];
  let enlargeIn = 4;
  let dictSize = 4;
  let numBits = 3;
  const first = readBits(2);
  if (first === 2) return '';
  if (first === 3) return null;
  let w = String.fromCharCode(readBits(first === 0 ? 8 : 16));
  dictionary[3] = w;
  const result: string[] = [w];
  let total = 1;
  for (;;) {
    if (index > length) return null;
    let c = readBits(numBits);
    if (c === 2) return total <= maxChars ? result.join('') : null;
    if (c === 0 || c === 1) {
      dictionary[dictSize++] = String.fromCharCode(readBits(c === 0 ? 8 : 16));
      c = dictSize - 1;
      enlargeIn--;
    }
    if (enlargeIn === 0) {
      enlargeIn = 2 ** numBits;
      numBits++;
    }
    let entry: string;
    const known = c < dictSize && c >= 3 ? dictionary[c] : undefined;
    if (known !== undefined) entry = known;
    else if (c === dictSize) entry = w + w.charAt(0);
    else return null;
    total += entry.length;
    if (total > maxChars) return null;
    result.push(entry);
    dictionary[dictSize++] = w + entry.charAt(0);
    enlargeIn--;
    w = entry;
    if (enlargeIn === 0) {
      enlargeIn = 2 ** numBits;
      numBits++;
    }
  }
}
