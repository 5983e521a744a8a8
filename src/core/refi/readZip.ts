import { inflateSync } from 'fflate';
import { crc32 } from './crc32';

/** Limits on what an untrusted archive may make us read. */
export interface ZipLimits {
  /** Most entries listed (default 20 000). */
  maxEntries?: number;
  /** Largest uncompressed size of one entry read (default 64 MiB). */
  maxEntryBytes?: number;
  /** Largest total uncompressed size of the entries read (default 256 MiB). */
  maxTotalBytes?: number;
}

/** An entry of the archive that may be read. */
export interface ZipEntry {
  /** Name as stored, `/`-separated. */
  name: string;
  /** Uncompressed size as declared by the archive. */
  size: number;
}

/** A problem with the archive or one entry (refused entries are never read). */
export interface ZipProblem {
  entry: string | null;
  reason: string;
}

/** A readable view of an archive: safe entries, refused ones, and a reader. */
export interface ZipArchive {
  ok: boolean;
  entries: ZipEntry[];
  problems: ZipProblem[];
  /** The bytes of an entry, or a problem (size cap exceeded, bad data, unknown method). */
  read(name: string): { ok: true; data: Uint8Array } | { ok: false; reason: string };
}

interface CentralEntry extends ZipEntry {
  method: number;
  crc: number;
  compressedSize: number;
  localOffset: number;
  flags: number;
}

const DEFAULTS = { maxEntries: 20_000, maxEntryBytes: 64 * 1024 * 1024, maxTotalBytes: 256 * 1024 * 1024 };

/** Why an entry name must not be used: it is absolute, climbs out, or is odd; null when it is safe. */
export function unsafeEntryName(name: string): string | null {
  if (name.includes('\\')) return 'contains a backslash';
  if (name.startsWith('/') || /^[A-Za-z]:/.test(name)) return 'is an absolute path';
  if (name.split('/').some((part) => part === '..')) return 'climbs out of the package (`..`)';
  if (/[\u0000-\u001f]/.test(name)) return 'contains control characters';
  return null;
}

/**
 * Reads the central directory of a zip archive held in memory, without
 * trusting it: entries whose names are absolute or contain `..` (zip-slip),
 * symbolic links, encrypted entries and more entries than the cap are refused
 * and listed as problems; entries are only decompressed on `read`, into a
 * buffer of the declared size, and reads past the size caps are refused, so a
 * zip bomb cannot make us allocate more than the caps. Never throws.
 */
export function readZip(bytes: Uint8Array, limits: ZipLimits = {}): ZipArchive {
  try {
    return readZipUnchecked(bytes, limits);
  } catch (error) {
    // Bounds are checked as the directory is read; this only guards against a check missed.
    const reason = `not a readable zip archive (${(error as Error).message})`;
    return { ok: false, entries: [], problems: [{ entry: null, reason }], read: () => ({ ok: false, reason }) };
  }
}

function hex(value: number): string {
  return value.toString(16).padStart(8, '0');
}

function readZipUnchecked(bytes: Uint8Array, limits: ZipLimits): ZipArchive {
  const caps = { ...DEFAULTS, ...limits };
  const problems: ZipProblem[] = [];
  const entries = new Map<string, CentralEntry>();
  let totalRead = 0;
  const fail = (reason: string): ZipArchive => ({ ok: false, entries: [], problems: [{ entry: null, reason }], read: () => ({ ok: false, reason }) });
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const u16 = (at: number) => view.getUint16(at, true);
  const u32 = (at: number) => view.getUint32(at, true);

  let eocd = -1;
  for (let at = bytes.length - 22; at >= Math.max(0, bytes.length - 22 - 0xffff); at--) {
    if (u32(at) === 0x06054b50) {
      eocd = at;
      break;
    }
  }
  if (eocd < 0) return fail('not a zip archive (no end of central directory)');
  const count = u16(eocd + 10);
  const directoryOffset = u32(eocd + 16);
  if (count === 0xffff || directoryOffset === 0xffffffff) return fail('ZIP64 archives are not read');
  if (count > caps.maxEntries) return fail(`too many entries (${count}; at most ${caps.maxEntries})`);
  const decoder = new TextDecoder('utf-8');
  let at = directoryOffset;
  for (let index = 0; index < count; index++) {
    if (at + 46 > bytes.length || u32(at) !== 0x02014b50) return fail('the central directory is damaged');
    const madeBy = u16(at + 4) >> 8;
    const flags = u16(at + 8);
    const method = u16(at + 10);
    const crc = u32(at + 16);
    const compressedSize = u32(at + 20);
    const size = u32(at + 24);
    const nameLength = u16(at + 28);
    const extraLength = u16(at + 30);
    const commentLength = u16(at + 32);
    const external = u32(at + 38);
    const localOffset = u32(at + 42);
    if (at + 46 + nameLength > bytes.length) return fail('the central directory is damaged');
    const name = decoder.decode(bytes.subarray(at + 46, at + 46 + nameLength));
    at += 46 + nameLength + extraLength + commentLength;
    const unsafe = unsafeEntryName(name);
    const unixMode = external >>> 16;
    if (unsafe) problems.push({ entry: name, reason: `refused: the name ${unsafe}` });
    else if (madeBy === 3 && (unixMode & 0o170000) === 0o120000) problems.push({ entry: name, reason: 'refused: a symbolic link' });
    else if (flags & 1) problems.push({ entry: name, reason: 'refused: encrypted' });
    else if (name.endsWith('/')) continue;
    else if (entries.has(name)) problems.push({ entry: name, reason: 'refused: a second entry with the same name' });
    else entries.set(name, { name, size, method, crc, compressedSize, localOffset, flags });
  }

  const read = (name: string): { ok: true; data: Uint8Array } | { ok: false; reason: string } => {
    const entry = entries.get(name);
    if (!entry) return { ok: false, reason: 'no such entry' };
    if (entry.size > caps.maxEntryBytes) return { ok: false, reason: `larger than ${caps.maxEntryBytes} bytes uncompressed (${entry.size})` };
    if (totalRead + entry.size > caps.maxTotalBytes) return { ok: false, reason: `reading it would pass the cap of ${caps.maxTotalBytes} bytes uncompressed in total` };
    const local = entry.localOffset;
    if (local + 30 > bytes.length || u32(local) !== 0x04034b50) return { ok: false, reason: 'damaged local header' };
    const start = local + 30 + u16(local + 26) + u16(local + 28);
    const end = start + entry.compressedSize;
    if (end > bytes.length) return { ok: false, reason: 'truncated data' };
    const raw = bytes.subarray(start, end);
    totalRead += entry.size;
    let data: Uint8Array;
    try {
      if (entry.method === 0) data = raw;
      // One byte more than declared: enough to tell a longer stream, never enough for a bomb to grow.
      else if (entry.method === 8) data = inflateSync(raw, { out: new Uint8Array(entry.size + 1) });
      else return { ok: false, reason: `compression method ${entry.method} is not supported` };
    } catch (error) {
      return { ok: false, reason: `damaged data (${(error as Error).message})` };
    }
    if (data.length > entry.size && entry.method !== 0) return { ok: false, reason: `damaged: its data is more than the ${entry.size} bytes its header declares` };
    if (data.length !== entry.size) return { ok: false, reason: `damaged: its data is ${data.length} bytes, not the ${entry.size} its header declares` };
    const actual = crc32(data);
    if (actual !== entry.crc) return { ok: false, reason: `damaged: its CRC-32 is ${hex(actual)}, not the ${hex(entry.crc)} its header declares` };
    return { ok: true, data };
  };
  return { ok: true, entries: [...entries.values()].map(({ name, size }) => ({ name, size })), problems, read };
}
