import { describe, expect, it } from 'vitest';
import { exportFileName } from './export-image';

describe('export file name', () => {
  it('names the subject and the day, safe for any file system', () => {
    const day = new Date(2026, 11, 6, 23, 59);
    expect(exportFileName('invoice-bot', day, 'png')).toBe('blast-radius-invoice-bot-2026-12-06.png');
    expect(exportFileName('arn:aws:s3:::payments prod/*', day, 'svg')).toBe('blast-radius-arn-aws-s3-payments-prod-2026-12-06.svg');
    expect(exportFileName('///', day, 'png')).toBe('blast-radius-graph-2026-12-06.png');
  });
});
