import type { CompactSource } from '../core/syntax/compactSource';

type Check = (value: unknown) => boolean;

const isString: Check = (value) => typeof value === 'string';
const isBoolean: Check = (value) => typeof value === 'boolean';
const isCount: Check = (value) => typeof value === 'number' && value >= 0 && Number.isSafeInteger(value);
const orNull = (check: Check): Check => (value) => value === null || check(value);
const isObject: Check = (value) => typeof value === 'object' && value !== null && !Array.isArray(value);
const arrayOf = (check: Check): Check => (value) => Array.isArray(value) && value.every(check);
const tuple = (...checks: Check[]): Check => (value) =>
  Array.isArray(value) && value.length === checks.length && checks.every((check, index) => check(value[index]));
const recordOf = (check: Check): Check => (value) => isObject(value) && Object.values(value as object).every(check);
const optional = (check: Check): Check => (value) => value === undefined || check(value);

const isDiagnostic: Check = (value) => {
  if (!isObject(value)) return false;
  const d = value as Record<string, unknown>;
  return (
    isString(d.path) && isCount(d.line) && isCount(d.column) && isString(d.message) && isString(d.ruleId) &&
    (d.severity === 'error' || d.severity === 'warning' || d.severity === 'info') &&
    ['offset', 'endLine', 'endColumn', 'endOffset'].every((key) => optional(isCount)(d[key]))
  );
};

const isSourceFields: Check = (value) => {
  if (!isObject(value)) return false;
  const s = value as Record<string, unknown>;
  return (
    isString(s.id) && isString(s.path) && isObject(s.attributes) && arrayOf(isString)(s.coders) && isCount(s.length) &&
    arrayOf(isDiagnostic)(s.diagnostics) && (s.eol === '\n' || s.eol === '\r\n') && isBoolean(s.bom) &&
    isBoolean(s.writable) && isString(s.hash)
  );
};

/** Whole numbers from 0, in a plain loop: offsets are most of a cache entry. */
function areCounts(values: unknown[]): boolean {
  for (let index = 0; index < values.length; index++) {
    const value = values[index];
    if (typeof value !== 'number' || !(value >= 0) || !Number.isSafeInteger(value)) return false;
  }
  return true;
}

/** Fragments flattened seven numbers each: kind (0 or 1), then six offsets. */
function isFragments(value: unknown): boolean {
  if (!Array.isArray(value) || value.length % 7 !== 0) return false;
  for (let index = 0; index < value.length; index += 7) {
    if (value[index] !== 0 && value[index] !== 1) return false;
    for (let offset = 1; offset < 7; offset++) if (!isCount(value[index + offset])) return false;
  }
  return true;
}

const isStringOrNull = orNull(isString);
const isAttributes = orNull(recordOf(isString));

function isExcerptTuple(value: unknown): boolean {
  return (
    Array.isArray(value) && value.length === 8 && isStringOrNull(value[0]) && arrayOf(isString)(value[1]) &&
    isStringOrNull(value[2]) && isStringOrNull(value[3]) && (value[4] === 0 || value[4] === 1) &&
    isAttributes(value[5]) && isCount(value[6]) && isFragments(value[7])
  );
}

/**
 * Whether a value read from the parse cache has the shape of a
 * `CompactSource` (every field `restoreSource` and the index read, of its
 * type). Anything else, from a damaged or foreign cache file, is to be treated
 * as a cache miss. Keys it does not know are allowed. Checks shapes, not
 * meaning: offsets are whole numbers, not checked against the file.
 */
export function isCompactSource(value: unknown): value is CompactSource {
  if (!isObject(value)) return false;
  const entry = value as Record<string, unknown>;
  return (
    isSourceFields(entry.source) &&
    arrayOf(tuple(isString, isCount, isCount))(entry.turns) &&
    arrayOf(tuple(isCount, isString, isCount, isCount))(entry.headings) &&
    arrayOf(isExcerptTuple)(entry.excerpts) &&
    Array.isArray(entry.segments) && entry.segments.length % 2 === 0 && areCounts(entry.segments)
  );
}
