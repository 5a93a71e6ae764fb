import { describe, expect, it } from 'vitest';
import { withoutScriptComments } from './script-comments';

/** Comments become spaces of the same length, so offsets and line numbers still match the file. */
const spaces = (text: string) => text.replace(/[^\n]/g, ' ');

describe('script text without its comments', () => {
  it('blanks line and block comments, keeping every newline and offset', () => {
    const text = "import a from './a';\n// import b from './b';\n/* import c\n   from './c' */\nconst d = 1; // trailing\n";
    const out = withoutScriptComments(text);
    expect(out.length).toBe(text.length);
    expect(out).toBe(`import a from './a';\n${spaces("// import b from './b';")}\n${spaces("/* import c\n   from './c' */")}\nconst d = 1; ${spaces('// trailing')}\n`);
  });

  it('leaves comment markers inside strings and template literals alone', () => {
    const text = "const url = 'https://api.example/v1'; const glob = \"src/**/*.ts\"; const t = `a // b\n/* c */`;\n";
    expect(withoutScriptComments(text)).toBe(text);
  });

  it('reads escaped quotes as part of the string, and ends an unclosed quote at its line', () => {
    const escaped = "const s = 'it\\'s // not a comment'; // but this is";
    expect(withoutScriptComments(escaped)).toBe(`const s = 'it\\'s // not a comment'; ${spaces('// but this is')}`);
    const unclosed = "const s = 'open\n// closed comment\nx";
    expect(withoutScriptComments(unclosed)).toBe(`const s = 'open\n${spaces('// closed comment')}\nx`);
  });

  it('treats a division or a regex slash as code, and an unterminated block comment as running to the end', () => {
    expect(withoutScriptComments('const half = a / b;')).toBe('const half = a / b;');
    expect(withoutScriptComments('x = 1; /* never closed\nimport y')).toBe(`x = 1; ${spaces('/* never closed\nimport y')}`);
    expect(withoutScriptComments('end /')).toBe('end /');
    expect(withoutScriptComments("trailing 'quote \\")).toBe("trailing 'quote \\");
  });
});
