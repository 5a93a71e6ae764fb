import { performance } from 'node:perf_hooks';

/** Median of several timed runs: the machine is noisy, single runs are not figures. */
export async function medianMs(runs: number, fn: () => unknown | Promise<unknown>): Promise<number> {
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    await fn();
    times.push(performance.now() - start);
  }
  times.sort((a, b) => a - b);
  return times[Math.floor(times.length / 2)]!;
}

export const fmt = (ms: number) => `${ms.toFixed(1)} ms`;

export function row(label: string, value: string, target?: string): void {
  console.log(`  ${label.padEnd(58)} ${value.padStart(12)}${target ? `   (target ${target})` : ''}`);
}
