import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseRequirementsTxt } from './requirements-txt';

const fixture = readFileSync(new URL('fixtures/requirements/requirements.txt', import.meta.url), 'utf8');
const versions = (text: string) => Object.fromEntries(parseRequirementsTxt('requirements.txt', text).packages.map((p) => [p.name, p.version]));

describe('parseRequirementsTxt', () => {
  it('keeps == and === pins with normalised names, through extras, markers, comments and hash continuations', () => {
    expect(versions(fixture)).toEqual({
      langchain: '0.0.232',
      'langchain-experimental': '0.0.60',
      'langchain-community': '0.0.10',
      'llama-index': '0.7.13',
      openai: '0.27.8',
      'zope-interface': '6.0',
      pydantic: '1.10.12',
      mcp: '1.22.0',
    });
  });

  it('records every package with its ecosystem and lockfile', () => {
    const { packages } = parseRequirementsTxt('svc/requirements.txt', 'langchain==0.0.232\n');
    expect(packages).toEqual([{ ecosystem: 'PyPI', name: 'langchain', version: '0.0.232', lockfile: 'svc/requirements.txt' }]);
  });

  it('lists -r and -c includes without following them, and is not bothered by options, URLs and editables', () => {
    const result = parseRequirementsTxt('requirements.txt', fixture);
    expect(result.includes).toEqual(['requirements-base.txt', 'constraints/security.txt']);
    expect(result.warning).toBeUndefined();
  });

  it('skips ranges and wildcards, which do not say what is installed', () => {
    expect(versions('requests>=2.31,<3\nurllib3==2.0.*\nnumpy~=1.26\n')).toEqual({});
  });

  it('warns about lines that are not requirements and still returns the rest', () => {
    const result = parseRequirementsTxt('requirements.txt', 'langchain==0.0.232\n<<<<<<< HEAD\nopenai==1.0.0\n=======\n>>>>>>> feature\n');
    expect(result.packages.map((p) => p.name)).toEqual(['langchain', 'openai']);
    expect(result.warning).toBe('line 2 is not a requirement (and 2 more lines): expected "name==version", an option such as -r, or a comment');
  });

  it('keeps the pin of a line cut off inside its hash continuation', () => {
    expect(versions('mcp==1.22.0 \\\n    --hash=sha256:0b2a')).toEqual({ mcp: '1.22.0' });
  });

  it('handles CRLF line ends and trailing comments', () => {
    expect(versions('langchain==0.0.232\r\nopenai==1.3.0 # pinned\r\n')).toEqual({ langchain: '0.0.232', openai: '1.3.0' });
  });
});
