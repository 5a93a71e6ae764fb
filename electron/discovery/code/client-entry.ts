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
/** "use client" as the first statement, after comments only. */
const USE_CLIENT = /^(?:\s|\/\/[^\n]*\n|\/\*[\s\S]*?\*\/)*(['"])use client\1/;

const RULE_ID = 'web.client-entry';
const CONFIDENCE = 0.85;

export function clientEntryOf(path: string, text: string): Evidence | null {
  if (!/\.(?:tsx|jsx|ts|js|mjs)$/.test(path)) return null;
  const directive = USE_CLIENT.exec(text);
  if (directive) {
    const line = text.slice(0, directive.index + directive[0].length).split('\n').length;
    return makeEvidence(path, line, text.split('\n')[line - 1] ?? '', RULE_ID, CONFIDENCE);
  }
  if (NEXT_APP_PAGE.test(path) || NEXT_PAGES.test(path) || VITE_ENTRY.test(path)) return makeEvidence(path, 0, '', RULE_ID, CONFIDENCE);
  return null;
}
