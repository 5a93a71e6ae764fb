import { describe, expect, it } from 'vitest';
import { emptyCodeFindings, type CodeFindings } from '../findings';
import type { ProjectFolder } from '../walk/project-folders';
import { ProjectBoundaries } from './project-boundaries';
import { CodeIndex, entryFilesOfCommand } from './resolve-code';

const folder = (path: string, marks: { repository?: boolean; manifest?: boolean }): ProjectFolder => ({ path, repository: marks.repository ?? false, manifest: marks.manifest ?? false });

const code = (path: string): CodeFindings => emptyCodeFindings(path, path.endsWith('.py') ? 'python' : 'typescript');

describe('ProjectBoundaries', () => {
  const projects = new ProjectBoundaries([
    folder('', { repository: true, manifest: true }),
    folder('services/notes', { manifest: true }),
    folder('services/mirror', { repository: true }),
    folder('repos/plain', { repository: true }),
    folder('repos/plain/api', { manifest: true }),
  ]);

  it('a config belongs to the nearest folder at or above it that holds .git or a manifest', () => {
    expect(projects.projectOf('')).toBe('');
    expect(projects.projectOf('deploy/k8s')).toBe('');
    expect(projects.projectOf('services/notes/deploy')).toBe('services/notes');
    expect(projects.projectOf('repos/plain/api/src')).toBe('repos/plain/api');
  });

  it("a sub-folder with its own .git, or its own manifest when the config's project has one, is another project", () => {
    expect(projects.sameProject('', 'src/server.ts')).toBe(true);
    expect(projects.sameProject('', 'services/notes/src/server.js')).toBe(false);
    expect(projects.sameProject('', 'services/mirror/src/server.js')).toBe(false);
    expect(projects.sameProject('services/notes', 'services/notes/src/server.js')).toBe(true);
    expect(projects.sameProject('services/notes', 'src/server.ts')).toBe(false);
  });

  it('a repository with no manifest at its top runs its sub-folders’ packages', () => {
    expect(projects.sameProject('repos/plain', 'repos/plain/api/app/worker.py')).toBe(true);
    expect(projects.sameProject('repos/plain', 'repos/other/app/worker.py')).toBe(false);
  });

  it('with no project folders known, everything is one project', () => {
    expect(new ProjectBoundaries().sameProject('', 'services/notes/src/server.js')).toBe(true);
  });
});

describe('commands resolve inside their own project', () => {
  const files = ['src/http/server.ts', 'services/notes/src/server.js', 'services/notes/risk_notes/summarise.py', 'packages/api/src/index.ts', 'agents/refunds/main.py'].map(code);
  const boundaries = new ProjectBoundaries([folder('', { manifest: true }), folder('services/notes', { manifest: true }), folder('packages/api', { manifest: true }), folder('agents/refunds', { manifest: true })]);
  const index = new CodeIndex(files, { projects: boundaries });

  it('a built path or a file name found only in a nested project resolves to nothing', () => {
    expect(index.resolveBySuffix('dist/server.js', '')).toBeNull();
    expect(index.resolveBySuffix('/app/src/server.js', '')).toBeNull();
    expect(entryFilesOfCommand('python -m risk_notes.summarise --since 1d', index, '')).toEqual([]);
  });

  it('the same names resolve from inside that project', () => {
    expect(index.resolveBySuffix('dist/server.js', 'services/notes')).toBe('services/notes/src/server.js');
    expect(entryFilesOfCommand('python -m risk_notes.summarise', index, 'services/notes')).toEqual(['services/notes/risk_notes/summarise.py']);
  });

  it('a package built in its own folder maps to its sources there (`node build/index.js` from packages/api)', () => {
    expect(entryFilesOfCommand('node build/index.js', index, 'packages/api')).toEqual(['packages/api/src/index.ts']);
    expect(entryFilesOfCommand('python main.py', index, 'agents/refunds')).toEqual(['agents/refunds/main.py']);
  });

  it('node resolves a script written without its extension (NestJS `start:prod`: `node dist/main`), as Node does', () => {
    expect(entryFilesOfCommand('node build/index', index, 'packages/api')).toEqual(['packages/api/src/index.ts']);
    expect(entryFilesOfCommand('node --enable-source-maps build/index', index, 'packages/api')).toEqual(['packages/api/src/index.ts']);
    expect(entryFilesOfCommand('node -r dotenv/config build/index', index, 'packages/api')).toEqual(['packages/api/src/index.ts']);
  });

  it('without boundaries the suffix match would reach the nested copy (what the bench tree showed)', () => {
    expect(new CodeIndex(files).resolveBySuffix('dist/server.js', '')).toBe('services/notes/src/server.js');
  });
});

describe('a Python import names a module Python could load from the importing file', () => {
  const files = [
    'services/refunds/desk/__init__.py',
    'services/refunds/desk/refunder.py',
    'services/swarm/desk/__init__.py',
    'services/swarm/desk/agents.py',
    'services/swarm/desk/run_here.py',
    'libs/ledger/ledger/__init__.py',
    'src/northwind/__init__.py',
    'src/northwind/tools.py',
  ].map(code);
  const index = new CodeIndex(files);

  it("`from agents import Agent` (the OpenAI Agents SDK) is not another service's desk/agents.py, whose package is desk", () => {
    expect(index.resolvePythonModule('agents', 'services/refunds/desk/refunder.py')).toBeNull();
    expect(index.resolvePythonModule('desk.agents', 'services/refunds/desk/refunder.py')).toBe('services/swarm/desk/agents.py');
  });

  it('a script run from inside the package imports its neighbours by their bare names', () => {
    expect(index.resolvePythonModule('agents', 'services/swarm/desk/run_here.py')).toBe('services/swarm/desk/agents.py');
  });

  it('packages under plain folders (a src/ layout, a sibling library) stay importable from anywhere', () => {
    expect(index.resolvePythonModule('northwind.tools', 'services/refunds/desk/refunder.py')).toBe('src/northwind/tools.py');
    expect(index.resolvePythonModule('ledger', 'services/refunds/desk/refunder.py')).toBe('libs/ledger/ledger/__init__.py');
  });
});
