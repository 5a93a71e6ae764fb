import type { CapabilityKind, CredentialRefKind, CredentialReference, EndpointReference, Evidence, TriggerFinding, UnitKind } from '../../../shared/discovery';
import type { TriggerKind } from '../../../shared/agent';
import type { ConfigFindings, UnitFinding } from '../findings';
import { describeCron } from './cron-words';

/** The facts a unit (or a whole file) accumulates; each list stays free of duplicates. */
export type UnitFacts = Pick<UnitFinding, 'credentials' | 'endpoints' | 'capabilities' | 'llm'>;

export function newUnit(kind: UnitKind, name: string, path: string, evidence: Evidence, trigger: TriggerFinding): UnitFinding {
  return { kind, name, path, evidence, trigger, runs: [], codePaths: [], credentials: [], endpoints: [], capabilities: [], untrustedInputs: [], llm: [] };
}

export function newFindings(path: string, format: string): ConfigFindings {
  return { type: 'config', path, format, units: [], credentials: [] };
}

export function noTrigger(description: string): TriggerFinding {
  return { kind: 'unknown', schedule: null, description, evidence: null };
}

/** What a unit shows when the rule that found its trigger is turned off for the workspace. */
export const TRIGGER_RULE_OFF: TriggerFinding = { kind: 'unknown', schedule: null, description: 'Trigger not shown: its rule is turned off', evidence: null };

export function trigger(kind: TriggerKind, schedule: string | null, description: string, evidence: Evidence | null): TriggerFinding | null {
  return evidence ? { kind, schedule, description, evidence } : null;
}

/** A cron trigger whose description is the schedule in words, with the time zone it runs in. */
export function cronTrigger(expression: string, evidence: Evidence | null, zone: string | null): TriggerFinding | null {
  const words = describeCron(expression);
  const description = zone && !words.startsWith('Unrecognised') ? `${words} ${zone === 'UTC' ? 'UTC' : `(${zone})`}` : words;
  return trigger('cron', expression, description, evidence);
}

/**
 * Unattended triggers first: a job that runs on a schedule or on an event is what a reviewer must
 * own, even when it can also be started by hand.
 */
const TRIGGER_PRECEDENCE: TriggerKind[] = ['cron', 'chained', 'event', 'webhook', 'user', 'unknown'];

/** The trigger that best describes a unit with several; the others are named in its description. */
export function primaryTrigger(triggers: Array<TriggerFinding | null>, fallback: TriggerFinding): TriggerFinding {
  const found = triggers.filter((t): t is TriggerFinding => t !== null);
  if (found.length === 0) return fallback;
  const sorted = [...found].sort((a, b) => TRIGGER_PRECEDENCE.indexOf(a.kind) - TRIGGER_PRECEDENCE.indexOf(b.kind));
  const [first, ...rest] = sorted as [TriggerFinding, ...TriggerFinding[]];
  if (rest.length === 0) return first;
  return { ...first, description: `${first.description}; also ${rest.map((t) => lowerFirst(t.description)).join('; ')}` };
}

const lowerFirst = (text: string) => (/^[A-Z][a-z]/.test(text) ? text.charAt(0).toLowerCase() + text.slice(1) : text);

export function addCredential(
  facts: Pick<UnitFacts, 'credentials'>,
  kind: CredentialRefKind,
  name: string,
  provider: string | null,
  evidence: Evidence | null,
  secret: { fingerprint: string; preview: string | null } | null = null,
): void {
  if (!evidence || facts.credentials.some((c) => c.kind === kind && c.name === name)) return;
  facts.credentials.push({ kind, name, provider, fingerprint: secret?.fingerprint ?? null, preview: secret?.preview ?? null, evidence });
}

export function addCapability(facts: Pick<UnitFacts, 'capabilities'>, kind: CapabilityKind, detail: string, evidence: Evidence | null, tool: string | null = null): void {
  if (!evidence || facts.capabilities.some((c) => c.kind === kind && c.detail === detail && c.tool === tool)) return;
  facts.capabilities.push({ kind, detail, tool, evidence });
}

export function addEndpoint(facts: Pick<UnitFacts, 'endpoints'>, host: string, purpose: EndpointReference['purpose'], evidence: Evidence | null): void {
  if (!evidence || facts.endpoints.some((e) => e.host === host && e.purpose === purpose)) return;
  facts.endpoints.push({ host, purpose, evidence });
}

export function addLlm(facts: Pick<UnitFacts, 'llm'>, provider: string, sdk: string, models: string[], evidence: Evidence | null): void {
  if (!evidence) return;
  const same = facts.llm.find((l) => l.provider === provider && l.sdk === sdk);
  if (same) {
    for (const model of models) if (!same.models.includes(model)) same.models.push(model);
    return;
  }
  facts.llm.push({ provider, sdk, models: [...models], evidence });
}

/** Copies file-level facts (workflow env, provider environment) into a unit. */
export function mergeFacts(into: UnitFacts, from: Partial<UnitFacts>): void {
  copyCredentials(into, from.credentials ?? []);
  for (const c of from.capabilities ?? []) addCapability(into, c.kind, c.detail, c.evidence, c.tool);
  for (const e of from.endpoints ?? []) addEndpoint(into, e.host, e.purpose, e.evidence);
  for (const l of from.llm ?? []) addLlm(into, l.provider, l.sdk, l.models, l.evidence);
}

export function copyCredentials(into: Pick<UnitFacts, 'credentials'>, credentials: CredentialReference[]): void {
  for (const c of credentials) addCredential(into, c.kind, c.name, c.provider, c.evidence, c.fingerprint ? { fingerprint: c.fingerprint, preview: c.preview } : null);
}

export function addUnique(list: string[], ...items: string[]): void {
  for (const item of items) if (item && !list.includes(item)) list.push(item);
}

