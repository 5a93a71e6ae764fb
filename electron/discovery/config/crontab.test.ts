import { describe, expect, it } from 'vitest';
import { analyzeCrontab } from './crontab';
import { fixture, lineWith, secretName, testContext } from './test-support';

const text = fixture('crontab/agents.cron');

describe('analyzeCrontab', () => {
  it('makes a unit per job line, in words with the CRON_TZ zone', () => {
    const units = analyzeCrontab('ops/agents.cron', text, testContext())!.units;
    expect(units.map((u) => [u.name, u.trigger.schedule, u.trigger.description])).toEqual([
      ['digest.py', '15 6 * * 1-5', 'Every Monday to Friday at 06:15 (Europe/Berlin)'],
      ['/srv/agents/bin/sync-inbox.sh', '@hourly', 'Every hour (Europe/Berlin)'],
      ['watchdog.js', '*/20 * * * *', 'Every 20 minutes (Europe/Berlin)'],
    ]);
    expect(units[0]!.evidence.line).toBe(lineWith(text, '15 6 * * 1-5'));
    expect(units[2]!.codePaths).toEqual(['srv/agents/watchdog.js']);
  });

  it('gives variables set in the file to its jobs, secrets only as fingerprints', () => {
    const findings = analyzeCrontab('ops/agents.cron', text, testContext())!;
    expect(findings.units[0]!.credentials.map((c) => [c.kind, c.name, c.evidence.line])).toEqual([
      ['hardcoded-secret', secretName('openai key sk-proj-… (40 chars)'), lineWith(text, 'OPENAI_API_KEY=')],
      ['env-var', 'OPENAI_API_KEY', lineWith(text, 'OPENAI_API_KEY=')],
    ]);
    expect(JSON.stringify(findings)).not.toContain('sk-proj-Zq3vXb8NwT5yRk2LmP9sDf4GhJ6aCe1U');
  });

  it('skips the user column of /etc/cron.d files', () => {
    const [unit] = analyzeCrontab('etc/cron.d/reports', fixture('crontab/etc/cron.d/reports'), testContext())!.units;
    expect(unit).toMatchObject({ name: 'nightly_agent.py', runs: ['python3 /opt/reports/nightly_agent.py'], trigger: { description: 'Every day at 02:00' } });
  });

  it('returns null for text with no cron lines', () => {
    expect(analyzeCrontab('notes.cron', 'just some notes\n', testContext())).toBeNull();
  });
});
