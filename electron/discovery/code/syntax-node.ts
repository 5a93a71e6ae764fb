import type { Tree, TreeCursor } from '@vscode/tree-sitter-wasm';

/**
 * A plain-JavaScript copy of the named nodes of a tree-sitter tree. Every property read on a
 * web-tree-sitter node is a call into WebAssembly; the analyzers visit nodes many times, so
 * the tree is copied once with a cursor and then read for free.
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

export function toSyntaxTree(tree: Tree, text: string): SyntaxNode {
  const cursor = tree.walk();
  const lines = new LineCounter(text);
  try {
    const root = copyNode(cursor, null, lines);
    // copies[d]: the copy of the cursor's node at depth d, or null for an anonymous token.
    const copies: Array<SyntaxNode | null> = [root];
    let depth = 0;
    for (;;) {
      if (depth < MAX_SYNTAX_DEPTH && copies[depth] && cursor.gotoFirstChild()) {
        depth += 1;
      } else {
        while (!cursor.gotoNextSibling()) {
          if (!cursor.gotoParent()) return root;
          depth -= 1;
        }
      }
      // Only named nodes are descended into, so the parent's copy always exists.
      const parent = copies[depth - 1] as SyntaxNode;
      const node = cursor.nodeIsNamed ? copyNode(cursor, parent, lines) : null;
      if (node) parent.children.push(node);
      copies[depth] = node;
    }
  } finally {
    cursor.delete();
  }
}

function copyNode(cursor: TreeCursor, parent: SyntaxNode | null, lines: LineCounter): SyntaxNode {
  const start = cursor.startIndex;
  return { type: cursor.nodeType, field: cursor.currentFieldName, start, end: cursor.endIndex, line: lines.lineAt(start), parent, children: [] };
}

/**
 * Line numbers from offsets without asking tree-sitter (each question is a WebAssembly call):
 * a pre-order walk meets nodes in non-decreasing start order, so a forward-only pointer over
 * the line starts answers each in constant time.
 */
class LineCounter {
  private line = 1;
  private nextLineStart: number;

  constructor(private readonly text: string) {
    this.nextLineStart = this.findNextLineStart(0);
  }

  lineAt(offset: number): number {
    while (offset >= this.nextLineStart) {
      this.line += 1;
      this.nextLineStart = this.findNextLineStart(this.nextLineStart);
    }
    return this.line;
  }

  private findNextLineStart(from: number): number {
    const newline = this.text.indexOf('\n', from);
    return newline === -1 ? Infinity : newline + 1;
  }
}
