// Entry point the extension host loads as `extensionTestsPath` (bundled to dist/integrationTests.js).
// Runs the mocha suite, writes the counts to $MDQDA_TEST_RESULTS for test/integration/run.js,
// and rejects when a test failed, so the workbench reports a non-zero exit code.
import * as fs from 'node:fs';
import Mocha from 'mocha';

/** Counts and failures of one run, read back by the runner. */
interface SuiteResults {
  passed: number;
  failed: number;
  failures: { title: string; error: string }[];
}

/**
 * Loads the test files; `require` (not `import`) so they run after mocha set its globals. The
 * scale launch of run.js (MDQDA_TEST_LAUNCH=scale, a workspace of 5,000 transcripts) runs the
 * scale test alone; every other test runs in the fixture workspace.
 */
function loadTests(): void {
  if (process.env.MDQDA_TEST_LAUNCH === 'scale') {
    require('./scale.test');
    return;
  }
  require('./activation.test');
  require('./excerptTree.test');
  require('./openExcerpt.test');
  require('./view.test');
  require('./views.test');
  require('./commands.test');
  require('./summary.test');
  require('./summaryDrillDown.test');
  require('./preview.test');
  require('./editor.test');
  require('./editorTiming.test');
  require('./badInput.test');
  require('./importTranscripts.test');
  require('./onlyMyCodings.test');
  require('./retrieval.test');
  require('./codingDiff.test');
  require('./compare.test');
  require('./autocode.test');
  require('./workshop.test');
  require('./speakersWords.test');
  require('./codebookEditing.test');
  require('./readingMode.test');
  require('./roughEdges.test');
}

/** Called by VS Code once the extension host is up; resolves when every test passed. */
export function run(): Promise<void> {
  // MDQDA_TEST_GREP (a regular expression of test titles) runs part of the suite while working on it.
  const grep = process.env.MDQDA_TEST_GREP;
  const mocha = new Mocha({ ui: 'bdd', color: false, timeout: 30000, reporter: 'spec', ...(grep ? { grep: new RegExp(grep) } : {}) });
  mocha.suite.emit('pre-require', globalThis, 'integration', mocha);
  loadTests();
  const results: SuiteResults = { passed: 0, failed: 0, failures: [] };
  return new Promise((resolve, reject) => {
    const runner = mocha.run((failures) => {
      results.failed = failures;
      const file = process.env.MDQDA_TEST_RESULTS;
      if (file) fs.writeFileSync(file, JSON.stringify(results, null, 2));
      if (failures > 0) reject(new Error(`${failures} integration test(s) failed`));
      else resolve();
    });
    runner.on('pass', () => { results.passed += 1; });
    runner.on('fail', (test, error: unknown) => {
      results.failures.push({ title: test.fullTitle(), error: String(error) });
    });
  });
}
