import { makeEvidence } from '../evidence';
import type { CodeFindings } from '../findings';
import type { CodeIndex } from './resolve-code';

/**
 * Joins the halves code/imported-chat-handlers.ts records: a file registering a message handler
 * on a bot client another module builds (`bot.on('text', …)` of `import { bot } from './bot'`,
 * where bot.ts builds `new Telegraf(token)`) reads chat messages, as it would with the client built
 * beside it. Adds that untrusted input to the registering file, under the rule of the client's
 * type; linking the same findings again finds it there already.
 */
export function adoptImportedChatHandlers(code: readonly CodeFindings[], index: CodeIndex): void {
  for (const file of code) {
    for (const call of file.importedHandlerCalls ?? []) {
      const builder = index.resolveImport(call.module, file.path);
      const client = builder ? index.get(builder)?.chatClients?.find((candidate) => candidate.name === call.name && candidate.handlers.includes(call.handler)) : undefined;
      if (!client || file.untrustedInputs.some((input) => input.evidence.line === call.line && input.evidence.ruleId === client.ruleId)) continue;
      file.untrustedInputs.push({ kind: 'chat-message', detail: `${call.name}.${call.handler}`, tool: null, evidence: makeEvidence(file.path, call.line, call.snippet, client.ruleId, client.confidence) });
    }
  }
}
