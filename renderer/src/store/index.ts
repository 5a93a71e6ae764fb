import { createStore } from 'zustand/vanilla';
import type { Backend } from '../../../shared/contract';
import { createAgentDetailSlice } from './agent-detail-slice';
import { createAgentsSlice } from './agents-slice';
import { createAppSlice } from './app-slice';
import { createBlastRadiusSlice } from './blast-radius-slice';
import { createCloudIdentitySlice } from './cloud-identity-slice';
import { createDiscoverySlice } from './discovery-slice';
import { createExportsSlice } from './exports-slice';
import { createFileImportsSlice } from './file-imports-slice';
import type { AppState } from './app-state';
import { createJobsSlice } from './jobs-slice';
import { createPlanSlice } from './plan-slice';
import { createRegistryFilesSlice } from './registry-files-slice';
import { createReportSlice } from './report-slice';
import { createReviewSlice } from './review-slice';
import { createToastsSlice } from './toasts-slice';
import { createTriageSlice } from './triage-slice';
import { createUsageSlice } from './usage-slice';
import { createWorkspaceSlice } from './workspace-slice';

export type { AppState } from './app-state';

/** One store per backend connection; tests build theirs with a fake backend. */
export function createAppStore(backend: Backend) {
  return createStore<AppState>()((...a) => ({
    ...createAppSlice(backend)(...a),
    ...createWorkspaceSlice(backend)(...a),
    ...createAgentsSlice(backend)(...a),
    ...createAgentDetailSlice(backend)(...a),
    ...createJobsSlice(backend)(...a),
    ...createRegistryFilesSlice(backend)(...a),
    ...createExportsSlice(backend)(...a),
    ...createDiscoverySlice(backend)(...a),
    ...createFileImportsSlice(backend)(...a),
    ...createBlastRadiusSlice(backend)(...a),
    ...createCloudIdentitySlice(backend)(...a),
    ...createUsageSlice(backend)(...a),
    ...createTriageSlice(backend)(...a),
    ...createPlanSlice(backend)(...a),
    ...createReviewSlice(backend)(...a),
    ...createReportSlice(backend)(...a),
    ...createToastsSlice(backend)(...a),
  }));
}

export type AppStore = ReturnType<typeof createAppStore>;
