import { execFileSync } from 'node:child_process';
import { mkdtempSync, openSync, writeSync, closeSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { nodeFileSystem } from './file-system';
import type { WalkFileSystem } from './file-system';
import { readCandidate, tallyRead } from './read-candidate';
import { emptyWalkCounters } from './walk-tree';

const dir = mkdtempSync(join(tmpdir(), 'read-candidate-'));
afterAll(() => {
  execFileSync('rm', ['-rf', dir]);
});

function fileWith(name: string, content: string | Buffer) {
  const absPath = join(dir, name);
  writeFileSync(absPath, content);
  return { relPath: name, absPath, size: Buffer.byteLength(content) };
}

/** Counts opens, to prove a file was refused without being read. */
function countingFs(): WalkFileSystem & { opens: number } {
  const fs = { ...nodeFileSystem, opens: 0 };
  fs.openForRead = (path) => {
    fs.opens += 1;
    return nodeFileSystem.openForRead(path);
  };
  return fs;
}

describe('readCandidate', () => {
  it('returns the bytes of an ordinary file, invalid UTF-8 content included', () => {
    const content = Buffer.concat([Buffer.from('name = "caf'), Buffer.from([0xe9]), Buffer.from('"\n')]);
    expect(readCandidate(fileWith('settings.py', content))).toEqual({ ok: true, bytes: content });
    expect(readCandidate(fileWith('empty.py', ''))).toEqual({ ok: true, bytes: Buffer.alloc(0) });
  });

  it('refuses a file with a NUL byte in its first 8 KB as binary', () => {
    const outcome = readCandidate(fileWith('model.json', Buffer.from('{"weights": "\u0000\u0001"}')));
    expect(outcome).toEqual({ ok: false, reason: 'binary', detail: 'NUL byte in the first 8 KB' });
  });

  it('refuses a 100 MB minified bundle from its size alone, without opening it', () => {
    const absPath = join(dir, 'bundle.min.js');
    const fd = openSync(absPath, 'w');
    const chunk = Buffer.alloc(1024 * 1024, 'a');
    for (let i = 0; i < 100; i++) writeSync(fd, chunk);
    closeSync(fd);
    const fs = countingFs();
    const outcome = readCandidate({ relPath: 'bundle.min.js', absPath, size: 100 * 1024 * 1024 }, { fs });
    expect(outcome).toEqual({ ok: false, reason: 'oversized', detail: '100.0 MB, over the 2.0 MB limit' });
    // Never opened, so never read: the size alone decides.
    expect(fs.opens).toBe(0);
  });

  it('refuses a 100 MB file whose size the walk did not know after opening it, without reading a byte', () => {
    const absPath = join(dir, 'dump.json');
    const fd = openSync(absPath, 'w');
    const chunk = Buffer.alloc(1024 * 1024, 'a');
    for (let i = 0; i < 100; i++) writeSync(fd, chunk);
    closeSync(fd);
    const fs = { ...countingFs(), reads: 0 };
    fs.read = (...args) => {
      fs.reads += 1;
      return nodeFileSystem.read(...args);
    };
    expect(readCandidate({ relPath: 'dump.json', absPath }, { fs })).toEqual({ ok: false, reason: 'oversized', detail: '100.0 MB, over the 2.0 MB limit' });
    expect(fs.reads).toBe(0);
  });

  it('refuses a JavaScript bundle under the size limit when a line in its first 64 KB is longer than 5,000 bytes', () => {
    const outcome = readCandidate(fileWith('app.js', `!function(){${'var a=1;'.repeat(40_000)}}();\n`));
    expect(outcome).toEqual({ ok: false, reason: 'minified', detail: 'minified: a 65,536-byte line in the first 64 KB' });
  });

  it('still reads Python or TypeScript with one long line: minification is a JavaScript thing', () => {
    const python = fileWith('agent.py', `PROMPT = "${'x'.repeat(6_000)}"\nclient = OpenAI()\n`);
    expect(readCandidate(python)).toMatchObject({ ok: true });
    const typescript = fileWith('agent.ts', `const prompt = "${'x'.repeat(6_000)}";\n`);
    expect(readCandidate(typescript)).toMatchObject({ ok: true });
  });

  it('honours a smaller size limit', () => {
    expect(readCandidate(fileWith('big.yaml', 'a: 1\n'.repeat(100)), { maxBytes: 100 })).toMatchObject({ ok: false, reason: 'oversized' });
  });

  it('reports a path that vanished as unreadable', () => {
    expect(readCandidate({ relPath: 'gone.py', absPath: join(dir, 'gone.py'), size: 1 })).toEqual({ ok: false, reason: 'unreadable', detail: 'cannot open (ENOENT)' });
  });
});

describe('tallyRead', () => {
  it('counts reads and bytes, and minified bundles as oversized', () => {
    const counters = emptyWalkCounters();
    tallyRead(counters, { ok: true, bytes: Buffer.from('abc') });
    tallyRead(counters, { ok: false, reason: 'minified', detail: '' });
    tallyRead(counters, { ok: false, reason: 'oversized', detail: '' });
    tallyRead(counters, { ok: false, reason: 'binary', detail: '' });
    tallyRead(counters, { ok: false, reason: 'unreadable', detail: '' });
    expect(counters).toMatchObject({ filesRead: 1, bytesRead: 3, skippedOversized: 2, skippedBinary: 1, skippedUnreadable: 1 });
  });
});
