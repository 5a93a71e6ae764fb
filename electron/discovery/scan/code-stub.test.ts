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
});
