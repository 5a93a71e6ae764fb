import { describe, expect, it } from 'vitest';
import { DEFAULT_AGENT_FIELDS, type AgentFields } from '../../../../shared/agent';
import { fieldErrorsOf, fieldsOf, formValuesOf, patchOf } from './agent-form-model';

const saved: AgentFields = {
  ...DEFAULT_AGENT_FIELDS,
  name: 'invoice-bot',
  trigger: { kind: 'cron', schedule: '0 2 * * *' },
  dataAccess: [{ source: 'payments-db', access: 'write' }],
  credentials: ['svc-invoice'],
  owner: { name: 'Dana Reyes', email: 'dana@acme.test' },
  notes: { Team: 'Billing' },
};

describe('agent form model', () => {
  it('round-trips saved fields without inventing changes', () => {
    expect({ ...fieldsOf(formValuesOf(saved)), notes: saved.notes }).toEqual(saved);
    expect(patchOf(saved, formValuesOf(saved))).toEqual({});
  });

  it('sends only the changed fields, with empty inputs as null', () => {
    const values = { ...formValuesOf(saved), schedule: '', ownerName: '', ownerEmail: '', environment: 'prod' };
    expect(patchOf(saved, values)).toEqual({ trigger: { kind: 'cron', schedule: null }, owner: null, environment: 'prod' });
  });

  it('sends a list whole when one row changes', () => {
    const values = formValuesOf(saved);
    values.dataAccess = [...values.dataAccess, { key: 'new-1', source: 'ledger', access: 'read', otherAccess: '' }];
    expect(patchOf(saved, values)).toEqual({
      dataAccess: [
        { source: 'payments-db', access: 'write' },
        { source: 'ledger', access: 'read' },
      ],
    });
  });

  it('edits access that is neither read nor write as "other" plus its word, and saves it back as "other: <word>"', () => {
    const withOther: AgentFields = { ...saved, dataAccess: [...saved.dataAccess, { source: 'sendgrid', access: 'other: send' }] };
    const values = formValuesOf(withOther);
    expect(values.dataAccess[1]).toMatchObject({ source: 'sendgrid', access: 'other', otherAccess: 'send' });
    expect(patchOf(withOther, values)).toEqual({});
    values.dataAccess[1] = { ...values.dataAccess[1]!, otherAccess: ' publish ' };
    values.dataAccess[0] = { ...values.dataAccess[0]!, access: 'other', otherAccess: 'delete' };
    expect(patchOf(withOther, values)).toEqual({
      dataAccess: [
        { source: 'payments-db', access: 'other: delete' },
        { source: 'sendgrid', access: 'other: publish' },
      ],
    });
  });

  it('maps invalid-input issue paths onto form fields', () => {
    const errors = fieldErrorsOf({
      code: 'invalid-input',
      message: 'Invalid input for updateAgent at patch.owner.email: owner email is not an email address.',
      details: [
        { path: 'patch.owner.email', message: 'owner email is not an email address' },
        { path: 'patch.dataAccess.1.source', message: 'data source name is empty' },
        { path: 'draft.name', message: 'name is empty' },
      ],
    });
    expect(errors).toEqual({ 'owner.email': 'owner email is not an email address', 'dataAccess.1.source': 'data source name is empty', name: 'name is empty' });
    expect(fieldErrorsOf({ code: 'conflict', message: 'changed elsewhere' })).toEqual({});
  });
});
