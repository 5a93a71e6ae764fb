/**
 * A table looked up by words read from scanned files: a call named `toString`, a workflow event
 * named `constructor`, a cron alias `@valueOf`. On a plain object those words find
 * Object.prototype's functions and pass for entries (a TypeScript MCP server calling
 * `x.toString()` once crashed the linker); a table without a prototype answers undefined.
 */
export function lookupTable<T>(entries: Record<string, T>): Readonly<Record<string, T | undefined>> {
  return Object.freeze(Object.assign(Object.create(null) as Record<string, T>, entries));
}
