import { stripVTControlCharacters } from 'node:util';
import type { Reporter, TestCase, TestResult } from '@playwright/test/reporter';

/**
 * Repeats each failed test's errors as the very last lines of the run: CI keeps only the end of a long log, where
 * the list reporter has put attachment paths, so without this the reason for a failure is cut off.
 */
export default class FailureSummary implements Reporter {
  private failures: { title: string; errors: string[] }[] = [];

  onTestEnd(test: TestCase, result: TestResult) {
    if (result.status === 'passed' || result.status === 'skipped' || result.status === test.expectedStatus) return;
    const errors = result.errors.map((error) => {
      const where = error.location ? `\nat ${error.location.file.split('/e2e/').pop()}:${error.location.line}` : '';
      return (error.message ?? error.value ?? '').split('\n').slice(0, 12).join('\n') + where;
    });
    this.failures.push({ title: `${test.location.file.split('/e2e/').pop()}:${test.location.line} ${test.title} (${result.status}, ${Math.round(result.duration / 1000)} s)`, errors });
  }

  onEnd() {
    if (this.failures.length === 0) return;
    const lines = ['', `Failed (${this.failures.length}), first lines of each error:`];
    for (const failure of this.failures) {
      lines.push(`- ${failure.title}`);
      for (const error of failure.errors) lines.push(stripVTControlCharacters(error).replace(/^/gm, '    '));
    }
    console.log(lines.join('\n'));
  }

  printsToStdio() {
    return false; // the list reporter stays the one that prints progress
  }
}
