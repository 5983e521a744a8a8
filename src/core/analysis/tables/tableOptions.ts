import type { TableFilters } from './filters';

/** Options of the table builders; each table reads the ones it documents. */
export interface TableOptions extends TableFilters {
  /**
   * Columns: `source` (one per source), `speaker` (one per speaker) or a front matter attribute such
   * as `partnership`. Default `source`; for `words` also `code`, and no columns (overall) by default.
   */
  by?: string;
  /**
   * Code group. For `tensions`, `facilitators` and `impact` it picks the rows
   * (defaults `tensions`, `facilitators`, `impact`); for `cooccurrence` it is
   * both axes unless `rows`/`cols` say otherwise; for the other tables it is a filter.
   */
  group?: string;
  /** `cooccurrence`: group of the row codes. Default: `group`, else every code. */
  rows?: string;
  /**
   * `cooccurrence`: group of the column codes (default: the row codes).
   * `impact`: the column codes, comma-separated ids (default: every code of the group that is not a level).
   */
  cols?: string;
  /** `cooccurrence`: `overlap` (codings share a character, default) or `excerpt` (codes on the same excerpt). */
  mode?: 'overlap' | 'excerpt';
  /**
   * `cooccurrence`: one row and one column per code group instead of per code: a group stands for
   * the excerpts coded with any of its codes, codes without a group form `(no group)`; `group`,
   * `rows`, `cols` and `rollup` are not used. Default false.
   */
  byGroup?: boolean;
  /** `cooccurrence`: Jaccard index of the coded characters instead of counts. Default false. */
  jaccard?: boolean;
  /** `sources`: excerpts per 1,000 words of the column's sources instead of counts. Default false. */
  normalise?: boolean;
  /** `frequencies`, `sources`, `cooccurrence`: count a code's sub-codes with it. Default false. */
  rollup?: boolean;
  /** Most quotes per row. Default 2 (`tensions`), 1 (`facilitators`, `impact`). */
  quotes?: number;
  /** Longest quote in characters before the ellipsis. Default 160. */
  quoteLength?: number;
  /** `words`: most frequent words per column (or overall). Default 30. */
  top?: number;
  /** `words`: stop-word lists by language code (`en`, `de`, `none`); the first is the segmenter's locale. Default `en`. */
  languages?: string[];
  /** `words`: more stop words (e.g. read from `--stop-words FILE`). Default none. */
  stopWords?: string[];
}
