import { posix } from 'node:path';

/**
 * The simple commands a shell script runs, as a reader of the script sees them: `if bun run
 * x.ts; then`, `[ -n "$X" ] && node y.js`, `until python poll.py; do …; done`, `cd agent && uv
 * run main.py`, `OUT=$(python3 x.py 2>&1)`, `bash -lc "python x.py"`. Shell keywords, tests
 * (`[ -f agent.py ]`), comments, heredoc bodies and redirection targets are not commands; quoted
 * text is one word (`echo "python agent.py"` runs echo).
 *
 * A small lexer rather than the Bash tree-sitter grammar: config analyzers are synchronous and
 * run on every thread, where loading a grammar costs a WebAssembly instance and a few hundred
 * ms, for scripts that are a few lines long. Nothing here runs anything.
 */
export interface ShellCommand {
  /** The command's words, quotes removed; `$(…)` and backquoted text stay as written (they name no file). */
  words: string[];
  /** The folder the script had `cd`'d into when the command runs, relative to where it started ('' for there). */
  dir: string;
  /** The command as the script writes it, from its program to its last argument, on one line. */
  text: string;
}

interface Word {
  text: string;
  start: number;
  end: number;
}

const KEYWORDS = new Set(['if', 'then', 'elif', 'else', 'fi', 'while', 'until', 'do', 'done', 'esac', '!', '{', '}', 'in']);
/** Commands that start a compound command whose words are not a command (`for f in *.py`, `case $1 in`). */
const HEADERS = new Set(['for', 'select', 'case', 'function']);
const TESTS = new Set(['[', '[[', 'test', ']]', ']']);
const SHELLS = /^(?:.*\/)?(bash|sh|zsh|dash|ksh)$/;
/** At most this many nested `bash -c` / `$(…)` levels are read: a script is never that deep unless hostile. */
const MAX_DEPTH = 4;

export function shellCommands(script: string, dir = '', depth = 0): ShellCommand[] {
  const out: ShellCommand[] = [];
  let cwd = dir;
  for (const part of splitCommands(script)) {
    if (!Array.isArray(part)) {
      // `$(…)` and backquotes run their commands in the folder the script is in.
      if (depth < MAX_DEPTH) out.push(...shellCommands(part.substitution, cwd, depth + 1));
      continue;
    }
    const kept = withoutKeywords(part);
    const command = kept.map((w) => w.text);
    if (command.length === 0 || HEADERS.has(command[0]!) || TESTS.has(command[0]!)) continue;
    const [program, ...args] = command;
    if (program === 'cd' || program === 'pushd') {
      cwd = enteredFolder(cwd, args.find((a) => !a.startsWith('-')));
      continue;
    }
    if (program === 'popd') {
      cwd = dir;
      continue;
    }
    const inline = SHELLS.test(program!) ? args.findIndex((a) => /^-[a-z]*c[a-z]*$/.test(a)) : -1;
    if (inline >= 0 && args[inline + 1] !== undefined) {
      if (depth < MAX_DEPTH) out.push(...shellCommands(args[inline + 1]!, cwd, depth + 1));
      continue;
    }
    const text = script.slice(kept[0]!.start, kept.at(-1)!.end).replace(/\s*\\\r?\n\s*/g, ' ');
    out.push({ words: command, dir: cwd, text });
  }
  return out;
}

/** The command as one line a later reader can split again: `cd <dir> && ` first when the script moved. */
export function commandText(command: ShellCommand): string {
  return command.dir ? `cd ${quoted(command.dir)} && ${command.text}` : command.text;
}

function quoted(word: string): string {
  return /^[\w@%+=:,./$-]+$/.test(word) ? word : `'${word.replace(/'/g, `'"'"'`)}'`;
}

function withoutKeywords(words: Word[]): Word[] {
  let start = 0;
  while (start < words.length && KEYWORDS.has(words[start]!.text)) start++;
  return words.slice(start);
}

/** `cd agent` moves into agent/; an absolute path, a variable or `cd -` leaves a folder we cannot place, taken as the start. */
function enteredFolder(cwd: string, target: string | undefined): string {
  if (!target) return '';
  const workspace = target.match(/^(?:\$\{\{\s*github\.workspace\s*\}\}|\$\{?GITHUB_WORKSPACE\}?|\$\{?CI_PROJECT_DIR\}?)(?:\/(.*))?$/);
  if (workspace) return posix.normalize(workspace[1] ?? '.').replace(/^\.$/, '');
  if (target.startsWith('/') || target.startsWith('~') || target === '-' || /[$`*]/.test(target)) return '';
  const joined = posix.normalize(posix.join(cwd || '.', target));
  return joined === '.' ? '' : joined;
}

/**
 * Words grouped into simple commands, in the order they run. The text of a `$(…)` or backquoted
 * substitution comes before the command that holds it.
 */
function splitCommands(script: string): Array<Word[] | { substitution: string }> {
  const commands: Array<Word[] | { substitution: string }> = [];
  let words: Word[] = [];
  let word = '';
  let inWord = false;
  let wordStart = 0;
  /** The next word is a redirection target or a heredoc delimiter, not an argument. */
  let skipNext: 'target' | 'heredoc' | null = null;
  const heredocs: string[] = [];

  const endWord = () => {
    if (!inWord) return;
    if (skipNext === 'heredoc') heredocs.push(word);
    else if (skipNext === null) words.push({ text: word, start: wordStart, end: i });
    skipNext = null;
    word = '';
    inWord = false;
  };
  const endCommand = () => {
    endWord();
    if (words.length > 0) commands.push(words);
    words = [];
  };
  const substitution = (inner: string) => commands.push({ substitution: inner });

  let i = 0;
  while (i < script.length) {
    const c = script[i]!;
    if (!inWord) wordStart = i;
    if (c === '\\') {
      if (script[i + 1] === '\n') i += 2; // a continued line
      else {
        word += script[i + 1] ?? '';
        inWord = true;
        i += 2;
      }
      continue;
    }
    if (c === '\n') {
      endCommand();
      i = skipHeredocBodies(script, i + 1, heredocs.splice(0));
      continue;
    }
    if (c === ' ' || c === '\t' || c === '\r') {
      endWord();
      i++;
      continue;
    }
    if (c === '#' && !inWord) {
      while (i < script.length && script[i] !== '\n') i++;
      continue;
    }
    if (c === "'") {
      const end = script.indexOf("'", i + 1);
      word += script.slice(i + 1, end < 0 ? script.length : end);
      inWord = true;
      i = end < 0 ? script.length : end + 1;
      continue;
    }
    if (c === '"') {
      i++;
      inWord = true;
      while (i < script.length && script[i] !== '"') {
        if (script[i] === '\\' && i + 1 < script.length) {
          word += script[i + 1];
          i += 2;
        } else if (script.startsWith('$(', i) && !script.startsWith('$((', i)) {
          const end = closing(script, i + 2, '(', ')');
          substitution(script.slice(i + 2, end));
          word += script.slice(i, end + 1);
          i = end + 1;
        } else word += script[i++];
      }
      i++;
      continue;
    }
    if (c === '$' && script[i + 1] === '{') {
      // `${VAR}`, `${{ github.action_path }}`: one part of the word, spaces and all.
      const double = script[i + 2] === '{';
      const end = double ? script.indexOf('}}', i + 3) + 1 : closing(script, i + 2, '{', '}');
      const stop = end <= 0 ? script.length - 1 : end;
      word += script.slice(i, stop + 1);
      inWord = true;
      i = stop + 1;
      continue;
    }
    if (c === '$' && script[i + 1] === '(') {
      const arithmetic = script[i + 2] === '(';
      const end = closing(script, i + 2, '(', ')');
      if (!arithmetic) substitution(script.slice(i + 2, end));
      word += script.slice(i, end + 1);
      inWord = true;
      i = end + 1;
      continue;
    }
    if (c === '`') {
      const end = script.indexOf('`', i + 1);
      const stop = end < 0 ? script.length : end;
      substitution(script.slice(i + 1, stop));
      word += script.slice(i, stop + 1);
      inWord = true;
      i = stop + 1;
      continue;
    }
    if (c === '<' || c === '>' || (c === '&' && script[i + 1] === '>')) {
      if (/^\d+$/.test(word)) {
        word = '';
        inWord = false;
      }
      endWord();
      if (script.startsWith('<<<', i)) i += 3;
      else if (script.startsWith('<<', i)) {
        i += script[i + 2] === '-' ? 3 : 2;
        skipNext = 'heredoc';
        continue;
      } else while (i < script.length && /[<>&|]/.test(script[i]!)) i++;
      skipNext = 'target';
      continue;
    }
    if (c === ';' || c === '&' || c === '|' || c === '(' || c === ')') {
      endCommand();
      i++;
      continue;
    }
    word += c;
    inWord = true;
    i++;
  }
  endCommand();
  return commands;
}

/** Where the text after a heredoc's line starts again: past each body's closing delimiter line. */
function skipHeredocBodies(script: string, from: number, delimiters: string[]): number {
  let at = from;
  for (const delimiter of delimiters) {
    for (;;) {
      if (at >= script.length) return script.length;
      const end = script.indexOf('\n', at);
      const line = script.slice(at, end < 0 ? script.length : end);
      at = end < 0 ? script.length : end + 1;
      if (line.trim() === delimiter) break;
    }
  }
  return at;
}

/** The index of the bracket closing the one opened just before `from` (quotes respected), or the end. */
function closing(script: string, from: number, open: string, close: string): number {
  let depth = 1;
  for (let i = from; i < script.length; i++) {
    const c = script[i]!;
    if (c === "'" || c === '"') {
      const end = script.indexOf(c, i + 1);
      if (end < 0) return script.length;
      i = end;
    } else if (c === open) depth++;
    else if (c === close && --depth === 0) return i;
  }
  return script.length;
}
