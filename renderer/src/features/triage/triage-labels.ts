import type { Attestation, RiskScore, RiskTier, Verdict } from '../../../../shared/checklist';
import type { BadgeTone } from '../../ui/Badge';

export const TIER_TONES: Record<RiskTier, BadgeTone> = { P0: 'danger', P1: 'warning', P2: 'neutral', P3: 'muted' };

/** Unknown is grey and says so: it is never drawn like a pass. */
export const VERDICT_TONES: Record<Verdict, BadgeTone> = { pass: 'success', fail: 'danger', unknown: 'neutral' };
export const VERDICT_LABELS: Record<Verdict, string> = { pass: 'Pass', fail: 'Fail', unknown: 'Unknown' };

export type AttestationStatus = Attestation['status'];
export const ATTESTATION_LABELS: Record<AttestationStatus, string> = { done: 'Done', 'not-done': 'Not done', 'not-applicable': 'Not applicable' };
export const ATTESTATION_TONES: Record<AttestationStatus, BadgeTone> = { done: 'accent', 'not-done': 'warning', 'not-applicable': 'muted' };

const twoDecimals = new Intl.NumberFormat('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 2 });
const perDay = new Intl.NumberFormat('en-US', { maximumFractionDigits: 1 });
const perDayWhole = new Intl.NumberFormat('en-US', { maximumFractionDigits: 0 });

export const scoreText = (score: number): string => twoDecimals.format(score);
export const sensitivityText = (risk: Pick<RiskScore, 'sensitivity'>): string => (risk.sensitivity === null ? 'unknown' : twoDecimals.format(risk.sensitivity));
export const monitoringGapText = (gap: number): string => `${Math.round(gap * 100)}%`;
export const volumeText = (risk: Pick<RiskScore, 'volumePerDay'>): string => (risk.volumePerDay === null ? 'no usage' : `${(risk.volumePerDay >= 100 ? perDayWhole : perDay).format(risk.volumePerDay)}/day`);

/** "collections/config.py:14", or the path alone, or null for evidence outside code. */
export function locationText(evidence: { path?: string; line?: number }): string | null {
  if (!evidence.path) return null;
  return evidence.line === undefined ? evidence.path : `${evidence.path}:${evidence.line}`;
}

const dateTime = new Intl.DateTimeFormat('en-GB', { dateStyle: 'medium', timeStyle: 'short' });
export function attestedAtText(at: string): string {
  const date = new Date(at);
  return Number.isNaN(date.getTime()) ? at : dateTime.format(date);
}
