import { contextBridge, ipcRenderer } from 'electron';
import type { InputOf, MethodName, WireResult } from '../../shared/contract';
import {
  BRIDGE_GLOBAL_NAME,
  IPC_CHANNEL,
  LEAVE_ANSWER_CHANNEL,
  LEAVE_QUESTION_CHANNEL,
  SAVE_THEN_CLOSE_CHANNEL,
  WORKSPACE_CHANGED_CHANNEL,
  WORKSPACE_COMMAND_CHANNEL,
  type ElectronBridge,
} from '../../shared/wire';

/**
 * The page's only way into the app: one typed function per contract method, all on the single
 * IPC channel the main process checks. Never a generic invoke(channel, …) and never ipcRenderer
 * itself, so a compromised page can reach nothing the contract does not offer.
 */

function call<M extends MethodName>(method: M, input: InputOf<M>): Promise<WireResult<M>> {
  return ipcRenderer.invoke(IPC_CHANNEL, method, input) as Promise<WireResult<M>>;
}

// Written out rather than generated from METHOD_NAMES: `satisfies` makes a missing, extra or
// mistyped method a compile error, and the preload stays free of the contract's zod runtime.
const agentTriage = {
  appInfo: (input) => call('appInfo', input),
  setActor: (input) => call('setActor', input),

  currentWorkspace: (input) => call('currentWorkspace', input),
  recentWorkspaces: (input) => call('recentWorkspaces', input),
  createWorkspace: (input) => call('createWorkspace', input),
  openWorkspace: (input) => call('openWorkspace', input),
  saveWorkspaceAs: (input) => call('saveWorkspaceAs', input),
  openDemoWorkspace: (input) => call('openDemoWorkspace', input),

  listAgents: (input) => call('listAgents', input),
  getAgent: (input) => call('getAgent', input),
  createAgent: (input) => call('createAgent', input),
  updateAgent: (input) => call('updateAgent', input),
  agentAudit: (input) => call('agentAudit', input),

  exportFormats: (input) => call('exportFormats', input),
  startWorkspaceExport: (input) => call('startWorkspaceExport', input),
  takeWorkspaceExport: (input) => call('takeWorkspaceExport', input),
  diffManifest: (input) => call('diffManifest', input),

  getJob: (input) => call('getJob', input),
  cancelJob: (input) => call('cancelJob', input),

  startScan: (input) => call('startScan', input),
  listCandidates: (input) => call('listCandidates', input),
  getCandidate: (input) => call('getCandidate', input),
  candidateMatches: (input) => call('candidateMatches', input),
  confirmCandidate: (input) => call('confirmCandidate', input),
  dismissCandidate: (input) => call('dismissCandidate', input),
  mergeCandidate: (input) => call('mergeCandidate', input),
  reopenCandidate: (input) => call('reopenCandidate', input),
  inventory: (input) => call('inventory', input),
  listRules: (input) => call('listRules', input),
  setRuleEnabled: (input) => call('setRuleEnabled', input),
  previewImport: (input) => call('previewImport', input),
  startImport: (input) => call('startImport', input),
  listImports: (input) => call('listImports', input),
  blastRadius: (input) => call('blastRadius', input),
  whoCanReach: (input) => call('whoCanReach', input),
  listDataSources: (input) => call('listDataSources', input),
  classifyDataSource: (input) => call('classifyDataSource', input),
  listPrincipals: (input) => call('listPrincipals', input),
  credentialLinks: (input) => call('credentialLinks', input),
  linkCredential: (input) => call('linkCredential', input),
  unlinkCredential: (input) => call('unlinkCredential', input),
  agentDossier: (input) => call('agentDossier', input),
  usageOverview: (input) => call('usageOverview', input),
  usageTotals: (input) => call('usageTotals', input),
  usageSeries: (input) => call('usageSeries', input),
  listUsageKeys: (input) => call('listUsageKeys', input),
  mapUsageKey: (input) => call('mapUsageKey', input),
  agentActivity: (input) => call('agentActivity', input),
  agentUsage: (input) => call('agentUsage', input),
  listModelPrices: (input) => call('listModelPrices', input),
  setModelPrice: (input) => call('setModelPrice', input),
  resetModelPrice: (input) => call('resetModelPrice', input),
  listBudgets: (input) => call('listBudgets', input),
  setBudget: (input) => call('setBudget', input),
  exportBudgets: (input) => call('exportBudgets', input),
  setProductiveUnits: (input) => call('setProductiveUnits', input),
  deleteProductiveUnits: (input) => call('deleteProductiveUnits', input),
  agentChecklist: (input) => call('agentChecklist', input),
  triageOverview: (input) => call('triageOverview', input),
  irreversibleRegister: (input) => call('irreversibleRegister', input),
  attestChecklistItem: (input) => call('attestChecklistItem', input),
  workspacePlan: (input) => call('workspacePlan', input),
  startPlan: (input) => call('startPlan', input),
  updatePlanTask: (input) => call('updatePlanTask', input),
  markReviewed: (input) => call('markReviewed', input),
  agentDrift: (input) => call('agentDrift', input),
  executiveReport: (input) => call('executiveReport', input),
  reportSettings: (input) => call('reportSettings', input),
  setReportSettings: (input) => call('setReportSettings', input),
  startReportPdf: (input) => call('startReportPdf', input),
  takeReportPdf: (input) => call('takeReportPdf', input),
  runWorkspaceCommand: async (command) => {
    await ipcRenderer.invoke(WORKSPACE_COMMAND_CHANNEL, command);
  },
  onWorkspaceChanged: (listener) => {
    // The IPC event is not passed on: it carries `sender`, which is ipcRenderer itself.
    const notify = () => listener();
    ipcRenderer.on(WORKSPACE_CHANGED_CHANNEL, notify);
    return () => {
      ipcRenderer.removeListener(WORKSPACE_CHANGED_CHANNEL, notify);
    };
  },
  onLeaveQuestion: (ask) => {
    const answer = (_event: unknown, id: unknown) => {
      void ask().then(
        (leave) => ipcRenderer.invoke(LEAVE_ANSWER_CHANNEL, id, leave),
        () => ipcRenderer.invoke(LEAVE_ANSWER_CHANNEL, id, false),
      );
    };
    ipcRenderer.on(LEAVE_QUESTION_CHANNEL, answer);
    return () => {
      ipcRenderer.removeListener(LEAVE_QUESTION_CHANNEL, answer);
    };
  },
  onSaveThenClose: (listener) => {
    const notify = () => listener();
    ipcRenderer.on(SAVE_THEN_CLOSE_CHANNEL, notify);
    return () => {
      ipcRenderer.removeListener(SAVE_THEN_CLOSE_CHANNEL, notify);
    };
  },
} satisfies ElectronBridge;

contextBridge.exposeInMainWorld(BRIDGE_GLOBAL_NAME, agentTriage);
