/**
 * Resolves `relative` (a `/`- or `\`-separated path) against the folder of
 * `fromFile`, and normalises `.` and `..` segments. The result uses `/`;
 * `..` segments that climb above a relative start are kept (`../x.yaml`).
 * An absolute `relative` (starting with `/` or a drive letter) is only
 * normalised.
 */
export function resolveRelativePath(fromFile: string, relative: string): string {
  const target = relative.replace(/\\/g, '/');
  const absolute = /^(?:\/|[A-Za-z]:\/)/.test(target);
  const base = fromFile.replace(/\\/g, '/').split('/').slice(0, -1).join('/');
  return normalisePath(absolute || base === '' ? target : `${base}/${target}`);
}

/** Removes `.` segments, folds `name/..`, and collapses repeated `/`. */
export function normalisePath(path: string): string {
  const slashed = path.replace(/\\/g, '/');
  const leading = slashed.startsWith('/') ? '/' : '';
  const out: string[] = [];
  for (const segment of slashed.split('/')) {
    if (segment === '' || segment === '.') continue;
    if (segment === '..' && out.length > 0 && out[out.length - 1] !== '..') out.pop();
    else if (segment !== '..' || leading === '') out.push(segment);
  }
  return leading + out.join('/');
}
