import { relative } from 'node:path';
import type { FullResult, Reporter, Suite, TestCase } from '@playwright/test/reporter';

/**
 * The list reporter marks a skipped test with a bare dash. This prints, after its summary, why
 * tests were skipped: each reason once, with how many tests and which files it covers. It works
 * for a run and for `--list` (tests skipped by a file-level `test.skip(condition, reason)`).
 */
export default class SkipReasonsReporter implements Reporter {
  private root: Suite | undefined;

  onBegin(_config: unknown, suite: Suite): void {
    this.root = suite;
  }

  onEnd(_result: FullResult): void {
    const byReason = new Map<string, { count: number; files: Set<string> }>();
    const tests = this.root?.allTests() ?? [];
    const listOnly = tests.every((test) => test.results.length === 0);
    for (const test of tests) {
      if (!skipped(test)) continue;
      const reason = skipReason(test);
      const entry = byReason.get(reason) ?? { count: 0, files: new Set<string>() };
      entry.count += 1;
      entry.files.add(relative(process.cwd(), test.location.file));
      byReason.set(reason, entry);
    }
    for (const [reason, { count, files }] of byReason) {
      console.log(`  ${count} ${listOnly ? 'will be skipped' : 'skipped'}: ${reason} (${[...files].join(', ')})`);
    }
  }

  printsToStdio(): boolean {
    return true;
  }
}

function skipped(test: TestCase): boolean {
  const last = test.results.at(-1);
  // Listed but not run (--list): only a skip decided when the file loaded is known.
  return last ? last.status === 'skipped' : test.expectedStatus === 'skipped';
}

function skipReason(test: TestCase): string {
  const annotations = [...test.annotations, ...(test.results.at(-1)?.annotations ?? [])];
  const skip = annotations.find((annotation) => (annotation.type === 'skip' || annotation.type === 'fixme') && annotation.description);
  return skip?.description ?? 'no reason given';
}
