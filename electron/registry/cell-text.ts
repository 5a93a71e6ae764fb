/**
 * Spreadsheet cells are untrusted text. On export a cell that a spreadsheet would run as a
 * formula gets a leading apostrophe (OWASP "CSV injection"); on import exactly that apostrophe is
 * removed again, so a round trip is lossless and nothing is ever evaluated.
 */
const FORMULA_START = /^[=+\-@\t\r]/;
// XLSX stores a CR as LF (XML line-end normalisation), so an apostrophe before LF is also ours.
const NEUTRALISED = /^'[=+\-@\t\r\n]/;
const APOSTROPHE = 0x27;
// C0 controls except tab and newline: invisible, and some break terminals and XML (XLSX).
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const CONTROL_CHARS = /[\u0000-\u0008\u000b-\u001f]/g;
const CR_LINE_BREAK = /\r\n?/g;
// CR is in this range too: it is rewritten as a newline before the controls are removed.
// eslint-disable-next-line no-control-regex -- as above
const NEEDS_CLEANING = /[\u0000-\u0008\u000b-\u001f]/;

export function neutraliseFormula(value: string): string {
  return FORMULA_START.test(value) ? `'${value}` : value;
}

/** A cell's text as the registry keeps it: apostrophe undone, controls stripped, trimmed. */
export function cleanCell(raw: string): string {
  // Only a cell starting with an apostrophe can be one we neutralised: no pattern for the rest.
  const text = raw.charCodeAt(0) === APOSTROPHE && NEUTRALISED.test(raw) ? raw.slice(1) : raw;
  // Most cells are clean: one test instead of two replaces keeps a 10,000-row import fast.
  return NEEDS_CLEANING.test(text) ? text.replace(CR_LINE_BREAK, '\n').replace(CONTROL_CHARS, '').trim() : text.trim();
}
