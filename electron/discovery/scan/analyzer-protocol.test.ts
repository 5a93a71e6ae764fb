import { describe, expect, it } from 'vitest';
import { analyzeFile, loadAnalyzerRules } from './analyze-file';
import { packResults, unpackResults, type AnalyzedFile } from './analyzer-protocol';
import { TEST_FINGERPRINT_KEY } from '../test-fingerprint-key';

const rules = loadAnalyzerRules(new Set(), TEST_FINGERPRINT_KEY);

async function analyzed(path: string, text: string): Promise<AnalyzedFile> {
  const bytes = Buffer.from(text);
  return { ...(await analyzeFile(path, 'code', bytes, rules)), read: { ok: true, bytes: { length: bytes.length } } };
}

describe('results crossing the thread boundary', () => {
  it('arrive as the analyzer made them, empty arrays included, for a stub and a fully analysed file', async () => {
    const results = [
      await analyzed('app/util.py', 'from app import tools\n\ndef add(a, b):\n    return a + b\n'),
      await analyzed('app/agent.py', 'from openai import OpenAI\nfrom app import util\n\nclient = OpenAI()\n\nif __name__ == "__main__":\n    client.responses.create(model="gpt-4o", input="hi")\n'),
    ];
    const original = structuredClone(results);
    const packed = packResults(results);
    // What is posted has no empty arrays left to copy.
    const stub = packed[0]!.findings[0] as unknown as Record<string, unknown>;
    expect(stub.capabilities).toBeUndefined();
    expect(stub.localImports).toEqual(['app', 'app.tools']);
    const arrived = unpackResults(structuredClone(packed));
    expect(arrived).toEqual(original);
    // Every file gets arrays of its own: the linker may add to one without touching another.
    const [a, b] = arrived.map((r) => r.findings[0] as { tools: unknown[] });
    expect(a!.tools).not.toBe(b!.tools);
  });
});
