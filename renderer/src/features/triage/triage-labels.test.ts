import { describe, expect, it } from 'vitest';
import { locationText, monitoringGapText, scoreText, sensitivityText, volumeText } from './triage-labels';

describe('triage labels', () => {
  it('says unknown and no usage instead of a number nobody measured', () => {
    expect(sensitivityText({ sensitivity: null })).toBe('unknown');
    expect(sensitivityText({ sensitivity: 0.9 })).toBe('0.90');
    expect(volumeText({ volumePerDay: null })).toBe('no usage');
    expect(volumeText({ volumePerDay: 1412.54 })).toBe('1,413/day');
    expect(volumeText({ volumePerDay: 10.14 })).toBe('10.1/day');
    expect(volumeText({ volumePerDay: 0 })).toBe('0/day');
  });

  it('shows the gap as a share and the score with two decimals', () => {
    expect(monitoringGapText(0.75)).toBe('75%');
    expect(monitoringGapText(0)).toBe('0%');
    expect(scoreText(0.675)).toBe('0.68');
  });

  it('writes path:line only for evidence in code', () => {
    expect(locationText({ path: 'collections/config.py', line: 14 })).toBe('collections/config.py:14');
    expect(locationText({ path: 'k8s/cron.yaml' })).toBe('k8s/cron.yaml');
    expect(locationText({})).toBeNull();
  });
});
