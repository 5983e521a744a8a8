/**
 * The originality check, run apart from the unit tests because it needs the
 * papers, which the project does not ship:
 *
 *   npm run check:originality -- PAPERS_DIR
 *
 * Fails (exit 1) when a preset or the example study shares a run of 12
 * consecutive words with a paper in PAPERS_DIR (`*.txt`), and (exit 2) when
 * the folder is missing or holds no papers. See scripts/originality/.
 */
import path from 'node:path';
import { runOriginalityCheck } from './originality/runOriginalityCheck';

process.exitCode = runOriginalityCheck(process.argv.slice(2), {
  root: path.resolve(__dirname, '..'),
  // npm runs scripts from the package root; INIT_CWD is where the command was typed.
  cwd: process.env.INIT_CWD ?? process.cwd(),
  stdout: (text) => process.stdout.write(text),
  stderr: (text) => process.stderr.write(text),
});
