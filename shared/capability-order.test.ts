import { describe, expect, it } from 'vitest';
import { CAPABILITY_KINDS, type CapabilityKind } from './discovery';
import { bySeverity, CAPABILITY_SEVERITY_ORDER } from './capability-order';

describe('bySeverity', () => {
  it('puts payments, deletes, messages, shell and production writes first, once each', () => {
    const found: CapabilityKind[] = ['data-read', 'file-write', 'data-write', 'shell-exec', 'external-communication', 'data-read', 'data-delete', 'payment'];
    expect(bySeverity(found)).toEqual(['payment', 'data-delete', 'external-communication', 'shell-exec', 'data-write', 'file-write', 'data-read']);
  });
  it('ranks every capability kind', () => {
    expect([...CAPABILITY_SEVERITY_ORDER].sort()).toEqual([...CAPABILITY_KINDS].sort());
  });
  it('keeps kinds it does not know, last', () => {
    expect(bySeverity(['data-read', 'teleport' as CapabilityKind, 'payment'])).toEqual(['payment', 'data-read', 'teleport']);
  });
});
