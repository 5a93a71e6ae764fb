import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import codeRulePack from '../../../resources/rules/code.json';
import type { CodeFindings } from '../findings';
import { analyzeCode } from './analyze-code';
import { globMatcher } from './glob';
import { loadCodeParsers } from './parser';
import { loadCodeRules, validateCodeRulePack } from './rules';
import { validatedBundledCodeRules } from './bundled-code-rules';
import { FIXTURES, RULES, analyzed, fixture } from './test-helpers';
import { TEST_FINGERPRINT_KEY } from '../test-fingerprint-key';

function allEvidence(findings: CodeFindings) {
  return [
    ...findings.llm,
    ...findings.frameworks,
    ...findings.tools,
    ...findings.capabilities,
    ...findings.credentials,
    ...findings.endpoints,
    ...findings.guardrails,
  ]
    .map((finding) => finding.evidence)
    .concat(findings.entryPoint ? [findings.entryPoint] : []);
}

describe('the code rule pack', () => {
  it('passes the validation a pack from elsewhere goes through, unchanged by it (scans trust the bundled one)', () => {
    expect(validateCodeRulePack(codeRulePack)).toEqual(codeRulePack.rules);
    expect(validatedBundledCodeRules()).toEqual(codeRulePack.rules);
  });

  it('ships valid, with unique ids in "<language>.<category>.<name>" form', () => {
    const ids = codeRulePack.rules.map((rule) => rule.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect(RULES.allRuleIds.size).toBe(ids.length);
    for (const rule of codeRulePack.rules) expect(rule.id.split('.')[1]).toBe(rule.category);
  });

  it('every finding on every fixture names a rule of the pack', async () => {
    await loadCodeParsers();
    for (const folder of ['python', 'typescript']) {
      for (const name of readdirSync(join(FIXTURES, folder))) {
        const findings = analyzeCode(name, fixture(`${folder}/${name}`), RULES, TEST_FINGERPRINT_KEY);
        if (!findings) throw new Error(`${name}: no findings`);
        for (const evidence of allEvidence(findings)) expect(RULES.allRuleIds, `${name}: ${evidence.ruleId}`).toContain(evidence.ruleId);
      }
    }
  });

  it('rejects a malformed pack with a message naming the rule and the problem', () => {
    const base = { id: 'py.capability.x', description: 'x', languages: ['python'], confidence: 0.5, category: 'capability', kind: 'shell-exec' };
    expect(() => loadCodeRules({ rules: [{ ...base, calls: ['os.system'], colls: ['typo'] }] })).toThrow(/colls/);
    expect(() => loadCodeRules({ rules: [{ ...base, kind: 'teleport', calls: ['x'] }] })).toThrow(/kind/);
    expect(() => loadCodeRules({ rules: [base] })).toThrow(/py\.capability\.x: a capability rule lists calls, namedArgs or objectTypes/);
    expect(() => loadCodeRules({ rules: [{ ...base, calls: ['x'] }, { ...base, calls: ['y'] }] })).toThrow(/duplicate rule id py\.capability\.x/);
    expect(() => loadCodeRules({ rules: [{ ...base, calls: ['x'], argument: 'sql' }] })).toThrow(/sqlKeywords/);
    expect(() => loadCodeRules({ rules: [{ ...base, calls: ['x'], prefilter: ['(unclosed'] }] })).toThrow(/invalid regular expression/);
  });

  it('a disabled rule produces nothing; the others still fire', async () => {
    const source = 'import subprocess, requests, openai\nsubprocess.run(cmd)\nrequests.get(url)\n';
    const withAll = await analyzed('x.py', source);
    const withoutShell = await analyzed('x.py', source, loadCodeRules(codeRulePack, new Set(['py.capability.subprocess'])));
    expect(withAll.capabilities.map((capability) => capability.kind)).toEqual(['shell-exec', 'outbound-network']);
    expect(withoutShell.capabilities.map((capability) => capability.kind)).toEqual(['outbound-network']);
  });

  it('with every rule that gates Python disabled, Python files are not even parsed', async () => {
    await loadCodeParsers();
    const gating = codeRulePack.rules.filter((rule) => rule.languages.includes('python') && (rule.category === 'llm' || rule.category === 'framework' || 'prefilter' in rule)).map((rule) => rule.id);
    const rules = loadCodeRules(codeRulePack, new Set(gating));
    expect(rules.prefilterSource('python')).toBeNull();
    expect(analyzeCode('agent.py', fixture('python/openai_agents_ops.py'), rules, TEST_FINGERPRINT_KEY)).toBeNull();
    expect(analyzeCode('route.ts', fixture('typescript/vercel_ai_ops_route.ts'), rules, TEST_FINGERPRINT_KEY)).not.toBeNull();
  });
});

describe('rule globs', () => {
  it('`*` spans dots and calls, `{a,b}` picks a word, `()` is any literal argument', () => {
    const matcher = globMatcher(['subprocess.*', 'os.{system,popen}', 'smtplib.SMTP().send_message', 'boto3.client(s3).put_object']);
    expect(['subprocess.run', 'subprocess.Popen().communicate', 'os.system', 'os.popen', 'smtplib.SMTP().send_message', 'smtplib.SMTP(mail.acme.io).send_message', 'boto3.client(s3).put_object'].every((text) => matcher.test(text))).toBe(true);
    expect(['os.remove', 'xsubprocess.run', 'boto3.client(sqs).put_object', 'smtplib.SMTP().send_message.extra'].some((text) => matcher.test(text))).toBe(false);
  });

  it('`*` inside an alternative is a wildcard too', () => {
    const matcher = globMatcher(['{llamaindex,@llamaindex/*}.PDFReader', 'langchain_community.tools{,.gmail*}.GmailSearch']);
    expect(['llamaindex.PDFReader', '@llamaindex/readers.PDFReader', 'langchain_community.tools.GmailSearch', 'langchain_community.tools.gmail.search.GmailSearch'].every((text) => matcher.test(text))).toBe(true);
    expect(['@llamaindex.PDFReader', 'langchain_community.GmailSearch'].some((text) => matcher.test(text))).toBe(false);
  });

  it('treats regex characters in patterns literally', () => {
    const matcher = globMatcher(['*.$executeRaw', 'a+b']);
    expect(matcher.test('prisma.$executeRaw')).toBe(true);
    expect(matcher.test('aab')).toBe(false);
  });
});

describe('skipping the prefilter', () => {
  it('analyses a helper module without an SDK import when asked to', async () => {
    await loadCodeParsers();
    const helper = 'import subprocess\n\ndef restart(name):\n    subprocess.run(["systemctl", "restart", name])\n';
    expect(analyzeCode('ops/helpers.py', helper, RULES, TEST_FINGERPRINT_KEY)).toBeNull();
    expect(analyzeCode('ops/helpers.py', helper, RULES, TEST_FINGERPRINT_KEY, undefined, { skipPrefilter: true })?.capabilities).toMatchObject([{ kind: 'shell-exec', tool: null }]);
  });
});
