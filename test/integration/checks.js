// Named checks for the browser end-to-end tests: each prints one line (✔ or ✖ with the first line
// of the error and its time), the first failure stops the run, and the summary ends with
// "N passed, N failed".
'use strict';

/**
 * A list of checks. `run(name, body)` runs one (an async function) and rethrows its error after
 * printing it; `fail(error, label)` records and prints an error raised outside any check (an
 * error `run` already reported is not counted twice); `summary()` returns { passed, failed, ok }
 * where ok means every check passed and at least one ran; `finish` ends the process.
 */
function createChecks() {
  const results = [];
  /** The errors `run` printed, which `fail` then passes over. */
  const reported = new Set();
  const run = async (name, body) => {
    const begin = Date.now();
    try {
      await body();
      results.push(true);
      console.log(`  ✔ ${name} (${Date.now() - begin} ms)`);
    } catch (error) {
      results.push(false);
      console.log(`  ✖ ${name}\n      ${String(error instanceof Error ? error.message : error).split('\n')[0]}`);
      reported.add(error);
      throw error;
    }
  };
  const fail = (error, label) => {
    if (reported.has(error)) return;
    results.push(false);
    console.error(`[${label}] ${error instanceof Error ? error.message : String(error)}`);
  };
  const summary = () => {
    const passed = results.filter(Boolean).length;
    const failed = results.length - passed;
    return { passed, failed, ok: failed === 0 && passed > 0 };
  };
  /**
   * Ends the run: says where the temp folder is when MDQDA_KEEP_TMP kept it, runs `cleanup`,
   * prints "N passed, N failed" and exits (1 unless every check passed). `release(dirs, cleanup)`
   * is its first half, for runs that make several temp folders; both take no argument when
   * there is nothing to clean up.
   */
  const release = async (dirs, cleanup) => {
    if (dirs && process.env.MDQDA_KEEP_TMP) console.log(`temp folder kept: ${dirs.tmp}`);
    if (cleanup) await cleanup();
  };
  const finish = async (dirs, cleanup) => {
    await release(dirs, cleanup);
    const { passed, failed, ok } = summary();
    console.log(`${passed} passed, ${failed} failed`);
    process.exit(ok ? 0 : 1);
  };
  return { run, fail, summary, release, finish };
}

module.exports = { createChecks };
