import { bySeverity } from '../../../../shared/capability-order';
import type { CapabilityKind } from '../../../../shared/discovery';
import type { Chip } from '../../ui/ChipList';
import { CAPABILITY_EXPLANATIONS, CAPABILITY_LABELS, CAPABILITY_TONES } from './discovery-labels';

/** A candidate's capabilities as badges, most severe first (Payments before Reads data). */
export const capabilityChips = (kinds: Iterable<CapabilityKind>): Chip[] =>
  bySeverity(kinds).map((k) => ({ key: k, label: CAPABILITY_LABELS[k], tone: CAPABILITY_TONES[k], title: CAPABILITY_EXPLANATIONS[k] }));
