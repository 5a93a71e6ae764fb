import type { ChatClientFact, ImportedHandlerCall } from '../findings';
import type { CallSite, CodeModel } from './code-model';
import { callMatches, type FindingContext } from './finding-context';
import { namesImportedFromRepository } from './imported-client-starts';
import type { CodeRuleSet } from './rules';

/**
 * A chat bot whose client one module builds (`export const bot = new Telegraf(token)` in bot.ts)
 * and another registers the message handlers on (`import { bot } from './bot'; bot.on('text', …)`).
 * The rule pack names a message handler by the client's type (`telegraf.Telegraf().on({text,message})`),
 * which the registering file cannot see: the building file records which registrations on its
 * client read chat messages, the registering file the registrations it makes on imported names,
 * and the linker joins them (link/imported-chat-handlers.ts).
 */

/** Methods that register a handler for incoming chat, with the events tried on each: `''` is a handler registered with no event literal. */
const REGISTRATIONS: Record<string, string[]> = {
  on: ['message', 'text', 'messageCreate', 'edited_message', 'channel_post'],
  onText: [''],
  hears: [''],
  message: [''],
  event: ['message', 'app_mention'],
};
const REGISTRATION = new RegExp(`\\.(${Object.keys(REGISTRATIONS).join('|')})$`);

/** Module-level chat clients this file builds, with the registrations on them a chat-message rule reads. */
export function findChatClients(context: FindingContext): ChatClientFact[] {
  const { model } = context;
  // Only a file importing a chat SDK builds a chat client: every other file is spared the walk.
  const rules = context.rules.untrustedInput.filter((rule) => rule.kind === 'chat-message' && rule.match.calls && model.imports.some((fact) => rule.match.modules?.test(fact.module)));
  if (rules.length === 0) return [];
  const clients: ChatClientFact[] = [];
  for (const call of model.calls) {
    if (call.scope !== model.module || !call.boundTo || call.decorates) continue;
    for (const rule of rules) {
      const handlers = Object.entries(REGISTRATIONS).flatMap(([member, events]) =>
        events.filter((event) => callMatches(rule.match.calls, registrationOn(call, member, event))).map((event) => `${member}(${event})`),
      );
      if (handlers.length === 0) continue;
      clients.push({ name: call.boundTo, handlers, ruleId: rule.id, confidence: rule.confidence });
      break;
    }
  }
  return clients;
}

/** How the rule would see `<client>.<member>('<event>')` written beside the client. */
function registrationOn(client: CallSite, member: string, event: string): CallSite {
  const callee = `${client.callee}().${member}`;
  return { ...client, callee, symbol: `${callee}(${event})` };
}

/** Handler registrations on a name this file imports from a module of the repository: `bot.on('text', …)` of `import { bot } from './bot'`. */
export function findImportedHandlerCalls(model: CodeModel, rules: CodeRuleSet): ImportedHandlerCall[] {
  const imported = namesImportedFromRepository(model, rules);
  if (imported.size === 0) return [];
  const registrations: ImportedHandlerCall[] = [];
  for (const call of model.calls) {
    const member = REGISTRATION.exec(call.callee)?.[1];
    const target = member ? imported.get(call.callee.slice(0, -(member.length + 1))) : undefined;
    if (!target) continue;
    const event = call.symbol.slice(call.callee.length + 1, -1);
    registrations.push({ ...target, handler: `${member}(${event})`, line: call.line, snippet: (model.lines[call.line - 1] ?? '').trim() });
  }
  return registrations;
}
