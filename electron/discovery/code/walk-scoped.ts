import type { Scope } from './code-model';
import type { SyntaxNode } from './syntax-node';

/**
 * Visits every named node, parents before children, with the scope it sits in. `scopeOf`
 * returns the scope a node opens for its children (a function or class), or null. Iterative,
 * so hostile nesting cannot exhaust the stack.
 */
export function walkScoped(root: SyntaxNode, rootScope: Scope, scopeOf: (node: SyntaxNode, enclosing: Scope) => Scope | null, visit: (node: SyntaxNode, scope: Scope) => void): void {
  const stack: Array<[SyntaxNode, Scope]> = [];
  for (let i = root.children.length - 1; i >= 0; i--) stack.push([root.children[i] as SyntaxNode, rootScope]);
  while (stack.length > 0) {
    const [node, scope] = stack.pop() as [SyntaxNode, Scope];
    // The node's own scope exists before it is visited, so a definition can bind its name to it.
    const inner = scopeOf(node, scope) ?? scope;
    visit(node, scope);
    for (let i = node.children.length - 1; i >= 0; i--) stack.push([node.children[i] as SyntaxNode, inner]);
  }
}
