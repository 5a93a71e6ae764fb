/** A plain-text table for the terminal: columns padded to their widest value (capped), long values cut with an ellipsis. */
export function textTable(header: string[], rows: string[][], maxWidth = 48, indent = '  '): string[] {
  const widths = header.map((h, i) => Math.min(maxWidth, Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length))));
  const format = (r: string[]) => `${indent}${r.map((v, i) => (v.length > widths[i]! ? `${v.slice(0, widths[i]! - 1)}…` : v.padEnd(widths[i]!))).join('  ')}`.trimEnd();
  return [format(header), ...rows.map(format)];
}
