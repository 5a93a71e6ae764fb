import { describe, expect, it } from 'vitest';
import configRulePack from '../../../resources/rules/config.json';
import { loadConfigRules, readBundledConfigRules } from './rules';

const rule = { id: 'gha.trigger.schedule', description: 'd', languages: ['github-actions'], confidence: 1, category: 'trigger' };

describe('loadConfigRules', () => {
  it('loads the bundled pack', () => {
    expect(readBundledConfigRules().get('mcp.capability.shell')).toMatchObject({ category: 'capability', languages: ['mcp'] });
  });

  it('ships a pack that passes validation unchanged (scans trust the bundled one)', () => {
    expect(loadConfigRules(configRulePack)).toEqual(readBundledConfigRules());
    expect(readBundledConfigRules().size).toBe(configRulePack.rules.length);
  });

  it('rejects duplicate ids, malformed ids, out-of-range confidence and unknown categories', () => {
    expect(() => loadConfigRules({ rules: [rule, rule] })).toThrow(/duplicate rule id gha.trigger.schedule/);
    expect(() => loadConfigRules({ rules: [{ ...rule, id: 'Schedule' }] })).toThrow(/<format>.<category>.<name>/);
    expect(() => loadConfigRules({ rules: [{ ...rule, confidence: 1.5 }] })).toThrow(/confidence/);
    expect(() => loadConfigRules({ rules: [{ ...rule, category: 'vibes' }] })).toThrow(/category/);
    expect(() => loadConfigRules([rule])).toThrow(/invalid configuration rule pack/);
  });
});
