import type { Evidence, UntrustedInputFinding } from '../../../shared/discovery';
import type { CodeModel } from './code-model';
import type { FindingContext } from './finding-context';
import { resolved } from './finding-context';

/** The rule whose vocabulary is inbound email a Worker parses: the handler is evidence under it, so turning it off turns this reading off. */
const INBOUND_EMAIL_RULE = 'ts.untrusted-input.inbound-email';

/**
 * A Cloudflare Email Worker: the module's default export has an `email(message, env, ctx)` handler
 * (`export default { async email(message, env) { … } }`, or a default-exported `WorkerEntrypoint`
 * class with an `email` method). Email Routing runs it for every message sent to the address, so
 * whoever can mail the address writes what it reads. The evidence of the handler's line, or null.
 */
export function workerEmailHandler(context: FindingContext): Evidence | null {
  const rule = context.rules.untrustedInput.find((candidate) => candidate.id === INBOUND_EMAIL_RULE);
  const line = rule ? emailHandlerLine(context.model) : null;
  return rule && line !== null ? context.evidence(line, rule) : null;
}

function emailHandlerLine(model: CodeModel): number | null {
  if (model.language === 'python') return null;
  const defaults = new Set(model.exports.filter((fact) => fact.name === 'default').map((fact) => fact.line));
  if (defaults.size === 0) return null;
  // `const worker = { … }; export default worker;`: the object the default export names.
  const named = new Set([...defaults].flatMap((line) => /^\s*export\s+default\s+([A-Za-z_$][\w$]*)\s*(?:satisfies\b.*)?;?\s*$/.exec(model.lines[line - 1] ?? '')?.[1] ?? []));
  for (const object of model.objects) {
    if (!defaults.has(object.line) && !(object.boundTo && named.has(object.boundTo))) continue;
    // `async email(message, env) { … }`, or `{ fetch: app.fetch, email }` naming a function of the file.
    const handler = object.entries.find((entry) => entry.key === 'email' && resolved(model, entry.value)?.kind === 'definition');
    if (handler) return handler.line;
  }
  const method = model.scopes.find((scope) => scope.kind === 'function' && scope.name === 'email' && scope.parent?.kind === 'class' && defaults.has(scope.parent.line));
  return method?.line ?? null;
}

/** The email the handler receives, as an untrusted input of the worker (unless the file already parses it, which says where it is read). */
export function workerEmailInput(handler: Evidence | null, found: readonly UntrustedInputFinding[]): UntrustedInputFinding[] {
  if (!handler || found.some((input) => input.kind === 'email')) return [];
  return [{ kind: 'email', detail: 'email() handler: each message Email Routing sends to the worker', tool: null, evidence: handler }];
}
