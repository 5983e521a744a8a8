/*
 * Shape checks of what a parse-cache entry holds as JSON (see `sourceEntry.ts`):
 * anything else, from a damaged or foreign cache file, is a cache miss. They
 * check types, not meaning; keys they do not know are allowed.
 */

type Check = (value: unknown) => boolean;

const isString: Check = (value) => typeof value === 'string';
const isBoolean: Check = (value) => typeof value === 'boolean';
const isCount: Check = (value) => typeof value === 'number' && value >= 0 && Number.isSafeInteger(value);
const isObject: Check = (value) => typeof value === 'object' && value !== null && !Array.isArray(value);
const arrayOf = (check: Check): Check => (value) => Array.isArray(value) && value.every(check);
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

/** Whether a value has the fields of a source but its plain text, excerpts, turns and headings, of their types. */
export const isSourceFields: Check = (value) => {
  if (!isObject(value)) return false;
  const s = value as Record<string, unknown>;
  return (
    isString(s.id) && isString(s.path) && isObject(s.attributes) && arrayOf(isString)(s.coders) && isCount(s.length) &&
    arrayOf(isDiagnostic)(s.diagnostics) && (s.eol === '\n' || s.eol === '\r\n') && isBoolean(s.bom) &&
    isBoolean(s.writable) && isString(s.hash)
  );
};

/** Whether a value is an object of strings (an excerpt's other attributes). */
export const isAttributeRecord: Check = recordOf(isString);
