import { CAPABILITY_KINDS, type ToolDefinition } from '../../../shared/discovery';

/**
 * An item's tools, one per name: a tool listed by reference in the file that hands it to the
 * model (`tools: [webLoader]`) and defined in its own module (`ai.defineTool({ name: 'webLoader' })`)
 * is one tool. It keeps what the definition says: its capabilities, description and evidence.
 */
export function toolsByName(tools: readonly ToolDefinition[]): ToolDefinition[] {
  const byName = new Map<string, ToolDefinition>();
  for (const tool of tools) {
    const seen = byName.get(tool.name);
    if (!seen) {
      byName.set(tool.name, tool);
      continue;
    }
    const kinds = new Set([...seen.capabilities, ...tool.capabilities]);
    const defining = seen.capabilities.length === 0 && tool.capabilities.length > 0 ? tool : seen;
    const description = seen.description ?? tool.description;
    byName.set(tool.name, { ...defining, ...(description !== undefined ? { description } : {}), capabilities: CAPABILITY_KINDS.filter((kind) => kinds.has(kind)) });
  }
  return [...byName.values()];
}
