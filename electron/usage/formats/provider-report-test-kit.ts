import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect } from 'vitest';
import type { UsageFormatSpec } from './usage-format';
import { parseWith, type Parsed } from './usage-test-helpers';

/** Test support for the provider report formats (OpenAI and Anthropic usage and cost). */

export function fixture(name: string): Buffer {
  return readFileSync(join(__dirname, 'fixtures', name));
}

/** Byte chunkings that split every token somewhere: single bytes, an odd size, the whole file. */
export const CHUNKINGS = [1, 7, undefined] as const;

/** Parses `input` under every chunking, asserts they agree, and returns the one result. */
export function parseEveryChunking(spec: UsageFormatSpec, input: string | Buffer): Parsed {
  const [first, ...others] = CHUNKINGS.map((chunk) => parseWith(spec, input, chunk));
  for (const other of others) expect(other).toEqual(first);
  return first!;
}

/** The first 64 KB as detect() is given it. */
export function headOf(input: string | Buffer): string {
  const bytes = typeof input === 'string' ? Buffer.from(input, 'utf8') : input;
  return bytes.subarray(0, 64 * 1024).toString('utf8');
}

export const OTLP_TRACE_HEAD =
  '{"resourceSpans":[{"resource":{"attributes":[{"key":"service.name","value":{"stringValue":"support-agent"}}]},"scopeSpans":[{"spans":[{"traceId":"5b8efff798038103d269b633813fc60c","spanId":"eee19b7ec3c1b174","name":"chat gpt-4o","startTimeUnixNano":"1761955200000000000","endTimeUnixNano":"1761955201000000000","attributes":[{"key":"gen_ai.usage.input_tokens","value":{"intValue":"120"}}]}]}]}]}';
