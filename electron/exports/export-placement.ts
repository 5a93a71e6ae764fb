import type { ExportFormat } from './formats';

/**
 * Where an export runs: on the host's thread while its predicted work is shorter than the stall
 * the host can take (api/host-stall-budget.ts), else in a job worker, as imports are placed
 * (imports/import-placement.ts). The same job either way (status, progress, cancel); a worker
 * costs about 190 ms of start-up, which a CLI export of a small registry would mostly be.
 * A format without a measured cost (the ones that build every agent's dossier) always takes the
 * worker: its work grows too fast with the workspace to be guessed safely.
 */
export function predictedExportMs(format: ExportFormat, agents: number): number | null {
  const cost = format.hostThreadCost;
  return cost ? cost.fixedMs + agents * cost.msPerAgent : null;
}

export function exportRunsOnHostThread(format: ExportFormat, agents: number, stallBudgetMs: number): boolean {
  const predicted = predictedExportMs(format, agents);
  return predicted !== null && predicted < stallBudgetMs;
}
