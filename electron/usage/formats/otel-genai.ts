import type { ParsedElementInfo, StackElement } from '@streamparser/json';
import type { UsageRow } from '../../../shared/usage';
import { JsonDocumentReader, JsonLinesReader, SniffedJsonInput, type JsonShape, type JsonTextReader } from './json-input';
import { UsageInputError, type UsageFormatSpec, type UsageParser, type UsageSink } from './usage-format';
import { cutForMessage, describeValue, MAX_TOKENS } from './usage-values';
import { UsageWarnings } from './usage-warnings';

/**
 * OpenTelemetry GenAI spans as OTLP JSON: one ExportTraceServiceRequest per file (pretty-printed or
 * not) or one per line (the collector's file exporter). Attributes per the GenAI semantic
 * conventions (model/gen-ai/registry.yaml), with the names older instrumentations still send.
 *
 * One row per span with token usage, except spans whose descendants in the same trace carry usage
 * too (an invoke_agent span summing its chat calls): only the innermost spans count, or tokens
 * would double. Agents, sessions, users and features inherit from the nearest ancestor that says.
 *
 * Parents end after their children and exporters batch spans as they end, so a trace arrives in
 * pieces, its root usually last. Spans are buffered per trace (compactly: ids, tokens and tags, not
 * the span) and a trace is resolved once its root span has arrived and the document or line holding
 * it is read, or at the end of the file. Buffers are bounded.
 */

/** A trace with more spans than this is refused: no agent run makes it, a runaway loop or a merged file does. */
export const MAX_TRACE_SPANS = 100_000;
/** Spans waiting for their traces' roots, over all traces. */
export const MAX_BUFFERED_SPANS = 1_000_000;

/**
 * gen_ai.usage.input_tokens SHOULD include cache reads and writes, for every provider (the GenAI
 * conventions; cache_read and cache_creation "SHOULD be included in gen_ai.usage.input_tokens"),
 * so they are taken out of it. Older Anthropic instrumentations pass Anthropic's own input_tokens,
 * which already leaves the cache out: for these providers a span whose input is smaller than its
 * cache reads is read that way, instead of as a broken span.
 */
const LEGACY_UNCACHED_INPUT = new Set(['anthropic', 'aws.bedrock']);

const ATTR = {
  operation: 'gen_ai.operation.name',
  provider: 'gen_ai.provider.name',
  system: 'gen_ai.system', // deprecated name of gen_ai.provider.name
  requestModel: 'gen_ai.request.model',
  responseModel: 'gen_ai.response.model',
  input: 'gen_ai.usage.input_tokens',
  prompt: 'gen_ai.usage.prompt_tokens', // deprecated
  output: 'gen_ai.usage.output_tokens',
  completion: 'gen_ai.usage.completion_tokens', // deprecated
  cacheRead: 'gen_ai.usage.cache_read.input_tokens',
  cacheWrite: 'gen_ai.usage.cache_creation.input_tokens',
  agentId: 'gen_ai.agent.id',
  agentName: 'gen_ai.agent.name',
  conversation: 'gen_ai.conversation.id',
  session: 'session.id',
  user: 'user.id',
  endUser: 'enduser.id', // deprecated in favour of user.id
  feature: 'feature_id',
  appFeature: 'app.feature',
  service: 'service.name',
} as const;
const WANTED = new Set<string>(Object.values(ATTR));

type AnyValue = Record<string, unknown>;
type Attributes = Map<string, AnyValue>;

interface Resource {
  service: string | null;
  session: string | null;
  user: string | null;
  feature: string | null;
}

interface SpanFacts {
  traceId: string;
  spanId: string;
  parentId: string | null;
  position: string;
  resource: Resource;
  startMs: number;
  endMs: number;
  provider: string | null;
  model: string | null;
  agent: string | null;
  session: string | null;
  user: string | null;
  feature: string | null;
  usage: { input: number; output: number; cacheRead: number; cacheWrite: number } | null;
}

interface Trace {
  spans: SpanFacts[];
  hasRoot: boolean;
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** The attributes this format reads, from an OTLP [{key, value: {stringValue|intValue|...}}] list. */
function attributesOf(list: unknown, position: string): Attributes {
  const attrs: Attributes = new Map();
  if (list === undefined || list === null) return attrs;
  if (!Array.isArray(list)) {
    throw new UsageInputError(position, `attributes should be a list of {key, value}, found ${describeValue(list)}: export the traces as OTLP JSON`);
  }
  for (const attr of list) {
    if (!isObject(attr) || typeof attr.key !== 'string' || !WANTED.has(attr.key)) continue;
    if (isObject(attr.value)) attrs.set(attr.key, attr.value);
  }
  return attrs;
}

/** A text attribute: stringValue (or an intValue written as an id); null when absent or empty. */
function textOf(attrs: Attributes, key: string): string | null {
  const value = attrs.get(key);
  if (!value) return null;
  const raw = value.stringValue ?? value.intValue;
  if (typeof raw === 'string') return raw.trim() === '' ? null : raw.trim();
  if (typeof raw === 'number' && Number.isFinite(raw)) return String(raw);
  return null;
}

function describeAnyValue(value: AnyValue): string {
  const kind = Object.keys(value)[0];
  return kind === undefined ? 'an empty value' : `${kind} ${describeValue(value[kind])}`;
}

/** A token count attribute: an intValue (a number, or int64 written as text), or a whole doubleValue. */
function tokensOf(attrs: Attributes, keys: readonly string[], position: string): number | undefined {
  for (const key of keys) {
    const value = attrs.get(key);
    if (!value) continue;
    let count: number | null = null;
    const int = value.intValue;
    const double = value.doubleValue;
    if (typeof int === 'number') count = int;
    else if (typeof int === 'string' && /^-?\d+$/.test(int.trim())) count = Number(int.trim());
    else if (typeof double === 'number') count = double;
    if (count === null || !Number.isInteger(count)) {
      throw new UsageInputError(position, `${key} should be a whole number of tokens (an intValue), found ${describeAnyValue(value)}: check the instrumentation that sets it`);
    }
    if (count < 0 || count > MAX_TOKENS) {
      throw new UsageInputError(position, `${key} should be zero or more tokens (at most ${MAX_TOKENS.toExponential()}), found ${count}`);
    }
    return count;
  }
  return undefined;
}

/** Nanoseconds since the epoch (int64 as text or a number) to milliseconds. */
function nanosToMs(value: unknown, field: string, position: string): number {
  let nanos: number | null = null;
  if (typeof value === 'number' && Number.isFinite(value)) nanos = value;
  else if (typeof value === 'string' && /^\d+$/.test(value.trim())) nanos = Number(value.trim());
  if (nanos === null) {
    throw new UsageInputError(position, `${field} should be nanoseconds since 1970 (a whole number, as text or a number), found ${describeValue(value)}: export the traces as OTLP JSON`);
  }
  const ms = Math.round(nanos / 1e6);
  if (ms < Date.UTC(2000, 0, 1) || ms >= Date.UTC(2200, 0, 1)) {
    throw new UsageInputError(position, `${field} should be a time between 2000 and 2200 in nanoseconds, found ${describeValue(value)}: check that the exporter writes nanoseconds`);
  }
  return ms;
}

/** Older gen_ai.system values, before the az.ai.* names became azure.ai.* (semantic conventions 1.37). */
const RENAMED_PROVIDERS: Record<string, string> = { 'az.ai.openai': 'azure.ai.openai', 'az.ai.inference': 'azure.ai.inference' };

function providerOf(attrs: Attributes): string | null {
  const name = (textOf(attrs, ATTR.provider) ?? textOf(attrs, ATTR.system))?.toLowerCase();
  return name === undefined ? null : (RENAMED_PROVIDERS[name] ?? name);
}

function idOf(value: unknown): string | null {
  return typeof value === 'string' && value.trim() !== '' ? value.trim() : null;
}

class OtelGenAiParser implements UsageParser {
  private readonly input = new SniffedJsonInput(
    () => true,
    (shape) => this.open(shape),
    'the file is empty; expected OTLP JSON traces ({"resourceSpans": [...]})',
  );
  private readonly warnings: UsageWarnings;
  private readonly traces = new Map<string, Trace>();
  private readonly resolved = new Set<string>();
  /** Traces whose root span has arrived, in the order it did. */
  private ready: string[] = [];
  private buffered = 0;
  private spanCount = 0;

  // Document mode: which document and resourceSpans element the parser is in.
  private documentArray: unknown = null;
  private documents = 0;
  private resourceElement: unknown = null;
  private resource: Resource = { service: null, session: null, user: null, feature: null };
  private lastPosition = 'resourceSpans[0]';

  constructor(private readonly sink: UsageSink) {
    this.warnings = new UsageWarnings(sink);
  }

  write(chunk: Buffer): void {
    this.input.write(chunk);
  }

  end(): void {
    this.input.end();
    this.resolve(true);
    if (this.spanCount === 0) this.sink.warn('whole file', 'the file holds no spans (expected {"resourceSpans": [{"scopeSpans": [{"spans": [...]}]}]})');
    this.warnings.flush();
  }

  private open(shape: JsonShape): JsonTextReader {
    if (shape === 'lines') {
      return new JsonLinesReader((value, line) => {
        this.document(value, `line ${line}, `);
        this.resolve(false);
      });
    }
    return new JsonDocumentReader(
      ['$.resourceSpans.*.resource', '$.resourceSpans.*.scopeSpans.*.spans.*', '$.resourceSpans.*.instrumentationLibrarySpans.*.spans.*'],
      (info) => this.streamed(info),
      () => this.lastPosition,
      { multipleDocuments: true },
    );
  }

  /** One whole ExportTraceServiceRequest (a line). */
  private document(value: unknown, prefix: string): void {
    if (!isObject(value) || !Array.isArray(value.resourceSpans)) {
      throw new UsageInputError(`${prefix}resourceSpans`, `expected an OTLP JSON trace export ({"resourceSpans": [...]}), found ${describeValue(value)}: export the traces with the OTLP JSON exporter`);
    }
    value.resourceSpans.forEach((element: unknown, i: number) => {
      const at = `${prefix}resourceSpans[${i}]`;
      if (!isObject(element)) throw new UsageInputError(at, `expected a resourceSpans entry (an object), found ${describeValue(element)}`);
      const resource = this.resourceOf(element.resource, `${at}.resource`);
      const scopes = element.scopeSpans ?? element.instrumentationLibrarySpans;
      if (!Array.isArray(scopes)) return;
      scopes.forEach((scope: unknown, j: number) => {
        const spans = isObject(scope) ? scope.spans : undefined;
        if (!Array.isArray(spans)) return;
        spans.forEach((span: unknown, k: number) => this.span(span, resource, `${at}.scopeSpans[${j}].spans[${k}]`));
      });
    });
  }

  /** A resource or a span from the streamed document. */
  private streamed({ value, key, stack }: ParsedElementInfo): void {
    const array = stack[1]?.value;
    if (array !== this.documentArray) {
      this.documentArray = array;
      this.documents++;
    }
    const element = stack[2]?.value;
    if (element !== this.resourceElement) {
      // A new resourceSpans entry: traces whose roots have arrived are complete.
      this.resolve(false);
      this.resourceElement = element;
      this.resource = { service: null, session: null, user: null, feature: null };
    }
    const prefix = this.documents > 1 ? `document ${this.documents}, ` : '';
    const at = `${prefix}resourceSpans[${keyAt(stack, 2)}]`;
    if (key === 'resource') {
      this.lastPosition = `${at}.resource`;
      // Filled in place: spans read before their resource (rare key order) see it when resolved.
      Object.assign(this.resource, this.resourceOf(value, this.lastPosition));
      return;
    }
    this.lastPosition = `${at}.${String(stack[3]?.key)}[${keyAt(stack, 4)}].spans[${String(key)}]`;
    this.span(value, this.resource, this.lastPosition);
  }

  private resourceOf(value: unknown, position: string): Resource {
    const attrs = attributesOf(isObject(value) ? value.attributes : undefined, `${position}.attributes`);
    return {
      service: textOf(attrs, ATTR.service),
      session: textOf(attrs, ATTR.conversation) ?? textOf(attrs, ATTR.session),
      user: textOf(attrs, ATTR.user) ?? textOf(attrs, ATTR.endUser),
      feature: textOf(attrs, ATTR.feature) ?? textOf(attrs, ATTR.appFeature),
    };
  }

  private span(value: unknown, resource: Resource, position: string): void {
    if (!isObject(value)) throw new UsageInputError(position, `expected a span (an object), found ${describeValue(value)}`);
    this.spanCount++;
    const traceId = idOf(value.traceId);
    const spanId = idOf(value.spanId);
    if (traceId === null || spanId === null) {
      const missing = traceId === null ? 'traceId' : 'spanId';
      throw new UsageInputError(position, `the span has no ${missing} (found ${describeValue(value[missing])}); every OTLP span has a traceId and a spanId: export the traces again with the OTLP JSON exporter`);
    }
    const attrs = attributesOf(value.attributes, `${position}.attributes`);
    const input = tokensOf(attrs, [ATTR.input, ATTR.prompt], position);
    const output = tokensOf(attrs, [ATTR.output, ATTR.completion], position);
    const cacheRead = tokensOf(attrs, [ATTR.cacheRead], position);
    const cacheWrite = tokensOf(attrs, [ATTR.cacheWrite], position);
    const hasUsage = input !== undefined || output !== undefined || cacheRead !== undefined || cacheWrite !== undefined;
    const startMs = nanosToMs(value.startTimeUnixNano, 'startTimeUnixNano', position);
    const endMs = value.endTimeUnixNano === undefined ? startMs : nanosToMs(value.endTimeUnixNano, 'endTimeUnixNano', position);
    if (endMs < startMs) {
      throw new UsageInputError(position, `endTimeUnixNano ${describeValue(value.endTimeUnixNano)} is before startTimeUnixNano ${describeValue(value.startTimeUnixNano)}; a span ends after it starts: export the traces again`);
    }
    const facts: SpanFacts = {
      traceId,
      spanId,
      parentId: idOf(value.parentSpanId),
      position,
      resource,
      startMs,
      endMs,
      provider: providerOf(attrs),
      model: textOf(attrs, ATTR.responseModel) ?? textOf(attrs, ATTR.requestModel),
      agent: textOf(attrs, ATTR.agentId) ?? textOf(attrs, ATTR.agentName),
      session: textOf(attrs, ATTR.conversation) ?? textOf(attrs, ATTR.session),
      user: textOf(attrs, ATTR.user) ?? textOf(attrs, ATTR.endUser),
      feature: textOf(attrs, ATTR.feature) ?? textOf(attrs, ATTR.appFeature),
      usage: hasUsage ? { input: input ?? 0, output: output ?? 0, cacheRead: cacheRead ?? 0, cacheWrite: cacheWrite ?? 0 } : null,
    };
    this.buffer(facts);
  }

  private buffer(span: SpanFacts): void {
    if (this.resolved.has(span.traceId)) {
      this.warnings.warn(
        'late-span',
        span.position,
        `span ${cutForMessage(span.spanId)} of trace ${cutForMessage(span.traceId)} comes after its trace's root span was read; it was counted without its ancestors (their agent and whether they already counted its tokens are unknown)`,
        'came after their trace was complete (counted without their ancestors)',
      );
    }
    let trace = this.traces.get(span.traceId);
    if (!trace) {
      trace = { spans: [], hasRoot: false };
      this.traces.set(span.traceId, trace);
    }
    trace.spans.push(span);
    if (span.parentId === null && !trace.hasRoot) {
      trace.hasRoot = true;
      this.ready.push(span.traceId);
    }
    if (trace.spans.length > MAX_TRACE_SPANS) {
      throw new UsageInputError(
        span.position,
        `trace ${cutForMessage(span.traceId)} has more than ${MAX_TRACE_SPANS.toLocaleString('en-US')} spans; expected traces of at most that many: export a shorter period, or leave out the runaway trace`,
      );
    }
    if (++this.buffered > MAX_BUFFERED_SPANS) {
      throw new UsageInputError(
        span.position,
        `more than ${MAX_BUFFERED_SPANS.toLocaleString('en-US')} spans are waiting for their traces' root spans; expected complete traces: export the traces with their root spans, or split the file by time`,
      );
    }
  }

  /**
   * Resolves the traces whose root has arrived (all of them at the end of the file). Only those are
   * visited: traces waiting for a root may be many, and this runs after every line.
   */
  private resolve(all: boolean): void {
    const ready = this.ready;
    this.ready = [];
    for (const traceId of ready) {
      const trace = this.traces.get(traceId);
      if (!trace) continue;
      this.traces.delete(traceId);
      this.buffered -= trace.spans.length;
      if (!all) this.resolved.add(traceId);
      this.emitTrace(trace.spans);
    }
    if (!all) return;
    for (const trace of this.traces.values()) this.emitTrace(trace.spans);
    this.traces.clear();
    this.buffered = 0;
  }

  private emitTrace(spans: SpanFacts[]): void {
    const byId = new Map<string, SpanFacts>();
    for (const span of spans) byId.set(span.spanId, span);
    const parentOf = (span: SpanFacts): SpanFacts | undefined => (span.parentId === null ? undefined : byId.get(span.parentId));
    // Every ancestor of a span with usage has usage below it: it is not counted.
    const covered = new Set<SpanFacts>();
    for (const span of spans) {
      if (span.usage === null) continue;
      let steps = 0;
      for (let up = parentOf(span); up && !covered.has(up) && steps < spans.length; up = parentOf(up), steps++) covered.add(up);
    }
    const nearest = (span: SpanFacts, pick: (s: SpanFacts) => string | null): string | null => {
      let steps = 0;
      for (let at: SpanFacts | undefined = span; at && steps <= spans.length; at = parentOf(at), steps++) {
        const value = pick(at);
        if (value !== null) return value;
      }
      return null;
    };
    for (const span of spans) {
      if (span.usage === null || covered.has(span)) continue;
      this.emit(span, span.usage, {
        agent: nearest(span, (s) => s.agent),
        session: nearest(span, (s) => s.session) ?? span.resource.session,
        user: nearest(span, (s) => s.user) ?? span.resource.user,
        feature: nearest(span, (s) => s.feature) ?? span.resource.feature,
      });
    }
  }

  private emit(
    span: SpanFacts,
    usage: NonNullable<SpanFacts['usage']>,
    tags: { agent: string | null; session: string | null; user: string | null; feature: string | null },
  ): void {
    const provider = span.provider ?? 'unknown';
    let input = usage.input - usage.cacheRead - usage.cacheWrite;
    // Some instrumentations include cache reads but not writes.
    if (input < 0) input = usage.input - usage.cacheRead;
    if (input < 0 && LEGACY_UNCACHED_INPUT.has(provider)) input = usage.input;
    if (input < 0) {
      this.warnings.warn(
        'cache-over-input',
        span.position,
        `the span says ${usage.cacheRead} cache-read tokens but only ${usage.input} input tokens in all; counted no uncached input for it`,
        'say more cache-read tokens than input tokens (counted with no uncached input)',
      );
      input = 0;
    }
    const row: UsageRow = {
      provider,
      layer: 'telemetry',
      startMs: span.startMs,
      endMs: span.endMs,
      keyId: null,
      projectId: null,
      model: span.model,
      requests: 1,
      inputTokens: input,
      cachedInputTokens: usage.cacheRead,
      cacheWriteTokens: usage.cacheWrite,
      cacheWrite1hTokens: 0,
      outputTokens: usage.output,
      reportedCostUsd: null,
      agentTag: tags.agent,
      featureTag: tags.feature,
      userTag: tags.user,
      sessionTag: tags.session,
      serviceTag: span.resource.service,
      eventId: `${span.traceId}/${span.spanId}`,
      grouping: '',
      position: span.position,
    };
    this.sink.row(row);
  }
}

function keyAt(stack: StackElement[], depth: number): string {
  return String(stack[depth]?.key);
}

/** OTLP JSON traces: a resourceSpans document (or line). */
export function detectOtelGenAi(head: string): boolean {
  const text = (head.charCodeAt(0) === 0xfeff ? head.slice(1) : head).trimStart();
  return text.charCodeAt(0) === 0x7b && /"resourceSpans"\s*:/.test(text);
}

export const otelGenAiFormat: UsageFormatSpec = {
  format: 'otel-genai',
  detect: detectOtelGenAi,
  createParser: (sink) => new OtelGenAiParser(sink),
};
