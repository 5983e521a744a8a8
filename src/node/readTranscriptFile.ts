import { hash as hashOf } from 'node:crypto';
import { isAscii } from 'node:buffer';
import fs from 'node:fs';
import type { Diagnostic } from '../core/model/diagnostic';

/** Files larger than this are skipped with a warning unless the caller says otherwise (10 MiB). */
export const DEFAULT_MAX_BYTES = 10 * 1024 * 1024;

/** A transcript file as read from disk. */
export type ReadTranscript =
  | {
      ok: true;
      /** Decoded text without byte order mark. */
      text: string;
      bom: boolean;
      /** SHA-1 of the bytes, hex. */
      hash: string;
      /** False when the bytes are not valid UTF-8: writing the decoded text back would change them. */
      writable: boolean;
      diagnostics: Diagnostic[];
    }
  | { ok: false; diagnostics: Diagnostic[] };

/** The warning for a file of `size` bytes skipped because it is over `maxBytes` (`file-too-large`). */
export function tooLargeDiagnostic(relativePath: string, size: number, maxBytes: number): Diagnostic {
  return {
    path: relativePath,
    line: 1,
    column: 1,
    severity: 'warning',
    message: `skipped: the file is ${(size / 1048576).toFixed(1)} MiB, over the limit of ${(maxBytes / 1048576).toFixed(1)} MiB`,
    ruleId: 'file-too-large',
  };
}

const fatalDecoder = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });
const lenientDecoder = new TextDecoder('utf-8', { fatal: false, ignoreBOM: true });

/** Opening for reading without waiting: opening a FIFO otherwise blocks until something writes to it. */
const OPEN_FLAGS = fs.constants.O_RDONLY | (fs.constants.O_NONBLOCK ?? 0);

/** What a file that is not a regular file is, in words (`a FIFO`, `a folder`…). */
export function describeSpecialFile(stat: fs.Stats): string {
  if (stat.isDirectory()) return 'a folder';
  if (stat.isFIFO()) return 'a FIFO';
  if (stat.isSocket()) return 'a socket';
  if (stat.isCharacterDevice()) return 'a character device';
  if (stat.isBlockDevice()) return 'a block device';
  return 'a special file';
}

/** The error for a path that is not a regular file (`not-a-regular-file`): it is not read. */
export function notRegularFileDiagnostic(relativePath: string, stat: fs.Stats): Diagnostic {
  return {
    path: relativePath,
    line: 1,
    column: 1,
    severity: 'error',
    message: `skipped: not a regular file (${describeSpecialFile(stat)})`,
    ruleId: 'not-a-regular-file',
  };
}

function unreadable(relativePath: string, error: unknown): ReadTranscript {
  const message = `skipped: cannot read the file (${(error as NodeJS.ErrnoException).code ?? String(error)})`;
  return { ok: false, diagnostics: [{ path: relativePath, line: 1, column: 1, severity: 'error', message, ruleId: 'unreadable-file' }] };
}

/**
 * Reads a transcript: skips (with a warning) files over `maxBytes`, binary
 * files (a NUL byte in the first 8 KiB) and unreadable ones; refuses (an
 * error, `not-a-regular-file`) anything but a regular file, checked after
 * opening without blocking, so a FIFO or device never stalls the read;
 * decodes UTF-8, and when the bytes are not valid UTF-8 decodes them
 * leniently, marks the file read-only for the tool and reports the first bad
 * byte's line and column.
 */
export async function readTranscriptFile(absolutePath: string, relativePath: string, maxBytes = DEFAULT_MAX_BYTES): Promise<ReadTranscript> {
  let bytes: Buffer;
  let handle: fs.promises.FileHandle | undefined;
  try {
    handle = await fs.promises.open(absolutePath, OPEN_FLAGS);
    const stat = await handle.stat();
    if (!stat.isFile()) return { ok: false, diagnostics: [notRegularFileDiagnostic(relativePath, stat)] };
    if (stat.size > maxBytes) return { ok: false, diagnostics: [tooLargeDiagnostic(relativePath, stat.size, maxBytes)] };
    bytes = await handle.readFile();
  } catch (error) {
    return unreadable(relativePath, error);
  } finally {
    await handle?.close().catch(() => undefined);
  }
  return decodeTranscript(bytes, relativePath);
}

/**
 * Files up to this size are read synchronously into one buffer used again and
 * again (their decoded text is a copy): a buffer a file is garbage that makes
 * the collector run more often while a workspace is loaded.
 */
const SHARED_READ_BYTES = 1024 * 1024;
let sharedReadBuffer: Buffer | undefined;

/**
 * Like `readTranscriptFile`, synchronously: for reading many small files in
 * one go, where the round trips of asynchronous reads cost more than the reads.
 */
export function readTranscriptFileSync(absolutePath: string, relativePath: string, maxBytes?: number): ReadTranscript;
/**
 * With `asciiBytes`, a file of ASCII bytes only is not decoded: its bytes
 * come back as they are (see `AsciiTranscript`), valid until the next read.
 */
export function readTranscriptFileSync(absolutePath: string, relativePath: string, maxBytes: number, asciiBytes: true): ReadTranscript | AsciiTranscript;
export function readTranscriptFileSync(absolutePath: string, relativePath: string, maxBytes = DEFAULT_MAX_BYTES, asciiBytes = false): ReadTranscript | AsciiTranscript {
  let descriptor: number | undefined;
  try {
    // One open, one fstat, one read: the kind and size are checked before anything is read.
    descriptor = fs.openSync(absolutePath, OPEN_FLAGS);
    const stat = fs.fstatSync(descriptor);
    if (!stat.isFile()) return { ok: false, diagnostics: [notRegularFileDiagnostic(relativePath, stat)] };
    const size = stat.size;
    if (size > maxBytes) return { ok: false, diagnostics: [tooLargeDiagnostic(relativePath, size, maxBytes)] };
    const bytes = size <= SHARED_READ_BYTES ? (sharedReadBuffer ??= Buffer.allocUnsafe(SHARED_READ_BYTES)) : Buffer.allocUnsafe(size);
    let filled = 0;
    while (filled < size) {
      const count = fs.readSync(descriptor, bytes, filled, size - filled, filled);
      if (count === 0) break;
      filled += count;
    }
    return decode(bytes.subarray(0, filled), relativePath, asciiBytes);
  } catch (error) {
    return unreadable(relativePath, error);
  } finally {
    if (descriptor !== undefined) fs.closeSync(descriptor);
  }
}

/**
 * A transcript file of ASCII bytes only, not decoded: its text (without BOM)
 * is `ascii` read as Latin-1, the same characters at the same offsets.
 * `ascii` is a view of a buffer used again for the next file read.
 */
export interface AsciiTranscript {
  ok: true;
  ascii: Buffer;
  bom: boolean;
  /** SHA-1 of the file bytes, hex. */
  hash: string;
}

/** The text of an ASCII transcript as `readTranscriptFile` gives it (valid UTF-8, so writable). */
export function asciiText(read: AsciiTranscript): Extract<ReadTranscript, { ok: true }> {
  return { ok: true, text: read.ascii.toString('latin1'), bom: read.bom, hash: read.hash, writable: true, diagnostics: [] };
}

const CODE_MARKUP = Buffer.from(':code', 'latin1');

/** Whether ASCII bytes hold `:code` not followed by another id character (as `looksLikeTranscript` looks for it). */
export function asciiMentionsCode(ascii: Buffer): boolean {
  for (let at = ascii.indexOf(CODE_MARKUP); at !== -1; at = ascii.indexOf(CODE_MARKUP, at + 1)) {
    const next = at + CODE_MARKUP.length < ascii.length ? ascii[at + CODE_MARKUP.length] : -1;
    const idCharacter = (next >= 0x30 && next <= 0x39) || (next >= 0x41 && next <= 0x5a) || (next >= 0x61 && next <= 0x7a) || next === 0x5f || next === 0x2d;
    if (!idCharacter) return true;
  }
  return false;
}

/** Decodes transcript bytes (see `readTranscriptFile`). */
export function decodeTranscript(bytes: Uint8Array, relativePath: string): ReadTranscript {
  return decode(bytes, relativePath, false) as ReadTranscript;
}

function decode(bytes: Uint8Array, relativePath: string, asciiBytes: boolean): ReadTranscript | AsciiTranscript {
  const head = bytes.subarray(0, 8192);
  if (head.includes(0)) {
    return { ok: false, diagnostics: [{ path: relativePath, line: 1, column: 1, severity: 'warning', message: 'skipped: the file looks binary (it contains NUL bytes)', ruleId: 'binary-file' }] };
  }
  const hash = hashOf('sha1', bytes, 'hex');
  const bom = bytes.length >= 3 && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf;
  const body = bom ? bytes.subarray(3) : bytes;
  if (asciiBytes && isAscii(body)) return { ok: true, ascii: Buffer.from(body.buffer, body.byteOffset, body.byteLength), bom, hash };
  try {
    // Most transcripts are ASCII: read as Latin-1 (the same text), a plain copy, far quicker than decoding UTF-8.
    const text = isAscii(body) ? Buffer.from(body.buffer, body.byteOffset, body.byteLength).toString('latin1') : fatalDecoder.decode(body);
    return { ok: true, text, bom, hash, writable: true, diagnostics: [] };
  } catch {
    const text = lenientDecoder.decode(body);
    const bad = firstInvalidByte(body);
    const before = lenientDecoder.decode(body.subarray(0, bad));
    const lines = before.split('\n');
    const diagnostic: Diagnostic = {
      path: relativePath,
      line: lines.length,
      column: [...lines[lines.length - 1]].length + 1,
      severity: 'warning',
      message: `the file is not valid UTF-8 (first bad byte at offset ${bad + (bom ? 3 : 0)}); it is read with replacement characters and the tool will not write to it`,
      ruleId: 'invalid-utf8',
    };
    return { ok: true, text, bom, hash, writable: false, diagnostics: [diagnostic] };
  }
}

/** Index of the first byte that is not part of a well-formed UTF-8 sequence (RFC 3629). */
function firstInvalidByte(bytes: Uint8Array): number {
  let index = 0;
  while (index < bytes.length) {
    const lead = bytes[index];
    let length = 0;
    let min = 0;
    if (lead < 0x80) length = 1;
    else if (lead >= 0xc2 && lead <= 0xdf) [length, min] = [2, 0x80];
    else if (lead >= 0xe0 && lead <= 0xef) [length, min] = [3, 0x800];
    else if (lead >= 0xf0 && lead <= 0xf4) [length, min] = [4, 0x10000];
    else return index;
    if (index + length > bytes.length) return index;
    let codePoint = length === 1 ? lead : lead & (0xff >> (length + 1));
    for (let next = 1; next < length; next++) {
      const unit = bytes[index + next];
      if ((unit & 0xc0) !== 0x80) return index;
      codePoint = (codePoint << 6) | (unit & 0x3f);
    }
    if (codePoint < min || codePoint > 0x10ffff || (codePoint >= 0xd800 && codePoint <= 0xdfff)) return index;
    index += length;
  }
  return bytes.length;
}
