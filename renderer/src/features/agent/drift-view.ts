import { DRIFT_KIND_LABELS, type DriftChange, type DriftKind } from '../../../../shared/review';
import type { BadgeTone } from '../../ui/Badge';

export interface DriftGroup {
  kind: DriftKind;
  title: string;
  changes: DriftChange[];
}

/**
 * The drift card's groups: one per kind, in the order of its most serious change (the engine
 * sorts most serious first), each keeping that order inside.
 */
export function driftGroups(changes: readonly DriftChange[]): DriftGroup[] {
  const groups = new Map<DriftKind, DriftGroup>();
  for (const change of changes) {
    const group = groups.get(change.kind) ?? { kind: change.kind, title: DRIFT_KIND_LABELS[change.kind], changes: [] };
    group.changes.push(change);
    groups.set(change.kind, group);
  }
  return [...groups.values()];
}

/** New reach a reviewer must look at is red (write access, credentials, irreversible capabilities) or amber; a removal is grey. */
export function driftTone(change: DriftChange): BadgeTone {
  if (change.change === 'removed') return 'muted';
  return change.severity === 'high' ? 'danger' : change.severity === 'medium' ? 'warning' : 'neutral';
}

export const DRIFT_CHANGE_LABELS: Record<DriftChange['change'], string> = { added: 'New', removed: 'Removed', changed: 'Changed' };
