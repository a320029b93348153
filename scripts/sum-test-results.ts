// Sums vitest's JSON reports (test-results/*.json) into the one line CI reads:
// "N passed, N failed". A suite that did not write its report counts as one failure.
import { existsSync, readFileSync } from 'node:fs';

// npm test (scripts/run-tests.sh) writes two: the PGlite and PostgreSQL suites from one vitest process, the fault tests from another.
const suites = ['test-results/suites.json', 'test-results/faults.json'];
let passed = 0;
let failed = 0;
for (const file of suites) {
  if (!existsSync(file)) {
    console.error(`no report at ${file}: that suite did not run to the end`);
    failed += 1;
    continue;
  }
  const report = JSON.parse(readFileSync(file, 'utf8')) as { numPassedTests: number; numFailedTests: number; numFailedTestSuites: number };
  passed += report.numPassedTests;
  // A file that fails to load has no failed tests but a failed suite.
  failed += Math.max(report.numFailedTests, report.numFailedTestSuites);
}
console.log(`${passed} passed, ${failed} failed`);
process.exit(failed > 0 ? 1 : 0);
