import type { CompactSource } from '../core/syntax/compactSource';

type Check = (value: unknown) => boolean;

const isString: Check = (value) => typeof value === 'string';
const isBoolean: Check = (value) => typeof value === 'boolean';
const isCount: Check = (value) => Number.isSafeInteger(value) && (value as number) >= 0;
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

/** Fragments flattened seven numbers each: kind (0 or 1), then six offsets. */
const isFragments: Check = (value) =>
  Array.isArray(value) && value.length % 7 === 0 && value.every((item, index) => (index % 7 === 0 ? item === 0 || item === 1 : isCount(item)));

const isExcerptTuple = tuple(
  orNull(isString), arrayOf(isString), orNull(isString), orNull(isString), (value) => value === 0 || value === 1,
  orNull(recordOf(isString)), isCount, isFragments,
);

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
    Array.isArray(entry.segments) && entry.segments.length % 2 === 0 && entry.segments.every(isCount)
  );
}
