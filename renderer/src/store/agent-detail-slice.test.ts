import { describe, expect, it } from 'vitest';
import { DEFAULT_AGENT_FIELDS } from '../../../shared/agent';
import type { AgentDetail, AuditEntry } from '../../../shared/contract';
import { BackendError } from '../../../shared/errors';
import { fakeBackend } from '../testing/fake-backend';
import { createAppStore } from './index';

const detail = (over: Partial<AgentDetail> = {}): AgentDetail => ({
  ...DEFAULT_AGENT_FIELDS,
  id: 'a1',
  name: 'invoice-bot',
  createdAt: '2025-01-01T00:00:00.000Z',
  updatedAt: '2025-01-01T00:00:00.000Z',
  completeness: { filled: 1, total: 7, missing: ['trigger', 'dataAccess', 'credentials', 'owner', 'lastReviewed', 'rollback'] },
  flags: ['no-rollback'],
  ...over,
});
const audit = (field: string): AuditEntry => ({ id: 1, at: '2025-01-02T10:00:00.000Z', actor: 'sam', entity: 'agent', entityId: 'a1', field, before: null, after: 'x', via: 'ui' });

describe('agent detail slice', () => {
  it('loads an agent with its audit log', async () => {
    const store = createAppStore(fakeBackend({ getAgent: async () => detail(), agentAudit: async () => [audit('name')] }));
    await store.getState().loadAgent('a1');
    expect(store.getState()).toMatchObject({ agent: { name: 'invoice-bot' }, agentAudit: [{ field: 'name' }], agentLoading: false });
  });

  it('saves a patch and refreshes the audit log', async () => {
    const store = createAppStore(
      fakeBackend({
        updateAgent: async ({ id, patch }) => detail({ id, ...patch }),
        agentAudit: async () => [audit('environment')],
      }),
    );
    const saved = await store.getState().saveAgent({ id: 'a1', patch: { environment: 'staging' } });
    expect(saved?.environment).toBe('staging');
    expect(store.getState().agentAudit.map((e) => e.field)).toEqual(['environment']);
  });

  it('keeps the whole error of a refused save so the form can place field errors', async () => {
    const details = [{ path: 'patch.owner.email', message: 'owner email is not an email address' }];
    const store = createAppStore(
      fakeBackend({
        updateAgent: async () => {
          throw new BackendError('invalid-input', 'Invalid input for updateAgent at patch.owner.email', details);
        },
      }),
    );
    expect(await store.getState().saveAgent({ id: 'a1', patch: { owner: { name: 'Dana', email: 'nope' } } })).toBeNull();
    expect(store.getState().agentSaveError).toEqual({ code: 'invalid-input', message: 'Invalid input for updateAgent at patch.owner.email', details });
    expect(store.getState().agentSaving).toBe(false);
  });

  it('creates a new agent from a draft', async () => {
    const store = createAppStore(fakeBackend({ createAgent: async ({ draft }) => detail({ id: 'new-1', name: draft.name }), agentAudit: async () => [] }));
    const created = await store.getState().saveAgent({ draft: { name: 'triage-bot' } });
    expect(created?.id).toBe('new-1');
    expect(store.getState().agent?.name).toBe('triage-bot');
  });

  it('remembers which agent failed to load', async () => {
    const store = createAppStore(
      fakeBackend({
        getAgent: async ({ id }) => {
          throw new BackendError('not-found', `There is no agent ${id} in this workspace.`);
        },
        agentAudit: async () => [],
      }),
    );
    await store.getState().loadAgent('gone');
    expect(store.getState().agentError).toEqual({ agentId: 'gone', message: 'There is no agent gone in this workspace.' });
  });
});
