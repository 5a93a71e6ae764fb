import type { StateCreator } from 'zustand';
import type { Backend } from '../../../shared/contract';
import type { AgentDetailSlice } from './agent-detail-slice';
import type { AgentsSlice } from './agents-slice';
import type { AppSlice } from './app-slice';
import type { BlastRadiusSlice } from './blast-radius-slice';
import type { CloudIdentitySlice } from './cloud-identity-slice';
import type { DiscoverySlice } from './discovery-slice';
import type { ExportsSlice } from './exports-slice';
import type { FileImportsSlice } from './file-imports-slice';
import type { JobsSlice } from './jobs-slice';
import type { PlanSlice } from './plan-slice';
import type { RegistryFilesSlice } from './registry-files-slice';
import type { ReportSlice } from './report-slice';
import type { ReviewSlice } from './review-slice';
import type { ToastsSlice } from './toasts-slice';
import type { TriageSlice } from './triage-slice';
import type { UsageSlice } from './usage-slice';
import type { WorkspaceSlice } from './workspace-slice';

export type AppState = AppSlice & WorkspaceSlice & AgentsSlice & AgentDetailSlice & JobsSlice & RegistryFilesSlice & ExportsSlice & DiscoverySlice & FileImportsSlice & BlastRadiusSlice & CloudIdentitySlice & UsageSlice & TriageSlice & PlanSlice & ReviewSlice & ReportSlice & ToastsSlice;

/** Each slice sees the whole store (slices call each other's actions) and the backend it was built with. */
export type SliceCreator<Slice> = (backend: Backend) => StateCreator<AppState, [], [], Slice>;

export function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
