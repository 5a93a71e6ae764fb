/**
 * The executive report: what a CISO reads without opening the app. One read model (built by the
 * engine from the dossiers, triage, the plan and usage) feeds one print route in the renderer,
 * which both printers (Electron's printToPDF, Chromium driven by playwright-core) turn into a PDF.
 */

import type { AnswerCard } from './answer-card';
import type { ChecklistItemKey, RiskTier, TriageRow, Verdict } from './checklist';
import type { BurnUpPoint, PlanPhaseProgress } from './plan';

export const REPORT_SECTIONS = ['cover', 'summary', 'risk-matrix', 'top-risks', 'checklist', 'plan', 'cost', 'appendix'] as const;
export type ReportSection = (typeof REPORT_SECTIONS)[number];

export const REPORT_SECTION_LABELS: Record<ReportSection, string> = {
  cover: 'Cover',
  summary: 'One-page summary',
  'risk-matrix': 'Risk matrix',
  'top-risks': 'Top risks and their blast radius',
  checklist: '48-hour checklist across agents',
  plan: '90-day plan progress',
  cost: 'Cost by agent',
  appendix: 'Appendix: registry and answer cards',
};

/** The sections of a `?sections=a,b` list, in report order; unknown names are dropped, none given means all. */
export function parseReportSections(text: string | null | undefined): ReportSection[] {
  if (text === null || text === undefined || text.trim() === '') return [...REPORT_SECTIONS];
  const asked = new Set(text.split(',').map((s) => s.trim()));
  return REPORT_SECTIONS.filter((s) => asked.has(s));
}

export const CONFIDENTIALITY_MARKINGS = ['Public', 'Internal', 'Confidential', 'Strictly confidential'] as const;
export type ConfidentialityMarking = (typeof CONFIDENTIALITY_MARKINGS)[number];

/** What the cover says about the engagement: a person's words, stored in the workspace. */
export interface ReportSettings {
  engagement: string;
  client: string;
  confidentiality: ConfidentialityMarking;
  /** Who set them last; null while the defaults (from the workspace itself) apply. */
  setBy: string | null;
  setAt: string | null;
}

/** A share of the agents in scope: `count` of `of`. */
export interface AgentShare {
  count: number;
  of: number;
}

export interface ReportHeadline {
  /** Agents in scope (registry agents not dismissed or retired) plus candidates found by scans or in usage that nobody has reviewed yet. */
  discovered: number;
  /** Of them, candidates still waiting for review. */
  awaitingReview: number;
  /** Agents in scope with all seven Step 0 registry fields filled. */
  documented: AgentShare;
  withOwner: AgentShare;
  withRollback: AgentShare;
  allFourAnswers: AgentShare;
  p0: number;
  p1: number;
  /** Agents that run shell commands or call hosts chosen at run time (48-hour items 1 and 2 failing). */
  shellOrArbitraryNetwork: number;
  /** Agents holding a credential another agent or system also uses (48-hour item 4 failing). */
  sharedCredentials: number;
  /** LLM spend no agent or the application layer accounts for; null without imported usage. */
  unattributedSpend: { costUsd: number; share: number; totalUsd: number } | null;
}

export interface TopRisk {
  agentId: string;
  name: string;
  owner: string | null;
  tier: RiskTier;
  score: number;
  /** The blast radius in one line: what its credentials reach, or which import would tell. */
  blastRadius: string;
  /** The 48-hour and Step 0 items it fails, by title. */
  failing: string[];
}

export interface ChecklistItemStatus {
  key: ChecklistItemKey;
  title: string;
  pass: number;
  fail: number;
  unknown: number;
  /** A person attested it done (shown beside the verdict; a fail stays a fail). */
  attestedDone: number;
}

export interface AgentChecklistLine {
  agentId: string;
  name: string;
  tier: RiskTier;
  verdicts: Array<{ key: ChecklistItemKey; verdict: Verdict; attested: boolean }>;
}

export interface ReportPlan {
  startDate: string | null;
  today: string;
  phases: PlanPhaseProgress[];
  burnUp: BurnUpPoint[];
  open: number;
  done: number;
  overdue: number;
}

export interface ReportCost {
  period: { from: string; to: string };
  totalUsd: number;
  unattributedUsd: number;
  unattributedShare: number;
  /** Agents by cost, highest first. */
  byAgent: Array<{ agentId: string; name: string; costUsd: number; tokens: number; share: number }>;
  /** Models with no price: their tokens are counted, their cost is unknown. */
  unpricedModels: string[];
}

export interface RegistryLine {
  agentId: string;
  name: string;
  status: string;
  owner: string | null;
  trigger: string;
  environment: string;
  lastReviewed: string | null;
  rollback: boolean;
  filled: number;
  tier: RiskTier;
  answered: number;
}

/** Why a section (or part of one) has nothing to show, and which import or step would fill it. */
export type ReportGaps = Partial<Record<ReportSection, string[]>>;

export interface ExecutiveReport {
  generatedAt: string;
  workspaceName: string;
  settings: ReportSettings;
  headline: ReportHeadline;
  /** Every agent in scope, highest risk first: the matrix and the top risks read this. */
  risks: TriageRow[];
  topRisks: TopRisk[];
  checklist: { items: ChecklistItemStatus[]; agents: AgentChecklistLine[] };
  plan: ReportPlan;
  cost: ReportCost | null;
  registry: RegistryLine[];
  answerCards: Array<{ agentId: string; name: string; owner: string | null; answers: AnswerCard }>;
  gaps: ReportGaps;
}

/** What a finished PDF export produced. */
export interface ReportPdf {
  fileName: string;
  bytes: number;
  sections: ReportSection[];
}
