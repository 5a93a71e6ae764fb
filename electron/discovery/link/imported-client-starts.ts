import { makeEvidence } from '../evidence';
import type { CodeFindings } from '../findings';
import type { CodeIndex } from './resolve-code';

/**
 * Joins the two halves code/imported-client-starts.ts records: a file whose module-level
 * `client.run(token)` starts a client that the module it imports `client` from builds as a
 * `discord.Client(…)` (or a Slack, Telegram or discord.js client an entry-point rule starts). That
 * file is the bot's entry point, with the start as evidence under the rule of the module that
 * builds the client, as if the client were built beside it: the bot is found as a started unit
 * with the trigger such bots get, not as the top of an import chain nothing is seen to run.
 *
 * Sets `entryPoint` on the starting file's findings (only where none was found), before the
 * linker reads entry points; linking the same findings again finds the same start. Returns, by
 * the module that builds a started client, the file that starts it: where the builder registers
 * the client's handlers itself (`@app.event("app_mention")` beside `app = App(…)`), it is an entry
 * point too, but one the starter runs, so one item, not two.
 */
export function adoptImportedClientStarts(code: readonly CodeFindings[], index: CodeIndex): Map<string, string> {
  const starterOf = new Map<string, string>();
  for (const file of code) {
    if (!file.clientStarts) continue;
    if (file.entryPoint && !file.entryPoint.ruleId.endsWith('server-start')) continue;
    for (const start of file.clientStarts) {
      const builder = index.resolveImport(start.module, file.path);
      const client = builder ? index.get(builder)?.startableClients?.find((candidate) => candidate.name === start.name && candidate.methods.includes(start.method)) : undefined;
      if (!client) continue;
      file.entryPoint ??= makeEvidence(file.path, start.line, start.snippet, client.ruleId, client.confidence);
      starterOf.set(builder!, file.path);
      break;
    }
  }
  return starterOf;
}
