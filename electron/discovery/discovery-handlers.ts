import type { RuleInfo } from '../../shared/discovery';
import { BackendError } from '../../shared/errors';
import { ruleCatalog } from './rules/rule-catalog';
import {
  allCandidates,
  confirmCandidate,
  dismissCandidate,
  disabledRuleIds,
  getCandidate,
  latestScans,
  listCandidates,
  mergeCandidate,
  registryForMatching,
  reopenCandidate,
  setRuleEnabled,
} from './discovery-repository';
import { candidateMatches } from './match/candidate-matches';
import { allAgentRecords, getAgentDetail } from '../agents/agents-repository';
import type { Handlers } from '../api/dispatcher';
import type { Session } from '../api/session';
import { APP_STALL_BUDGET_MS } from '../api/host-stall-budget';
import { scanRunsOnHostThread } from './scan-placement';

export function discoveryHandlers(session: Session) {
  const db = () => session.workspace().db;
  const advisories = () => session.advisoryLookup();
  const ruleInfo = (disabled: ReadonlySet<string>) => (rule: ReturnType<typeof ruleCatalog>[number]): RuleInfo => ({ ...rule, enabled: !disabled.has(rule.id) });

  return {
    startScan: ({ roots }, ctx) => {
      const title = `Scan ${roots.length === 1 ? roots[0] : `${roots.length} folders`}`;
      const author = { actor: ctx.actor, via: ctx.via };
      // The same job either way (status, progress, cancel); a folder of a few files is not worth a worker's start-up.
      const job = scanRunsOnHostThread(roots, session.options.hostStallBudgetMs ?? APP_STALL_BUDGET_MS)
        ? session.startJobInProcess('scan', title, author, null, async (jobContext) => (await import('./scan-job')).runScan(jobContext, { roots }))
        : session.startJob('scan', title, { roots }, author);
      return { jobId: job.id };
    },
    listCandidates: (filter) => ({ candidates: listCandidates(db(), filter, advisories()), scans: latestScans(db()) }),
    getCandidate: ({ identityKey }) => getCandidate(db(), identityKey, advisories()),
    candidateMatches: ({ identityKey }) => candidateMatches(getCandidate(db(), identityKey, advisories()), registryForMatching(db(), advisories())),
    confirmCandidate: ({ identityKey }, ctx) => getAgentDetail(db(), confirmCandidate(db(), identityKey, ctx, advisories())),
    dismissCandidate: ({ identityKey, reason }, ctx) => {
      dismissCandidate(db(), identityKey, reason, ctx, advisories());
      return getCandidate(db(), identityKey, advisories());
    },
    mergeCandidate: ({ identityKey, agentId }, ctx) => {
      mergeCandidate(db(), identityKey, agentId, ctx, advisories());
      return getAgentDetail(db(), agentId);
    },
    reopenCandidate: ({ identityKey }, ctx) => {
      reopenCandidate(db(), identityKey, ctx, advisories());
      return getCandidate(db(), identityKey, advisories());
    },
    inventory: () => ({ agents: allAgentRecords(db()), candidates: allCandidates(db(), advisories()) }),
    listRules: () => ruleCatalog().map(ruleInfo(disabledRuleIds(db()))),
    setRuleEnabled: ({ ruleId, enabled }, ctx) => {
      const rule = ruleCatalog().find((r) => r.id === ruleId);
      if (!rule) throw new BackendError('not-found', `There is no rule ${ruleId}; see the rule list for the ids.`);
      setRuleEnabled(db(), ruleId, enabled, ctx);
      return ruleInfo(disabledRuleIds(db()))(rule);
    },
  } satisfies Partial<Handlers>;
}
