import type { DiscoveredAgent } from '../../../shared/discovery';
import type { CodeIndex } from './resolve-code';

/**
 * A Next.js server action ('use server') is an entry point of its own: Next.js serves each of its
 * functions as an endpoint a page posts to (code/client-entry.ts). When an item found in the scan
 * calls it in its own run (a chat route that titles the conversation with the action's
 * `generateText`), the action is part of that item: a chained component of it, shown there,
 * and not also an item beside it. Only an action nothing found calls (a page form posts to it)
 * stays its own item.
 *
 * Removes such items from `items`, after chained components are attached.
 */
export function dropCalledServerActions(items: DiscoveredAgent[], index: CodeIndex): void {
  const chainedBy = new Map<string, DiscoveredAgent>();
  for (const item of items) {
    if (item.classification === 'example') continue;
    for (const component of item.chainedComponents ?? []) if (!chainedBy.has(component.path)) chainedBy.set(component.path, item);
  }
  if (chainedBy.size === 0) return;
  for (let i = items.length - 1; i >= 0; i--) {
    const item = items[i]!;
    if (item.unit.kind !== 'code-entry-point' || item.classification !== 'llm-call') continue;
    const caller = chainedBy.get(item.unit.path);
    if (!caller || caller === item || index.get(item.unit.path)?.entryPoint?.ruleId !== 'web.server-action') continue;
    items.splice(i, 1);
  }
}
