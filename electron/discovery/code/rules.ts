import { z } from 'zod';
import { CAPABILITY_KINDS, GUARDRAIL_KINDS, UNTRUSTED_INPUT_KINDS } from '../../../shared/discovery';
import type { RuleBase } from '../rules/rule';
import type { CodeLanguage } from './code-model';
import { globMatcher, globToRegExpSource } from './glob';
import { prefilterSource } from './prefilter';
import type { GlobMatcher } from './glob';

/**
 * The code rule pack (resources/rules/code.json): `{ "rules": [...] }`, the same envelope as
 * the configuration pack. Each rule names the vocabulary it matches (modules, calls,
 * decorators, base classes, argument names...) as globs over symbols (code-model.ts, glob.ts).
 * What a match means is fixed by the rule's category, so a new SDK is a new rule, never new code.
 */

const RULE_LANGUAGES = ['python', 'typescript', 'javascript'] as const;
export type RuleLanguage = (typeof RULE_LANGUAGES)[number];

const patterns = z.array(z.string().min(1)).min(1);

const Base = z.object({
  id: z.string().regex(/^[a-z0-9-]+\.[a-z-]+\.[a-z0-9-]+$/, 'expected "<language>.<category>.<name>" in lower case'),
  description: z.string().min(1),
  languages: z.array(z.enum(RULE_LANGUAGES)).min(1),
  confidence: z.number().min(0).max(1),
  /** Extra prefilter signals besides imports of `modules` (regex fragments ripgrep also understands). */
  prefilter: z.array(z.string().min(1)).optional(),
});

const LlmRule = Base.extend({
  category: z.literal('llm'),
  /** null: the provider is read from the model names the call is given (init_chat_model, litellm). */
  provider: z.string().nullable().optional(),
  modules: patterns.optional(),
  /** Client constructors and one-shot completion calls. */
  calls: patterns.optional(),
  /** Provider -> regex of its model names, for literal strings seen near a client. */
  modelNames: z.record(z.string(), z.string()).optional(),
  /** With modelNames: arguments whose literal value is a model name whatever it looks like (Azure deployments). */
  modelArgs: patterns.optional(),
  /**
   * Namespaces this SDK writes its model ids under that are not provider names themselves: Genkit's
   * plugin names (`googleai/gemini-2.5-flash`, `vertexai/gemini-1.5-pro`). The part after the slash is the model.
   */
  modelIdPrefixes: z.array(z.string().regex(/^[\w-]+$/)).optional(),
  /**
   * With calls of an HTTP client: host -> provider. Such a call is a model call only when its
   * URL is a literal on one of these hosts (a raw fetch to api.openai.com, no SDK).
   */
  providerHosts: z.record(z.string().min(1), z.string().min(1)).optional(),
}).strict();

const FrameworkRule = Base.extend({
  category: z.literal('framework'),
  framework: z.string().min(1),
  /** True when using the framework means an LLM chooses actions (an agent), not just a chain. */
  agentic: z.boolean(),
  modules: patterns.optional(),
  calls: patterns.optional(),
  /**
   * Keyword arguments one of which a matched call must pass, with a value other than False/None
   * (`demo.launch(mcp_server=True)` serves MCP; `demo.launch()` is only a web UI).
   */
  namedArgs: patterns.optional(),
  decorators: patterns.optional(),
  /** Words (not globs): a loop that calls a model and mentions one (tool_calls, tool_use) feeds tool results back. */
  toolLoopMarkers: patterns.optional(),
  /** Modules `modules` would match that are not the framework (a platform SDK that only calls a deployed graph), or names of its top module (`crewai.Flow`). */
  excludeModules: patterns.optional(),
  /**
   * A graph or workflow runner (LangGraph's StateGraph): an agent when its steps call a model,
   * a plain workflow when nothing in the unit's code does (see link/model-free-graphs.ts).
   */
  orchestration: z.boolean().optional(),
}).strict();

const ToolRule = Base.extend({
  category: z.literal('tool'),
  /** The decorated function is a tool. */
  decorators: patterns.optional(),
  /** The call defines a tool; its body is any function among the arguments. */
  calls: patterns.optional(),
  /** A class with one of these bases is a tool; its body is the class. */
  bases: patterns.optional(),
  /** Arguments that hand a list (or map) of tools to a model or agent. */
  namedArgs: patterns.optional(),
  /**
   * Files importing one of these modules name tools by the name they were registered under: a
   * string in a namedArgs list is a tool there (Genkit's `tools: ['webLoader', 'maps/maps_geocode']`).
   * Anywhere else a list of strings says nothing about tools.
   */
  stringToolsIn: patterns.optional(),
  /** `{"type": "function", ...}` tool schemas (OpenAI function calling). */
  objectTypes: patterns.optional(),
  /** `{"name": ..., "input_schema": ...}` tool schemas (Anthropic): a name plus one of these keys. */
  schemaKeys: patterns.optional(),
  /** Arguments (or class attributes) that name the tool, tried in order. */
  nameArgs: z.array(z.string().min(1)).optional(),
}).strict();

const CapabilityRule = Base.extend({
  category: z.literal('capability'),
  kind: z.enum(CAPABILITY_KINDS),
  /** Packages the calls come from: their imports are never taken for local modules. */
  modules: patterns.optional(),
  calls: patterns.optional(),
  /**
   * A condition on the call's arguments: `url` fires for a host not written in the code (a
   * literal host becomes an endpoint instead), `sql` for a statement starting with one of
   * `sqlKeywords`, `write-mode` for open() with a writing mode, `dynamic` for eval/exec of
   * anything but a literal.
   */
  argument: z.enum(['url', 'sql', 'write-mode', 'dynamic']).optional(),
  sqlKeywords: patterns.optional(),
  /** Argument names that carry the URL, besides the first positional argument. */
  urlArgs: patterns.optional(),
  /** Keyword arguments / properties that switch the capability on... */
  namedArgs: patterns.optional(),
  /** ...unless their literal value is one of these. */
  offValues: z.array(z.string()).optional(),
  /** Hosted tool types: `{"type": "code_interpreter"}`. */
  objectTypes: patterns.optional(),
}).strict();

const CredentialRule = Base.extend({
  category: z.literal('credential'),
  credentialKind: z.enum(['env-var', 'hardcoded-secret', 'connection-string']),
  /** env-var: calls whose first argument is the variable name (os.getenv). */
  calls: patterns.optional(),
  /** env-var: containers read by key (os.environ["X"], process.env.X). */
  containers: patterns.optional(),
  /** env-var: name parts that make a variable a credential (KEY, TOKEN...). */
  nameHints: patterns.optional(),
  /** env-var: name prefix -> provider, first match wins. */
  providers: z.array(z.object({ prefix: z.string().min(1), provider: z.string().min(1) })).optional(),
  /** hardcoded-secret: argument names whose literal value is a secret even without a known shape. */
  secretArgs: patterns.optional(),
  /** connection-string: URL schemes of databases and brokers. */
  schemes: patterns.optional(),
}).strict();

const EndpointRule = Base.extend({
  category: z.literal('endpoint'),
  purpose: z.enum(['inference', 'mcp', 'api', 'webhook']),
  /** Arguments whose literal URL names the endpoint (base_url, baseURL...). */
  namedArgs: patterns.optional(),
  /** Calls whose URL argument names the endpoint (MCP client transports). */
  calls: patterns.optional(),
  /** Hosts (globs, optionally with a path prefix) that have this purpose wherever they appear. */
  hosts: patterns.optional(),
  /** Words in a non-literal URL expression that still show the purpose (SLACK_WEBHOOK_URL). */
  urlHints: patterns.optional(),
  /** A capability implied by calling such an endpoint (a webhook POST is external communication). */
  capability: z.enum(CAPABILITY_KINDS).optional(),
}).strict();

const GuardrailRule = Base.extend({
  category: z.literal('guardrail'),
  kind: z.enum(GUARDRAIL_KINDS),
  modules: patterns.optional(),
  calls: patterns.optional(),
  decorators: patterns.optional(),
  namedArgs: patterns.optional(),
  /** With namedArgs: only these literal values count (human_input_mode="ALWAYS"). */
  values: z.array(z.string()).optional(),
  /** Environment variables whose mention shows the guardrail (LANGCHAIN_TRACING_V2). */
  envNames: patterns.optional(),
  /** With calls: the first argument must match this (an approval prompt passed to input()). */
  promptPattern: z.string().optional(),
  /** Regexes over the file's string literals: a scanner's API path or model name ("text:shieldPrompt", "Prompt-Guard-86M"). */
  strings: patterns.optional(),
}).strict();

/**
 * Content from outside the company that the code reads (an email, a ticket, an issue comment, a
 * web page, an uploaded document, a chat message). Reading is the point: the SDK call that sends
 * mail or posts a comment is a capability, never an untrusted input.
 */
const UntrustedInputRule = Base.extend({
  category: z.literal('untrusted-input'),
  kind: z.enum(UNTRUSTED_INPUT_KINDS),
  /** Packages the calls come from: their imports are never taken for local modules. */
  modules: patterns.optional(),
  calls: patterns.optional(),
  /** Handlers registered for outside messages (`@app.event("message")`, `@client.event`). */
  decorators: patterns.optional(),
  /** With decorators: the decorated function's name must match (`on_message`, not `on_ready`). */
  decoratedNames: patterns.optional(),
  /** Imported names that only exist to receive outside content (`fastapi.UploadFile`). */
  imports: patterns.optional(),
  /** Values read off a received payload, as `<container>.<key>` (`req.body.message.text`, `request.json().message.text`). */
  accesses: patterns.optional(),
  /**
   * With calls: a condition on the URL argument. `runtime-url`: the whole URL comes from elsewhere
   * at run time (a tool's parameter), not a literal host or a base URL with a written path.
   * `url-pattern`: the URL, literal or templated, matches one of `urlPatterns` (a helpdesk API).
   */
  argument: z.enum(['runtime-url', 'url-pattern']).optional(),
  /** With argument "url-pattern": regexes over the URL text (interpolated parts read as `{}`). */
  urlPatterns: patterns.optional(),
  /** Argument names that carry the URL, besides the first positional argument. */
  urlArgs: patterns.optional(),
  /** Only inside a tool (or a helper a tool calls): the model chose what to read. */
  inToolOnly: z.boolean().optional(),
}).strict();

const EntryPointRule = Base.extend({
  category: z.literal('entry-point'),
  /** Calls anywhere that start a server or worker (uvicorn.run, app.listen). */
  calls: patterns.optional(),
  /** Calls at module level (main(), asyncio.run). */
  moduleCalls: patterns.optional(),
  /** Route, task and flow decorators. */
  decorators: patterns.optional(),
  /** Names a runtime calls: Python module-level functions, TypeScript exports (handler, POST). */
  exports: patterns.optional(),
  /** Python `if __name__ == "__main__":`. */
  mainGuard: z.boolean().optional(),
}).strict();

/**
 * Runs of an agent deployed elsewhere (LangGraph Platform, OpenAI Assistants): the call shapes
 * are code (code/remote-agents.ts); the rule names the platform, so a workspace can read why a
 * file is a remote caller and turn a platform off.
 */
export const REMOTE_AGENT_PLATFORMS = ['langgraph-platform', 'openai-assistants', 'temporal', 'bedrock-agentcore', 'letta'] as const;
export type RemoteAgentPlatform = (typeof REMOTE_AGENT_PLATFORMS)[number];

const RemoteAgentRule = Base.extend({
  category: z.literal('remote-agent'),
  platform: z.enum(REMOTE_AGENT_PLATFORMS),
}).strict();

const CodeRule = z.discriminatedUnion('category', [LlmRule, FrameworkRule, ToolRule, CapabilityRule, CredentialRule, EndpointRule, GuardrailRule, UntrustedInputRule, EntryPointRule, RemoteAgentRule]);

const CodeRulePackJson = z
  .object({ rules: z.array(CodeRule).min(1) })
  .superRefine((pack, issue) => {
    const seen = new Set<string>();
    pack.rules.forEach((rule, index) => {
      if (seen.has(rule.id)) issue.addIssue({ code: 'custom', message: `duplicate rule id ${rule.id}`, path: ['rules', index, 'id'] });
      seen.add(rule.id);
      const problem = shapeProblem(rule);
      if (problem) issue.addIssue({ code: 'custom', message: `${rule.id}: ${problem}`, path: ['rules', index] });
      for (const source of regexSources(rule)) {
        try {
          new RegExp(source);
        } catch {
          issue.addIssue({ code: 'custom', message: `invalid regular expression ${JSON.stringify(source)}`, path: ['rules', index] });
        }
      }
    });
  });

/** Every field of a rule that holds regular expressions rather than globs. */
function regexSources(rule: z.infer<typeof CodeRule>): string[] {
  const sources = [...(rule.prefilter ?? [])];
  if (rule.category === 'llm') sources.push(...Object.values(rule.modelNames ?? {}));
  if (rule.category === 'guardrail') sources.push(...(rule.promptPattern ? [rule.promptPattern] : []), ...(rule.strings ?? []));
  if (rule.category === 'untrusted-input') sources.push(...(rule.urlPatterns ?? []));
  return sources;
}

/** Field combinations the engine would silently ignore. */
function shapeProblem(rule: z.infer<typeof CodeRule>): string | null {
  switch (rule.category) {
    case 'llm':
      if (rule.providerHosts && !rule.calls) return 'providerHosts needs calls';
      return (rule.calls ? 1 : 0) + (rule.modelNames ? 1 : 0) === 1 ? null : 'an llm rule lists either calls or modelNames';
    case 'framework':
      return rule.modules || rule.calls || rule.decorators || rule.toolLoopMarkers ? null : 'a framework rule lists modules, calls, decorators or toolLoopMarkers';
    case 'capability':
      if (rule.argument === 'sql' && !rule.sqlKeywords) return 'argument "sql" needs sqlKeywords';
      return rule.calls || rule.namedArgs || rule.objectTypes ? null : 'a capability rule lists calls, namedArgs or objectTypes';
    case 'untrusted-input':
      if (!rule.calls && !rule.decorators && !rule.imports && !rule.accesses) return 'an untrusted-input rule lists calls, decorators, imports or accesses';
      if ((rule.argument === 'url-pattern') !== (rule.urlPatterns !== undefined)) return 'argument "url-pattern" and urlPatterns go together';
      if (rule.argument && !rule.calls) return 'argument needs calls';
      return rule.decoratedNames && !rule.decorators ? 'decoratedNames needs decorators' : null;
    default:
      return null;
  }
}

type Json<T extends { category: string }> = T & RuleBase;
export type LlmRuleJson = Json<z.infer<typeof LlmRule>>;
export type FrameworkRuleJson = Json<z.infer<typeof FrameworkRule>>;
export type ToolRuleJson = Json<z.infer<typeof ToolRule>>;
export type CapabilityRuleJson = Json<z.infer<typeof CapabilityRule>>;
export type CredentialRuleJson = Json<z.infer<typeof CredentialRule>>;
export type EndpointRuleJson = Json<z.infer<typeof EndpointRule>>;
export type GuardrailRuleJson = Json<z.infer<typeof GuardrailRule>>;
export type UntrustedInputRuleJson = Json<z.infer<typeof UntrustedInputRule>>;
export type EntryPointRuleJson = Json<z.infer<typeof EntryPointRule>>;
export type RemoteAgentRuleJson = Json<z.infer<typeof RemoteAgentRule>>;
export type CodeRuleJson = z.infer<typeof CodeRule>;

/** A rule with its globs compiled; a field the rule does not list has no matcher. */
export type Compiled<R> = R & { match: Partial<Record<MatcherField, GlobMatcher>> };
type MatcherField = (typeof MATCHER_FIELDS)[number];
const MATCHER_FIELDS = ['modules', 'calls', 'decorators', 'bases', 'namedArgs', 'objectTypes', 'containers', 'nameHints', 'secretArgs', 'schemes', 'hosts', 'urlHints', 'envNames', 'moduleCalls', 'exports', 'modelArgs', 'schemaKeys', 'decoratedNames', 'imports', 'accesses', 'excludeModules', 'stringToolsIn'] as const;
/** Env var names and name parts are matched without regard to case. */
const CASE_INSENSITIVE_FIELDS = new Set<MatcherField>(['nameHints', 'envNames', 'hosts', 'urlHints', 'schemes']);

/** The enabled rules for one language, grouped by what they produce. */
export interface CodeRuleSet {
  llm: Array<Compiled<LlmRuleJson>>;
  framework: Array<Compiled<FrameworkRuleJson>>;
  tool: Array<Compiled<ToolRuleJson>>;
  capability: Array<Compiled<CapabilityRuleJson>>;
  credential: Array<Compiled<CredentialRuleJson>>;
  endpoint: Array<Compiled<EndpointRuleJson>>;
  guardrail: Array<Compiled<GuardrailRuleJson>>;
  untrustedInput: Array<Compiled<UntrustedInputRuleJson>>;
  entryPoint: Array<Compiled<EntryPointRuleJson>>;
  remoteAgent: Array<Compiled<RemoteAgentRuleJson>>;
  /** A module a rule names as a package it matches: never taken for a file of the repository. */
  isKnownModule(module: string): boolean;
  /** Model providers' API hosts of the raw HTTP rules (`api.openai.com` → openai), all together. */
  providerHosts: Readonly<Record<string, string>>;
  /**
   * The `calls` globs of every rule of a group in one matcher: most calls of a file match no rule,
   * and one test tells so where testing each rule's globs cost a tenth of the analysis.
   */
  anyCall: Readonly<Record<'llm' | 'framework' | 'capability' | 'untrustedInput', GlobMatcher>>;
}

export interface CodeRules {
  /** Ids of every rule in the pack, enabled or not. */
  allRuleIds: ReadonlySet<string>;
  forLanguage(language: CodeLanguage): CodeRuleSet;
  /** The prefilter as regex source (ripgrep reads it too), or null when no enabled rule gates the language. */
  prefilterSource(language: RuleLanguage): string | null;
  /** Whether a file may hold an agent signal and is worth parsing. */
  passesPrefilter(language: CodeLanguage, text: string): boolean;
}

export function ruleLanguageOf(language: CodeLanguage): RuleLanguage {
  return language === 'tsx' ? 'typescript' : language;
}

/**
 * Validates a code rule pack and compiles it. Rules in `disabledRuleIds` (a workspace's choice)
 * are left out entirely, so a disabled rule produces nothing, not even a reason to parse.
 */
export function loadCodeRules(json: unknown, disabledRuleIds: ReadonlySet<string> = new Set()): CodeRules {
  return compileCodeRules(validateCodeRulePack(json), disabledRuleIds);
}

/** The rules of a pack that passed validation: what a scan hands its analyzer threads, so they compile without validating again. */
export type ValidatedCodeRules = readonly CodeRuleJson[];

/** Validates a code rule pack (the costly half of loading it: a scan does it once, not once per thread). */
export function validateCodeRulePack(json: unknown): ValidatedCodeRules {
  const parsed = CodeRulePackJson.safeParse(json);
  if (!parsed.success) throw new Error(`invalid code rule pack: ${z.prettifyError(parsed.error)}`);
  return parsed.data.rules;
}

/** Compiles rules `validateCodeRulePack` accepted, leaving out the ones in `disabledRuleIds`. */
export function compileCodeRules(rules: ValidatedCodeRules, disabledRuleIds: ReadonlySet<string> = new Set()): CodeRules {
  const enabled = rules.filter((rule) => !disabledRuleIds.has(rule.id));
  // Each language's rules compile on its first file: a scan of Python alone never builds the
  // TypeScript matchers (compiling every glob of the pack is about 50 ms of a one-file scan).
  const byLanguage = new Map<RuleLanguage, { set: CodeRuleSet; prefilter: string | null; prefilterRegex: RegExp | null }>();
  const entry = (language: CodeLanguage) => {
    const ruleLanguage = ruleLanguageOf(language);
    let compiled = byLanguage.get(ruleLanguage);
    if (!compiled) {
      const rules = enabled.filter((rule) => rule.languages.includes(ruleLanguage));
      const prefilter = prefilterSource(ruleLanguage, rules);
      compiled = { set: compileRuleSet(rules), prefilter, prefilterRegex: prefilter === null ? null : new RegExp(prefilter, 'm') };
      byLanguage.set(ruleLanguage, compiled);
    }
    return compiled;
  };
  return {
    allRuleIds: new Set(rules.map((rule) => rule.id)),
    forLanguage: (language) => entry(language).set,
    prefilterSource: (language) => entry(language).prefilter,
    passesPrefilter: (language, text) => entry(language).prefilterRegex?.test(text) ?? false,
  };
}

function compileRuleSet(rules: CodeRuleJson[]): CodeRuleSet {
  const set: Omit<CodeRuleSet, 'isKnownModule' | 'providerHosts' | 'anyCall'> = { llm: [], framework: [], tool: [], capability: [], credential: [], endpoint: [], guardrail: [], untrustedInput: [], entryPoint: [], remoteAgent: [] };
  for (const rule of rules) {
    const compiled = compileRule(rule);
    switch (compiled.category) {
      case 'llm': set.llm.push(compiled); break;
      case 'framework': set.framework.push(compiled); break;
      case 'tool': set.tool.push(compiled); break;
      case 'capability': set.capability.push(compiled); break;
      case 'credential': set.credential.push(compiled); break;
      case 'endpoint': set.endpoint.push(compiled); break;
      case 'guardrail': set.guardrail.push(compiled); break;
      case 'untrusted-input': set.untrustedInput.push(compiled); break;
      case 'entry-point': set.entryPoint.push(compiled); break;
      case 'remote-agent': set.remoteAgent.push(compiled); break;
    }
  }
  const anyCallOf = (group: CodeRuleJson[]) => globMatcher(group.flatMap((rule) => ('calls' in rule && rule.calls) || []));
  return {
    ...set,
    isKnownModule: knownModuleTest(rules),
    providerHosts: Object.assign({}, ...set.llm.map((rule) => rule.providerHosts ?? {})) as Record<string, string>,
    anyCall: { llm: anyCallOf(set.llm), framework: anyCallOf(set.framework), capability: anyCallOf(set.capability), untrustedInput: anyCallOf(set.untrustedInput) },
  };
}

/**
 * As written, without submodules: the pack's `agents` (OpenAI Agents SDK) must not claim a
 * repository's own `agents.triage`. A local import wrongly dropped loses a link between files;
 * one wrongly kept is only a name the linker cannot resolve. For the same reason a glob's `*`
 * right after a name (`discord*`, `autogen*`) stands for the package's submodules and sibling
 * distributions (`discord.ext`, `autogen_core`), never for a longer name: a repository's own
 * `discordgpt` package is not discord.py, and taking it for it cut the bot off from its model code.
 */
function knownModuleTest(rules: CodeRuleJson[]): (module: string) => boolean {
  const globs = rules.flatMap((rule) => ('modules' in rule && rule.modules) || []);
  const sources = globs.map((glob) => (NAME_THEN_WILDCARD.test(glob) ? `${globToRegExpSource(glob.slice(0, -1))}(?:[._/-].*)?` : globToRegExpSource(glob)));
  const known = new RegExp(`^(?:${sources.join('|')})$`);
  return (module) => known.test(module);
}

const NAME_THEN_WILDCARD = /[A-Za-z0-9]\*$/;

function compileRule<R extends CodeRuleJson>(rule: R): Compiled<R> {
  const match: Record<string, GlobMatcher> = {};
  for (const field of MATCHER_FIELDS) {
    const list = (rule as Record<string, unknown>)[field];
    if (Array.isArray(list)) match[field] = globMatcher(list as string[], { ignoreCase: CASE_INSENSITIVE_FIELDS.has(field) });
  }
  return { ...rule, match } as Compiled<R>;
}
