import type { ClientStartFact, StartableClientFact } from '../findings';
import type { CallSite, CodeModel } from './code-model';
import { callMatches, type FindingContext } from './finding-context';
import { globMatcher, type GlobMatcher } from './glob';
import { isPossiblyLocalPythonModule } from './python';
import type { CodeRuleSet } from './rules';
import { isPossiblyLocalTypeScriptModule } from './typescript';

/**
 * A bot or server whose client is built in one module and started in another (shouples/discordgpt:
 * client.py builds `Client(intents=…)`, app.py registers `@client.event` handlers and ends with
 * `client.run(token)`). The rule pack's server-start rules name the start by the client's type
 * (`discord.{Client,AutoShardedClient}().run`), which the starting file cannot see: each side
 * records its half here and the linker joins them (link/imported-client-starts.ts), so the
 * starting file is the bot's entry point with the trigger such bots get.
 */

/** Methods that start a client, bot or server and block: `client.run(token)`, `client.login(token)`, `app.start(3000)`, `bot.launch()`. */
const START_METHODS = ['run', 'start', 'login', 'launch', 'run_polling', 'run_webhook', 'start_polling', 'polling', 'infinity_polling', 'serve_forever'];
const START_METHOD = new RegExp(`\\.(${START_METHODS.join('|')})$`);

/**
 * Starts of a client this file imports from a module of the repository: a module-level (or
 * module-level IIFE) `client.run(...)` where `client` comes from `from app.client import client`
 * or `import { client } from './client'`. Which rule it answers is decided where the client is built.
 */
export function findImportedClientStarts(model: CodeModel, rules: CodeRuleSet): ClientStartFact[] {
  const imported = namesImportedFromRepository(model, rules);
  if (imported.size === 0) return [];
  const starts: ClientStartFact[] = [];
  for (const call of model.calls) {
    if (call.decorates || !runsAtImport(model, call)) continue;
    const method = START_METHOD.exec(call.callee)?.[1];
    const target = method ? imported.get(call.callee.slice(0, -(method.length + 1))) : undefined;
    if (target) starts.push({ ...target, method: method!, line: call.line, snippet: (model.lines[call.line - 1] ?? '').trim() });
  }
  return starts;
}

/** Names this file imports from possibly-local modules, by the symbol calls on them start with (`./bot.bot`, `app.client.client`). */
export function namesImportedFromRepository(model: CodeModel, rules: CodeRuleSet): Map<string, { module: string; name: string }> {
  const possiblyLocal = model.language === 'python' ? isPossiblyLocalPythonModule : isPossiblyLocalTypeScriptModule;
  const imported = new Map<string, { module: string; name: string }>();
  for (const fact of model.imports) {
    if (fact.reExport || !possiblyLocal(fact.module) || rules.isKnownModule(fact.module)) continue;
    for (const name of fact.names) if (name !== '*' && name !== 'default') imported.set(`${fact.module}.${name}`, { module: fact.module, name });
  }
  return imported;
}

/** A call made when the module runs: at module level, or in a function called right there (`(async () => { … })()`). */
function runsAtImport(model: CodeModel, call: CallSite): boolean {
  if (call.scope === model.module) return true;
  return call.scope.kind === 'function' && call.scope.name === '' && call.scope.parent === model.module;
}

/**
 * Module-level clients this file builds that an entry-point rule starts: `client = discord.Client(…)`,
 * `client: Client = create_client()` whose factory returns `Client(…)`, `export const client = new
 * Client({…})`, each with the start methods the rule names (`discord.Client().run` → run).
 */
export function findStartableClients(context: FindingContext): StartableClientFact[] {
  const { model } = context;
  const rules = context.rules.entryPoint.flatMap((rule) => {
    const receivers = receiversOf(rule);
    return receivers ? [{ rule, receivers }] : [];
  });
  if (rules.length === 0) return [];
  const startable: StartableClientFact[] = [];
  for (const call of model.calls) {
    if (call.scope !== model.module || !call.boundTo || call.decorates) continue;
    for (const constructor of constructorsOf(model, call)) {
      for (const { rule, receivers } of rules) {
        // One test per rule for most bindings (a logger, a settings object): only a receiver the rule names is asked for its methods.
        if (!receivers.test(`${constructor}()`)) continue;
        const starts = (receiver: string, method: string) => callMatches(rule.match.calls, { ...call, callee: `${receiver}().${method}`, symbol: `${receiver}().${method}()` });
        // A start the rule names whatever the receiver (`*.serve_forever`) is found in the starting file as written.
        const methods = START_METHODS.filter((method) => starts(constructor, method) && !starts(ANY_RECEIVER, method));
        if (methods.length > 0) startable.push({ name: call.boundTo, methods, ruleId: rule.id, confidence: rule.confidence });
      }
    }
  }
  // One per name: the first rule that starts it.
  return startable.filter((fact, i) => startable.findIndex((other) => other.name === fact.name) === i);
}

type EntryRule = FindingContext['rules']['entryPoint'][number];

/** A receiver no rule names: a rule matching its start matches any receiver's. */
const ANY_RECEIVER = '\u0000';

/** Per rule, the receivers its calls start by name (`discord.{Client,AutoShardedClient}()` of `discord.{…}().run`); null when it names none. */
const RECEIVERS = new WeakMap<EntryRule, GlobMatcher | null>();

/**
 * The receivers a rule's `<constructor>().<method>` patterns name. A pattern whose receiver is a
 * wildcard (`*.serve_forever`) names none: such a start matches in the starting file as written.
 */
function receiversOf(rule: EntryRule): GlobMatcher | null {
  let found = RECEIVERS.get(rule);
  if (found === undefined) {
    const globs = (rule.calls ?? []).flatMap((pattern) => {
      const receiver = receiverOf(pattern);
      return receiver && !receiver.startsWith('*') ? [receiver] : [];
    });
    found = globs.length > 0 ? globMatcher(globs) : null;
    RECEIVERS.set(rule, found);
  }
  return found;
}

/** `discord.{Client,AutoShardedClient}().run` → `discord.{Client,AutoShardedClient}()`; `telegram.ext*.{run_polling,run_webhook}` → `telegram.ext*`: all before the last `.` outside braces. */
function receiverOf(pattern: string): string | null {
  let depth = 0;
  for (let i = pattern.length - 1; i > 0; i--) {
    const c = pattern[i];
    if (c === '}') depth++;
    else if (c === '{') depth--;
    else if (c === '.' && depth === 0) return pattern.slice(0, i);
  }
  return null;
}

/** What a binding's call constructs: the callee itself, or, for a factory of this file, the calls made inside it. */
function constructorsOf(model: CodeModel, call: CallSite): string[] {
  if (!call.localName) return [call.callee];
  const factory = model.scopes.find((scope) => scope.kind === 'function' && scope.name === call.localName && scope.parent === model.module);
  if (!factory) return [];
  return model.calls.filter((inner) => inner.scope === factory && inner.localName === null).map((inner) => inner.callee);
}
