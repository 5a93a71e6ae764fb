import type { Evidence } from '../../../shared/discovery';
import { makeEvidence } from '../evidence';
import type { CodeModel } from './code-model';
import { resolved } from './finding-context';

/**
 * Calls from a page or a tool to the application's own server (`fetch('/api/responses', ...)`,
 * `fetch("/api/session")`): a path on the same origin, which the linker follows to the route
 * file that answers it (link/proxy-routes.ts). The path alone says nothing: most such calls
 * post survey answers or read a login session; only a route that itself calls a model makes
 * the caller's agent a user of that model.
 */
export interface ProxyCall {
  /** The path as written, interpolated parts as `{}`, query dropped: "/api/responses", "/api/chat/{}". */
  path: string;
  evidence: Evidence;
}

const HTTP_CALLEE = /^(?:fetch|globalThis\.fetch|window\.fetch|self\.fetch|axios(?:\.(?:get|post|put|patch|delete|request))?|ky(?:\.(?:get|post|put|patch|delete))?|ofetch|\$fetch)$/;
const RULE_ID = 'web.proxy-call';
const CONFIDENCE = 0.8;

/** Same-origin paths in the parsed file's HTTP calls. */
export function findProxyCalls(model: CodeModel): ProxyCall[] {
  if (model.language === 'python') return [];
  const calls: ProxyCall[] = [];
  for (const call of model.calls) {
    if (!HTTP_CALLEE.test(call.callee)) continue;
    const url = resolved(model, call.args[0] ?? call.named.get('url'));
    const path = url?.kind === 'string' ? sameOriginPath(url.text) : null;
    if (path) calls.push({ path, evidence: makeEvidence(model.path, call.line, model.lines[call.line - 1] ?? '', RULE_ID, CONFIDENCE) });
  }
  return calls;
}

const TEXT_CALL = /\b(?:fetch|axios\.(?:get|post|put|patch|delete))\s*\(\s*(['"`])(\/[^'"`\n]*)\1/g;

/** The same, read from a file the parser never saw (a stub: it imports no SDK); comments must be blanked first. */
export function findProxyCallsInText(path: string, text: string): ProxyCall[] {
  const calls: ProxyCall[] = [];
  for (const match of text.matchAll(TEXT_CALL)) {
    const target = sameOriginPath(match[2]!.replace(/\$\{[^}]*\}/g, '{}'));
    if (!target) continue;
    const line = text.slice(0, match.index).split('\n').length;
    calls.push({ path: target, evidence: makeEvidence(path, line, text.split('\n')[line - 1] ?? '', RULE_ID, CONFIDENCE) });
  }
  return calls;
}

/**
 * "/api/session?x=1" -> "/api/session"; `${window.location.origin}/api/session` (written "{}/api/session")
 * -> "/api/session". URLs with a literal host, protocol-relative ones and bare "/" are not routes of this app.
 */
function sameOriginPath(written: string): string | null {
  const url = written.replace(/^\{\}(?=\/[^/])/, '');
  if (!url.startsWith('/') || url.startsWith('//')) return null;
  const path = url.replace(/[?#].*$/, '').replace(/\/+$/, '');
  return path.length > 1 ? path : null;
}
