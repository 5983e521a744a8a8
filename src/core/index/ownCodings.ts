import type { Excerpt } from '../model/excerpt';
import type { Source } from '../model/source';

/**
 * The excerpts a coder sees while coding blind ("Show Only My Codings"): those whose `by=` is
 * `coder`. Codings of other coders and codings without `by=` are hidden. With `coder` undefined
 * (the mode is off) every excerpt is visible and `excerpts` itself is returned; so is it when
 * nothing is hidden. Order is kept; the excerpts are not copied.
 */
export function ownCodings(excerpts: readonly Excerpt[], coder: string | undefined): readonly Excerpt[] {
  if (coder === undefined) return excerpts;
  const own = excerpts.filter((excerpt) => excerpt.coder === coder);
  return own.length === excerpts.length ? excerpts : own;
}

/**
 * `source` as a coder sees it while coding blind: the same source object when nothing is hidden
 * (or `coder` is undefined), else a shallow copy with only {@link ownCodings} as its excerpts.
 * The plain text, turns and diagnostics stay as they are.
 */
export function ownCodingsOf(source: Source, coder: string | undefined): Source {
  const excerpts = ownCodings(source.excerpts, coder);
  return excerpts === source.excerpts ? source : { ...source, excerpts: [...excerpts] };
}
