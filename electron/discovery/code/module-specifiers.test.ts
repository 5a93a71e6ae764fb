import { describe, expect, it } from 'vitest';
import { npmPackageOf } from './module-specifiers';
import { RULES, analyzed } from './test-helpers';

describe('Deno npm and CDN specifiers', () => {
  it.each([
    ['https://esm.sh/ai@4.2.6', 'ai'],
    ['https://esm.sh/@ai-sdk/amazon-bedrock', '@ai-sdk/amazon-bedrock'],
    ['https://esm.sh/@ai-sdk/openai@1.3.0/edge?target=deno', '@ai-sdk/openai/edge'],
    ['https://esm.sh/v135/openai@4.52.0', 'openai'],
    ['npm:@anthropic-ai/sdk@0.30', '@anthropic-ai/sdk'],
    ['npm:openai', 'openai'],
    ['https://cdn.jsdelivr.net/npm/@langchain/openai@0.3/+esm', '@langchain/openai/+esm'],
  ])('reads %s as the package %s', (specifier, expected) => {
    expect(npmPackageOf(specifier)).toBe(expected);
  });

  it.each(['openai', './dal.ts', 'https://deno.land/std@0.168.0/http/server.ts', 'jsr:@std/http', 'https://esm.sh/'])('leaves %s alone', (specifier) => {
    expect(npmPackageOf(specifier)).toBe(specifier);
  });

  it("names a model call made through an esm.sh import like one through the bare package (a Supabase Edge Function's agent)", async () => {
    const text = [
      "import { streamText } from 'https://esm.sh/ai@4.2.6';",
      "import { createAmazonBedrock } from 'https://esm.sh/@ai-sdk/amazon-bedrock';",
      "const bedrock = createAmazonBedrock({ region: 'us-east-1' });",
      'export async function reply(messages, tools) {',
      "  return streamText({ model: bedrock('us.anthropic.claude-3-7-sonnet-20250219-v1:0'), messages, tools, maxSteps: 10 });",
      '}',
    ].join('\n');
    expect(RULES.passesPrefilter('typescript', text)).toBe(true);
    const findings = await analyzed('supabase/functions/bot/reply.ts', text);
    expect(findings.frameworks.map((f) => f.framework)).toContain('vercel-ai');
    expect(findings.llm.map((use) => use.sdk)).toContain('@ai-sdk/amazon-bedrock.createAmazonBedrock');
  });
});
