import type { AgentStatus } from './agent';

/** Why a discovered candidate looks like an agent the registry already has. */
export const MATCH_REASON_KINDS = ['name', 'schedule', 'entry-point', 'credential'] as const;
export type MatchReasonKind = (typeof MATCH_REASON_KINDS)[number];

export interface MatchReason {
  kind: MatchReasonKind;
  /** For people: "similar name (92%)", "same schedule 15 2 * * *", "same credential ZENDESK_API_TOKEN". */
  detail: string;
}

/** A registry agent a candidate probably is, strongest first, so confirming it does not create a duplicate. */
export interface CandidateMatch {
  agentId: string;
  agentName: string;
  status: AgentStatus;
  ownerName: string | null;
  /** 0..1: how much the reasons together say it is the same agent. */
  score: number;
  reasons: MatchReason[];
}
