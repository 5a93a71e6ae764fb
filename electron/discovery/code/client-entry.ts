import type { Evidence } from '../../../shared/discovery';
import { makeEvidence } from '../evidence';

/**
 * Where a web application's browser code starts: a Next.js page or layout (`app/**\/page.tsx`,
 * `pages/**`, not `pages/api`), a module marked "use client", or a Vite/React entry
 * (`src/main.tsx`). Agents reached from such a file run in the visitor's browser.
 */

const NEXT_APP_PAGE = /(?:^|\/)app\/(?:.*\/)?(?:page|layout)\.(?:tsx|jsx|ts|js)$/;
const NEXT_PAGES = /(?:^|\/)pages\/(?!api\/).+\.(?:tsx|jsx)$/;
const VITE_ENTRY = /(?:^|\/)src\/(?:main|index)\.(?:tsx|jsx)$/;
const SERVER_ONLY_IMPORT = /^[ \t]*import[ \t]+['"]server-only['"]/m;

/** The directive a module starts with, after comments only: `'use client'` -> "use client". */
function leadingDirective(text: string): { directive: string; line: number } | null {
  const whitespace = /\s*/y;
  let i = 0;
  for (;;) {
    whitespace.lastIndex = i;
    whitespace.exec(text);
    i = whitespace.lastIndex;
    if (text.startsWith('//', i)) {
      const end = text.indexOf('\n', i);
      if (end === -1) return null;
      i = end + 1;
    } else if (text.startsWith('/*', i)) {
      const end = text.indexOf('*/', i + 2);
      if (end === -1) return null;
      i = end + 2;
    } else break;
  }
  const match = /^(['"])(use client|use server)\1/.exec(text.slice(i, i + 14));
  return match ? { directive: match[2]!, line: text.slice(0, i).split('\n').length } : null;
}

const RULE_ID = 'web.client-entry';
const CONFIDENCE = 0.85;

export function clientEntryOf(path: string, text: string): Evidence | null {
  if (!/\.(?:tsx|jsx|ts|js|mjs)$/.test(path)) return null;
  const directive = leadingDirective(text);
  if (directive?.directive === 'use client') return makeEvidence(path, directive.line, text.split('\n')[directive.line - 1] ?? '', RULE_ID, CONFIDENCE);
  if (NEXT_APP_PAGE.test(path) || NEXT_PAGES.test(path) || VITE_ENTRY.test(path)) return makeEvidence(path, 0, '', RULE_ID, CONFIDENCE);
  return null;
}

/**
 * A module that never runs in the browser even when a page imports it: server actions ("use
 * server") and modules guarded by `import 'server-only'`. The agents they run are server-side.
 */
export function isServerOnly(path: string, text: string): boolean {
  return /\.(?:tsx|jsx|ts|js|mjs)$/.test(path) && (leadingDirective(text)?.directive === 'use server' || (text.includes('server-only') && SERVER_ONLY_IMPORT.test(text)));
}

/**
 * A "use server" module: Next.js serves each exported function as an endpoint the page posts to.
 * One that exports nothing (a module configuring an SDK for the server's other code) serves none.
 */
export function serverActionEntryOf(path: string, text: string): Evidence | null {
  if (!/\.(?:tsx|jsx|ts|js|mjs)$/.test(path)) return null;
  const directive = leadingDirective(text);
  if (directive?.directive !== 'use server' || !/^[ \t]*export\b/m.test(text)) return null;
  return makeEvidence(path, directive.line, text.split('\n')[directive.line - 1] ?? '', 'web.server-action', CONFIDENCE);
}
