import type { Node, Tree } from '@vscode/tree-sitter-wasm';

/**
 * A plain-JavaScript copy of the named nodes of a tree-sitter tree. Every property read on a
 * web-tree-sitter node is a call into WebAssembly; the analyzers visit nodes many times, so
 * the tree is copied once and then read for free.
 */
export interface SyntaxNode {
  type: string;
  /** The field this node fills in its parent ("function", "arguments", "name"...), if any. */
  field: string | null;
  /** UTF-16 offsets into the source text, so `text.slice(start, end)` is the node's source. */
  start: number;
  end: number;
  /** 1-based line of the node's first character. */
  line: number;
  parent: SyntaxNode | null;
  /** Named children only: punctuation and keywords are not needed by the analyzers. */
  children: SyntaxNode[];
}

/**
 * Nesting beyond this is generated or hostile input (10,000 nested parentheses), never agent
 * wiring; cutting the copy here keeps every later recursive walk far from the stack limit.
 */
export const MAX_SYNTAX_DEPTH = 200;

/**
 * The copy is made parent by parent: one call hands over all of a node's named children with
 * their start offsets and lines, so anonymous tokens (punctuation, keywords: about half the
 * nodes) are never visited and a node costs three calls (type, end, field) instead of the
 * cursor's seven. Same tree as a cursor walk, checked node for node over the bench tree's code.
 */
export function toSyntaxTree(tree: Tree): SyntaxNode {
  const top = tree.rootNode;
  const root: SyntaxNode = { type: top.type, field: null, start: top.startIndex, end: top.endIndex, line: top.startPosition.row + 1, parent: null, children: [] };
  const pending: Array<{ node: Node; copy: SyntaxNode; depth: number }> = [{ node: top, copy: root, depth: 0 }];
  for (let next = pending.pop(); next; next = pending.pop()) {
    const { node, copy, depth } = next;
    if (depth >= MAX_SYNTAX_DEPTH) continue;
    const children = node.namedChildren;
    for (let i = 0; i < children.length; i++) {
      const child = children[i]!;
      const childCopy: SyntaxNode = { type: child.type, field: node.fieldNameForNamedChild(i), start: child.startIndex, end: child.endIndex, line: child.startPosition.row + 1, parent: copy, children: [] };
      copy.children.push(childCopy);
      pending.push({ node: child, copy: childCopy, depth: depth + 1 });
    }
  }
  return root;
}
