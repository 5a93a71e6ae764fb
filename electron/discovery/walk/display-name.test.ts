import { describe, expect, it } from 'vitest';
import { decodeFileName } from './display-name';

describe('decodeFileName', () => {
  it('keeps ordinary UTF-8 names as they are', () => {
    expect(decodeFileName(Buffer.from('résumé_agent.py'))).toEqual({ display: 'résumé_agent.py', text: 'résumé_agent.py', exact: true });
  });

  it('escapes control and bidi characters for display but keeps the exact name for the filesystem', () => {
    const decoded = decodeFileName(Buffer.from('report\n\u0007\u202egpj.py'));
    expect(decoded).toEqual({ display: 'report\\u{a}\\u{7}\\u{202e}gpj.py', text: 'report\n\u0007\u202egpj.py', exact: true });
  });

  it('escapes each invalid byte and says a string cannot reach the file', () => {
    const decoded = decodeFileName(Buffer.from([0x62, 0xff, 0xc3, 0xa9, 0xc3, 0x2e, 0x70, 0x79]));
    expect(decoded.display).toBe('b\\xffé\\xc3.py');
    expect(decoded.text).toBe('b\ufffdé\ufffd.py');
    expect(decoded.exact).toBe(false);
  });

  it('doubles backslashes so an escape in the display form is never ambiguous', () => {
    expect(decodeFileName(Buffer.from('a\\x41.py')).display).toBe('a\\\\x41.py');
  });
});
