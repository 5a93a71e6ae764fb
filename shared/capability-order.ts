import type { CapabilityKind } from './discovery';

/**
 * Capabilities by how much harm they can do, most severe first: money moved, data destroyed,
 * messages sent in the company's name, arbitrary commands, production writes. Lists of them are
 * shown in this order, so when a list is shortened the harmless ones go, never Payments.
 */
export const CAPABILITY_SEVERITY_ORDER: readonly CapabilityKind[] = [
  'payment',
  'data-delete',
  'external-communication',
  'shell-exec',
  'data-write',
  'code-execution',
  'data-export',
  'outbound-network',
  'file-write',
  'data-read',
];

const RANK = new Map(CAPABILITY_SEVERITY_ORDER.map((kind, i) => [kind, i]));

/** Distinct kinds, most severe first; kinds this build does not know (a newer engine's) go last. */
export function bySeverity(kinds: Iterable<CapabilityKind>): CapabilityKind[] {
  const rank = (k: CapabilityKind) => RANK.get(k) ?? CAPABILITY_SEVERITY_ORDER.length;
  return [...new Set(kinds)].sort((a, b) => rank(a) - rank(b));
}
