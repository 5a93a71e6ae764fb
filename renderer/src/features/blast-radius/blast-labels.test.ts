import { describe, expect, it } from 'vitest';
import { flagBadges, isSensitiveTarget } from './blast-labels';
import { classifiedByText } from './DataSourcesTable';

describe('blast radius labels', () => {
  it('sets apart production and confidential or restricted data', () => {
    expect(isSensitiveTarget('prod', 'public')).toBe(true);
    expect(isSensitiveTarget('dev', 'restricted')).toBe(true);
    expect(isSensitiveTarget('staging', 'confidential')).toBe(true);
    expect(isSensitiveTarget('staging', 'internal')).toBe(false);
    expect(isSensitiveTarget(undefined, undefined)).toBe(false);
  });

  it('names every flag in words, skipping the subject marker', () => {
    expect(flagBadges(['focus', 'shared-credential', 'public-trust', 'foreign-trust', 'wildcard', 'privilege-escalation', 'something-new']).map((b) => b.label)).toEqual([
      'Shared credential',
      'Trust open to anyone',
      'Foreign account trust',
      'Wildcard',
      'Privilege escalation',
      'something-new',
    ]);
  });

  it('says who classified a data source', () => {
    expect(classifiedByText({ classifiedBy: 'rule', because: 'tag env=prod' })).toBe('Rule: tag env=prod');
    expect(classifiedByText({ classifiedBy: 'person', because: 'ana' })).toBe('Person: ana');
    expect(classifiedByText({ classifiedBy: 'none', because: '' })).toBe('No rule matched');
  });
});
