import { describe, expect, it } from 'vitest';
import { codeStub } from './code-stub';

describe('code stubs of files without an LLM import', () => {
  it('list `from pkg import module` as the module too, in every written form', () => {
    const stub = codeStub(
      'app/main.py',
      'from app import tools\nfrom app.helpers import summarise as summ, prompts\nfrom . import db\nfrom .sub import (\n    web,  # fetches pages\n    mail as m,\n)\nimport json\n',
    )!;
    expect(stub.localImports).toEqual(['app', 'app.tools', 'app.helpers', 'app.helpers.summarise', 'app.helpers.prompts', '.', '.db', '.sub', '.sub.web', '.sub.mail', 'json']);
  });

  it('see a server start that names its socket data type, and Bun or Deno serving a handler', () => {
    const bun = 'import { Session } from "../agent/session";\nconst server = Bun.serve<{ sessionId?: string }>({\n  port: 3000,\n  fetch(req, srv) { return srv.upgrade(req) ? undefined : new Response("no"); },\n});\n';
    expect(codeStub('server/server.ts', bun)!.entryPoint).toMatchObject({ line: 2, ruleId: 'ts.entry-point.server-start' });
    expect(codeStub('status/main.ts', 'import { handler } from "./handler.ts";\nDeno.serve(handler);\n')!.entryPoint).toMatchObject({ line: 2, ruleId: 'ts.entry-point.server-start' });
  });

  it('do not take a function merely named like serve, or a server start in a comment, for an entry', () => {
    expect(codeStub('lib/format.ts', 'export function reserve(seats: number) {\n  return seats;\n}\n// Bun.serve<Data>({ port: 1 }) is started in server.ts\n')!.entryPoint).toBeNull();
  });

  it("mark a package's index module of nothing but imports and re-exports as a barrel, and only such a module", () => {
    expect(codeStub('src/index.ts', "// public API\nexport * from './run';\nexport {\n  type RunOptions,\n  defaultOptions,\n} from './options';\nimport './polyfills';\n")!.reexportsOnly).toBe(true);
    expect(codeStub('src/index.ts', "import { run } from './run';\nexport { run };\nawait run('today');\n")!.reexportsOnly).toBeUndefined();
    expect(codeStub('src/types.ts', "import type { Options } from './options';\n")!.reexportsOnly).toBeUndefined();
    expect(codeStub('pkg/__init__.py', 'from .run import Runner\n')!.reexportsOnly).toBeUndefined();
    // Only index files are read for it.
    expect(codeStub('src/public-api.ts', "export * from './run';\n")!.reexportsOnly).toBeUndefined();
  });
});
