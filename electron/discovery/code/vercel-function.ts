import type { Evidence } from '../../../shared/discovery';
import { makeEvidence } from '../evidence';
import type { CodeModel } from './code-model';

/** The rule id of a Vercel Function's evidence: link/entry-point-triggers.ts reads it as an HTTP endpoint. */
export const VERCEL_FUNCTION_RULE = 'web.vercel-function';
const CONFIDENCE = 0.85;

/**
 * A file of a project's `api/` folder that Vercel deploys as a function (`api/events.ts` is
 * `/api/events`). Vercel skips files whose name starts with `_` or `.` (helpers in `api/_lib/`) and type declarations;
 * Next.js's own `pages/api/` and `app/api/` are read as Next.js routes, not here.
 */
const FUNCTION_FILE = /(?:^|\/)api\/(?:[^/_.][^/]*\/)*[^/_.][^/]*\.[cm]?[jt]s$/;
const NOT_A_FUNCTION = /\.d\.[cm]?ts$|(?:^|\/)(?:pages|app|src)\/api\//;
/** `export default function handler(req, res)`, `export default async (req: VercelRequest, res) =>`. */
const REQUEST_HANDLER = /^\s*export\s+default\s+(?:async\s+)?(?:function\b[^(]*)?\(\s*(?:req|request)\b/;

/**
 * A Vercel Function with Vercel's Node helpers: it default-exports a handler of (request,
 * response) (typed with `@vercel/node`, or written as `handler(req, res)`). Each call to its
 * path runs it. Web-standard `GET`/`POST` exports are read by the handler-export rule.
 */
export function vercelFunctionEntryOf(model: CodeModel): Evidence | null {
  if (!FUNCTION_FILE.test(model.path) || NOT_A_FUNCTION.test(model.path)) return null;
  // The model names a default-exported declaration by its own name (`events`): the line says it is the default.
  const at = model.lines.findIndex((text) => /^\s*export\s+default\b/.test(text));
  if (at < 0) return null;
  const line = model.lines[at]!;
  const typedByVercel = model.imports.some((fact) => fact.module === '@vercel/node');
  if (!typedByVercel && !REQUEST_HANDLER.test(line) && !namesRequestHandler(model, line)) return null;
  return makeEvidence(model.path, at + 1, line, VERCEL_FUNCTION_RULE, CONFIDENCE);
}

/** `export default handler` naming a function of the file written `function handler(req, res)` or `const handler = async (req, res) =>`. */
function namesRequestHandler(model: CodeModel, line: string): boolean {
  const name = /^\s*export\s+default\s+([A-Za-z_$][\w$]*)\s*;?\s*$/.exec(line)?.[1];
  if (!name) return false;
  return new RegExp(`(?:function\\s+${name}\\s*\\(|\\b${name}\\s*=\\s*(?:async\\s+)?(?:function\\b[^(]*)?\\()\\s*(?:req|request)\\b`).test(model.text);
}
