import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { FileWarning } from '../findings';
import { TEST_FINGERPRINT_KEY } from '../test-fingerprint-key';
import { analyzeCode } from './analyze-code';
import { loadCodeParsers } from './parser';
import { MAX_SYNTAX_DEPTH } from './syntax-node';
import { RULES, analyzed } from './test-helpers';

const sandbox = mkdtempSync(join(tmpdir(), 'hostile-code-'));
afterAll(() => rmSync(sandbox, { recursive: true, force: true }));

describe('hostile input', () => {
  it('invalid UTF-8, decoded with replacement characters, is analysed', async () => {
    const bytes = Buffer.concat([Buffer.from('import subprocess\nimport openai\nLABEL = "'), Buffer.from([0xff, 0xfe, 0xc3, 0x28]), Buffer.from('"\nsubprocess.run(cmd)\n')]);
    const findings = await analyzed('broken.py', bytes.toString('utf8'));
    expect(findings.capabilities).toMatchObject([{ kind: 'shell-exec', evidence: { line: 4 } }]);
  });

  it('a 5 MB minified line is skipped and reported as not parsed', async () => {
    await loadCodeParsers();
    const warnings: FileWarning[] = [];
    const bundle = `import OpenAI from "openai";${'var a=1;'.repeat(640_000)}`;
    expect(analyzeCode('dist/app.min.js', bundle, RULES, TEST_FINGERPRINT_KEY, (warning) => warnings.push(warning))).toBeNull();
    expect(warnings).toEqual([{ path: 'dist/app.min.js', message: expect.stringMatching(/^not parsed: 4\.9 MB, over the 2 MB limit/) }]);
  });

  it('a minified bundle under the size limit is reported as minified', async () => {
    await loadCodeParsers();
    const warnings: FileWarning[] = [];
    expect(analyzeCode('vendor/sdk.js', `import OpenAI from "openai";${'x();'.repeat(10_000)}`, RULES, TEST_FINGERPRINT_KEY, (warning) => warnings.push(warning))).toBeNull();
    expect(warnings[0]?.message).toMatch(/^not parsed: minified/);
  });

  it('deeply nested expressions neither overflow the stack nor hide the rest of the file', async () => {
    const depth = 20_000;
    const python = `import openai, os\nx = ${'('.repeat(depth)}1${')'.repeat(depth)}\nos.system(cmd)\n`;
    const calls = `import OpenAI from 'openai';\nconst y = ${'f('.repeat(depth)}1${')'.repeat(depth)};\nconst z = ${'['.repeat(depth)}${']'.repeat(depth)};\neval(code);\n`;
    const pythonFindings = await analyzed('deep.py', python);
    const scriptFindings = await analyzed('deep.ts', calls);
    expect(pythonFindings.capabilities.map((capability) => capability.kind)).toEqual(['shell-exec']);
    expect(scriptFindings.capabilities.map((capability) => capability.kind)).toEqual(['code-execution']);
    expect(depth).toBeGreaterThan(MAX_SYNTAX_DEPTH);
  });

  it('a file that would be dangerous if run is only read', async () => {
    const marker = join(sandbox, 'ran');
    const python = `import os, subprocess, openai\nos.system("touch ${marker}")\nsubprocess.run(["touch", "${marker}"])\n__import__("os").system("rm -rf /")\nos.system('rm -rf /')\n`;
    const script = `import OpenAI from 'openai';\nrequire('child_process').execSync('touch ${marker}');\nprocess.exit(1);\n`;
    const pythonFindings = await analyzed('evil.py', python);
    const scriptFindings = await analyzed('evil.js', script);
    expect(existsSync(marker)).toBe(false);
    expect(pythonFindings.capabilities.map((capability) => capability.detail)).toEqual(['os.system', 'subprocess.run', 'os.system', 'os.system']);
    expect(scriptFindings.capabilities.map((capability) => capability.detail)).toEqual(['child_process.execSync']);
  });

  it('syntax errors leave the readable parts analysable', async () => {
    const findings = await analyzed('half.py', 'import openai, subprocess\ndef broken(:\n    pass\nsubprocess.run(cmd)\n');
    expect(findings.capabilities.map((capability) => capability.kind)).toEqual(['shell-exec']);
  });

  it('control characters and bidi overrides in code never reach a snippet', async () => {
    const findings = await analyzed('sneaky.py', 'import os, openai\nos.system(cmd)  # \u202e\u0007 looks harmless\n');
    const snippet = findings.capabilities[0]?.evidence.snippet ?? '';
    expect(snippet.includes('\u0007') || snippet.includes('\u202e')).toBe(false);
    expect(snippet).toContain('os.system(cmd)');
  });
});
