import { z } from 'zod';
import { method, Empty } from './method';
import { CANDIDATE_DECISIONS, type CandidateDetail, type CandidateSummary, type RuleInfo, type ScanSummary } from '../discovery';
import type { CandidateMatch } from '../candidate-match';
import type { AgentRecord } from '../agent';
import type { AgentDetail } from './agents';

/** Repository discovery: scans, candidates and the decisions on them, rules, advisories. */

export interface CandidateList {
  candidates: CandidateSummary[];
  /** The latest scan of every scanned folder. */
  scans: ScanSummary[];
}
export interface Inventory {
  agents: AgentRecord[];
  candidates: CandidateDetail[];
}
const IdentityKey = z.string().min(1).max(2000);


export const discoveryContract = {
  startScan: method<{ jobId: string }>()(z.object({ roots: z.array(z.string().trim().min(1).max(4096)).min(1, 'choose at least one folder').max(50) })),
  listCandidates: method<CandidateList>()(z.object({ decision: z.enum([...CANDIDATE_DECISIONS, 'all']).default('all'), text: z.string().max(200).optional() })),
  getCandidate: method<CandidateDetail>()(z.object({ identityKey: IdentityKey })),
  /** Registry agents the candidate probably already is (name, schedule, entry point, credential), most likely first. */
  candidateMatches: method<CandidateMatch[]>()(z.object({ identityKey: IdentityKey })),
  confirmCandidate: method<AgentDetail>()(z.object({ identityKey: IdentityKey })),
  dismissCandidate: method<CandidateDetail>()(z.object({ identityKey: IdentityKey, reason: z.string().trim().min(1, 'say why it is not an agent').max(2000) })),
  mergeCandidate: method<AgentDetail>()(z.object({ identityKey: IdentityKey, agentId: z.string().min(1).max(100) })),
  reopenCandidate: method<CandidateDetail>()(z.object({ identityKey: IdentityKey })),
  inventory: method<Inventory>()(Empty),
  listRules: method<RuleInfo[]>()(Empty),
  setRuleEnabled: method<RuleInfo>()(z.object({ ruleId: z.string().min(1).max(200), enabled: z.boolean() })),
} as const;
