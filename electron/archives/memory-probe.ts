import { spawnSync } from 'node:child_process';

/** What a probe script reports for each case it ran: how it was refused, and the process's peak memory so far. */
export interface ProbeOutcome {
  name: string;
  code: string | null;
  message: string;
  /** process.resourceUsage().maxRSS after the case: the high-water mark of the whole process, in KB. */
  maxRssKb: number;
}

/**
 * Test support: runs `script` (TypeScript, through tsx) in a fresh Node process with a small
 * V8 heap, so that its peak memory is that of the cases it runs and not of the test runner.
 * The script prints its outcomes as one JSON line (see reportProbeOutcomes).
 */
export function runMemoryProbe(script: string, args: string[], heapMb = 192): ProbeOutcome[] {
  const child = spawnSync(process.execPath, [`--max-old-space-size=${heapMb}`, '--import', 'tsx', script, ...args], { encoding: 'utf8', timeout: 60_000 });
  if (child.status !== 0) throw new Error(`probe ${script} exited with ${child.status ?? child.signal}: ${child.stderr.slice(-2000)}`);
  const line = child.stdout.trim().split('\n').at(-1) ?? '';
  return JSON.parse(line) as ProbeOutcome[];
}

/** The probe side: runs each case, keeps how it ended, prints them all. */
export async function reportProbeOutcomes(cases: Array<{ name: string; run: () => unknown }>): Promise<void> {
  const outcomes: ProbeOutcome[] = [];
  for (const { name, run } of cases) {
    let code: string | null = null;
    let message = 'accepted';
    try {
      await run();
    } catch (error) {
      code = (error as { code?: string }).code ?? 'thrown';
      message = (error as Error).message;
    }
    outcomes.push({ name, code, message, maxRssKb: process.resourceUsage().maxRSS });
  }
  process.stdout.write(`${JSON.stringify(outcomes)}\n`);
}
