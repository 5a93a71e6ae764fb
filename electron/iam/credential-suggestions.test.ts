import { describe, expect, it } from 'vitest';
import type { PrincipalFact, PrincipalKind } from '../../shared/iam';
import { indexPrincipals, suggestionsFor } from './credential-links';

const principal = (name: string, kind: PrincipalKind = 'role'): PrincipalFact => ({
  key: `arn:aws:iam::111122223333:${kind}/${name}`,
  provider: 'aws',
  kind,
  name,
  scope: '111122223333',
  createdAt: null,
  lastUsedAt: null,
  tags: {},
  attributes: {},
});

const ORG = [
  'ReconciliationWorker',
  'recon-lambda',
  'ledger-export-role',
  'ledger',
  'LedgerReconRole',
  'invoice-reader',
  'InvoiceParserRole',
  'fraud-scorer',
  'data-platform-admin',
  'Payments-Admins',
].map((name) => principal(name));
const GROUP = principal('reconciliation', 'group');
const index = indexPrincipals([...ORG, GROUP]);

const suggested = (name: string, credentials: string[] = [], linked: string[] = [], unlinked: string[] = []) =>
  suggestionsFor({ agent: { id: 'a', name, credentials }, discovered: [] }, index, new Set(linked.map((n) => principal(n).key)), new Set(unlinked.map((n) => principal(n).key)), 10).map((s) => s.principalName);

describe('credential suggestions: principals whose names share the agent’s distinctive words', () => {
  it.each([
    ['a long word suggests principals whose word it starts, and whose word starts it', 'Recon Agent', ['ReconciliationWorker', 'recon-lambda', 'LedgerReconRole']],
    ['a principal word that starts the agent’s word', 'reconciliations bot', ['ReconciliationWorker', 'recon-lambda', 'LedgerReconRole']],
    ['words under five letters match only exactly', 'Ledg helper', []],
    ['exact words match at any length', 'Ledger bot', ['ledger', 'ledger-export-role', 'LedgerReconRole']],
    ['stop words never make a suggestion', 'Lambda service role agent', []],
    ['a word starting a longer one matches it', 'Admin bot', ['Payments-Admins']],
    ['credentials count as the agent’s words', 'Nightly job', ['fraud-scorer'], 'IAM role fraud-scorer-prod'],
    ['a principal shares under half its words: not suggested', 'platform thing', []],
  ])('%s', (_, name, expected, credential?) => {
    expect(new Set(suggested(name as string, credential ? [credential as string] : []))).toEqual(new Set(expected as string[]));
  });

  it('groups are never suggested: an agent cannot hold one', () => {
    expect(suggested('reconciliation')).not.toContain('reconciliation');
  });

  it('linked and unlinked principals are left out', () => {
    expect(suggested('Ledger bot', [], ['ledger'], ['ledger-export-role'])).toEqual(['LedgerReconRole']);
  });

  it('best share of the principal’s words first, then by name', () => {
    expect(suggested('Invoice reader')).toEqual(['invoice-reader', 'InvoiceParserRole']);
  });
});
