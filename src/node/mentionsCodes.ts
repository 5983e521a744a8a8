import fs from 'node:fs';

const ID_CHARACTER = /[A-Za-z0-9_-]/;

/** True when `bytes` hold `.ID` for one of the ids, not followed by another id character. */
function holdsClass(bytes: Buffer, needles: Buffer[], complete: boolean): boolean {
  for (const needle of needles) {
    for (let at = bytes.indexOf(needle); at !== -1; at = bytes.indexOf(needle, at + 1)) {
      const next = at + needle.length;
      if (next >= bytes.length) {
        if (complete) return true;
        break;
      }
      if (!ID_CHARACTER.test(String.fromCharCode(bytes[next]))) return true;
    }
  }
  return false;
}

/**
 * Whether a file that could not be read as a transcript (too large, binary)
 * mentions any of the code ids as a class (`.T1`, not `.T1b`), read in chunks
 * so that a large file never sits in memory whole. Resolves to undefined when
 * the file cannot be read at all: then nobody can tell.
 */
export async function mentionsCodes(absolute: string, ids: readonly string[]): Promise<boolean | undefined> {
  const needles = ids.map((id) => Buffer.from(`.${id}`, 'utf8'));
  const keep = Math.max(...needles.map((needle) => needle.length));
  let tail = Buffer.alloc(0);
  try {
    for await (const chunk of fs.createReadStream(absolute, { highWaterMark: 1 << 20 })) {
      const bytes = Buffer.concat([tail, chunk as Buffer]);
      // A match cut off at the end of the chunk is looked at again with the next one.
      if (holdsClass(bytes, needles, false)) return true;
      tail = bytes.subarray(Math.max(0, bytes.length - keep));
    }
  } catch {
    return undefined;
  }
  return holdsClass(tail, needles, true);
}
