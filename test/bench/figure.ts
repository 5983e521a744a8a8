/** One benchmark figure: a measurement, its ratio to a baseline measured in the same run, and its target. */
export interface Figure {
  name: string;
  value: string;
  ratio: number;
  baseline: string;
  target: string;
  pass: boolean;
}
