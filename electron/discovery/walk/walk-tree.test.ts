import { execFileSync } from 'node:child_process';
import { chmodSync, mkdirSync, mkdtempSync, realpathSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { nodeFileSystem } from './file-system';
import type { WalkFileSystem } from './file-system';
import { readCandidate } from './read-candidate';
import { walkTree } from './walk-tree';
import type { WalkCounters, WalkOptions, WalkSkip, WalkedFile } from './walk-tree';

const tempDirs: string[] = [];
afterEach(() => {
  for (const dir of tempDirs.splice(0)) {
    // Undo the tests' own chmod 000 so cleanup works as a non-root user; rm(1) because
    // fs.rmSync takes seconds on a thousand-level tree.
    execFileSync('chmod', ['-R', 'u+rwx', dir]);
    execFileSync('rm', ['-rf', dir]);
  }
});

function makeTree(files: Record<string, string>): string {
  const root = realpathSync(mkdtempSync(join(tmpdir(), 'walk-')));
  tempDirs.push(root);
  for (const [path, content] of Object.entries(files)) {
    mkdirSync(dirname(join(root, path)), { recursive: true });
    writeFileSync(join(root, path), content);
  }
  return root;
}

async function walk(root: string, options: WalkOptions = {}) {
  const files: WalkedFile[] = [];
  const skips: WalkSkip[] = [];
  const counters: WalkCounters = await walkTree(root, { ...options, onSkip: (s) => skips.push(s) }, (file) => {
    files.push(file);
  });
  return { files, paths: files.map((f) => f.relPath), skips, counters };
}

describe('walkTree', () => {
  it('delivers code, config and lockfiles with POSIX relative paths, in name order, without a stat per file (the reader stats what it opens)', async () => {
    const root = makeTree({
      'agent/main.py': 'print(1)\n',
      'agent/tools.py': 'x = 1\n',
      '.github/workflows/nightly.yml': 'on: push\n',
      'requirements.txt': 'langchain==0.0.200\n',
      'README.md': '# docs\n',
      'assets/logo.png': 'not really a png',
    });
    const { files, paths, counters } = await walk(root);
    expect(paths).toEqual(['requirements.txt', '.github/workflows/nightly.yml', 'agent/main.py', 'agent/tools.py']);
    expect(files.find((f) => f.relPath === 'agent/main.py')).toEqual({ relPath: 'agent/main.py', absPath: join(root, 'agent/main.py'), kind: 'code' });
    expect(files.map((f) => f.kind)).toEqual(['lockfile', 'config', 'code', 'code']);
    // README.md is seen but not analyzed; logo.png is counted as binary without being opened.
    expect(counters).toMatchObject({ filesSeen: 6, skippedBinary: 1, skippedIgnored: 0 });
  });

  it('honours .gitignore at every level, with negation, anchoring and folder-only patterns', async () => {
    const root = makeTree({
      '.gitignore': 'build/\n*.generated.ts\nscratch_*.py\n!scratch_keep.py\n/only_at_root.yml\n',
      'build/agent.py': '',
      'build.py': '',
      'client.generated.ts': '',
      'scratch_try.py': '',
      'scratch_keep.py': '',
      'only_at_root.yml': '',
      'local_settings.json': '',
      'services/only_at_root.yml': '',
      'services/.gitignore': 'local_settings.json\n!important.generated.ts\n',
      'services/local_settings.json': '',
      'services/important.generated.ts': '',
      'services/other.generated.ts': '',
    });
    const { paths, counters } = await walk(root);
    expect(paths.sort()).toEqual(['build.py', 'local_settings.json', 'scratch_keep.py', 'services/important.generated.ts', 'services/only_at_root.yml'].sort());
    // build/, client.generated.ts, scratch_try.py, only_at_root.yml, services/local_settings.json, services/other.generated.ts
    expect(counters.skippedIgnored).toBe(6);
  });

  it('reads .env, tfvars and key files even when ignored, but not inside an ignored or skipped folder', async () => {
    const root = makeTree({
      '.gitignore': '.env*\n*.tfvars\n*.pem\nsecrets/\n',
      '.env': '',
      '.env.production': '',
      '.env.example': '',
      'infra/terraform.tfvars': '',
      'deploy/server.pem': '',
      'secrets/.env': '',
      'node_modules/some-sdk/.env': '',
    });
    const { paths, counters } = await walk(root);
    expect(paths.sort()).toEqual(['.env', '.env.production', 'deploy/server.pem', 'infra/terraform.tfvars']);
    // .env.example (ignored, and a template anyway), secrets/ and node_modules/
    expect(counters.skippedIgnored).toBe(3);
  });

  it('applies .git/info/exclude, never walks .git, and starts afresh inside a nested repository', async () => {
    const root = makeTree({
      '.git/info/exclude': 'notes.py\n',
      '.git/hooks/pre-commit.py': '',
      '.gitignore': 'generated.py\n',
      'notes.py': '',
      'generated.py': '',
      'services/billing/.git/HEAD': 'ref: refs/heads/main\n',
      'services/billing/generated.py': '',
      'services/billing/notes.py': '',
    });
    const { paths } = await walk(root);
    // Inside the nested repository the outer rules no longer apply, as in git.
    expect(paths).toEqual(['services/billing/generated.py', 'services/billing/notes.py']);
  });

  it('skips dependency, vendored, virtualenv and cache folders, but walks dist/ and env/ unless they are ignored or a virtualenv', async () => {
    const root = makeTree({
      'node_modules/openai/index.js': '',
      'vendor/anthropic/client.py': '',
      'third_party/langchain/agent.py': '',
      '.venv/lib/python3.12/site-packages/openai/__init__.py': '',
      'pyenv-3.12/pyvenv.cfg': 'home = /usr/bin\n',
      'pyenv-3.12/lib/agent.py': '',
      '__pycache__/agent.cpython-312.py': '',
      'env/prod/cronjob.yaml': '',
      'dist/deploy.py': '',
      'web/.gitignore': 'dist/\n',
      'web/dist/bundle.js': '',
      'web/app.ts': '',
    });
    const { paths, counters } = await walk(root);
    expect(paths.sort()).toEqual(['dist/deploy.py', 'env/prod/cronjob.yaml', 'web/app.ts']);
    // node_modules, vendor, third_party, .venv, pyenv-3.12 (pyvenv.cfg), __pycache__, web/dist: each folder once.
    expect(counters.skippedIgnored).toBe(7);
  });

  describe('symlinks', () => {
    it('follows a link to a file inside the root, under the link name, and opens the real file', async () => {
      const root = makeTree({ '.mcp.json': '{"mcpServers":{}}' });
      mkdirSync(join(root, '.cursor'));
      symlinkSync('../.mcp.json', join(root, '.cursor/mcp.json'));
      const { files } = await walk(root);
      expect(files.map((f) => [f.relPath, f.absPath])).toEqual([
        ['.mcp.json', join(root, '.mcp.json')],
        ['.cursor/mcp.json', join(root, '.mcp.json')],
      ]);
    });

    it('does not follow links that leave the root, loop, dangle or point at folders, and says why', async () => {
      const outside = makeTree({ 'secrets.py': 'KEY = 1\n', 'lib/agent.py': '' });
      const root = makeTree({ 'real/agent.py': '' });
      symlinkSync(join(outside, 'secrets.py'), join(root, 'escape.py'));
      symlinkSync(join(outside, 'lib'), join(root, 'escape-dir'));
      symlinkSync('b.py', join(root, 'a.py'));
      symlinkSync('a.py', join(root, 'b.py'));
      symlinkSync('.', join(root, 'real/self'));
      symlinkSync('..', join(root, 'real/parent'));
      symlinkSync('missing.py', join(root, 'dangling.py'));
      symlinkSync('real', join(root, 'alias'));
      const { paths, skips, counters } = await walk(root);
      expect(paths).toEqual(['real/agent.py']);
      expect(skips.map((s) => `${s.relPath}: ${s.detail}`).sort()).toEqual([
        'a.py: symlink loop',
        'alias: links to a folder (folder links are not followed)',
        'b.py: symlink loop',
        'dangling.py: dangling symlink (ENOENT)',
        'escape-dir: points outside the scanned folder',
        'escape.py: points outside the scanned folder',
        'real/parent: links to a folder (folder links are not followed)',
        'real/self: links to a folder (folder links are not followed)',
      ]);
      expect(counters.skippedLinks).toBe(8);
    });

    it('scans through a root that is itself a link', async () => {
      const real = makeTree({ 'agent.py': '' });
      const holder = makeTree({});
      symlinkSync(real, join(holder, 'checkout'));
      const { files } = await walk(join(holder, 'checkout'));
      expect(files.map((f) => f.absPath)).toEqual([join(real, 'agent.py')]);
    });
  });

  describe('unreadable entries', () => {
    const isRoot = process.getuid?.() === 0;

    // Root reads through chmod 000, so the OS cannot produce EACCES here; the failure is injected
    // at the filesystem boundary instead (the next test does it for real as a normal user).
    it('counts a folder it cannot list and a file it cannot open, and carries on (injected EACCES)', async () => {
      const root = makeTree({ 'locked/agent.py': '', 'open/agent.py': 'ok\n', 'secret.py': 'x\n' });
      const denied = () => {
        throw Object.assign(new Error('permission denied'), { code: 'EACCES' });
      };
      const fs: WalkFileSystem = {
        ...nodeFileSystem,
        readdir: (path) => (String(path).endsWith('/locked') ? denied() : nodeFileSystem.readdir(path)),
        openForRead: (path) => (String(path).endsWith('/secret.py') ? denied() : nodeFileSystem.openForRead(path)),
      };
      const { files, skips, counters } = await walk(root, { fs });
      expect(skips).toEqual([{ relPath: 'locked', reason: 'unreadable', detail: 'cannot list folder (EACCES)' }]);
      expect(counters.skippedUnreadable).toBe(1);
      expect(files.map((f) => readCandidate(f, { fs }))).toEqual([
        { ok: false, reason: 'unreadable', detail: 'cannot open (EACCES)' },
        { ok: true, bytes: Buffer.from('ok\n') },
      ]);
    });

    it.skipIf(isRoot)('counts a real chmod 000 folder and file as unreadable (needs a non-root user: root ignores permission bits)', async () => {
      const root = makeTree({ 'locked/agent.py': '', 'secret.py': 'x\n' });
      chmodSync(join(root, 'locked'), 0o000);
      chmodSync(join(root, 'secret.py'), 0o000);
      const { files, counters } = await walk(root);
      expect(counters.skippedUnreadable).toBe(1);
      expect(readCandidate(files[0]!)).toMatchObject({ ok: false, reason: 'unreadable' });
    });

    it('never opens a FIFO, even one with a relevant name', async () => {
      const root = makeTree({ 'agent.py': '' });
      execFileSync('mkfifo', [join(root, 'jobs.yaml')]);
      const { paths, skips } = await walk(root);
      expect(paths).toEqual(['agent.py']);
      expect(skips).toEqual([{ relPath: 'jobs.yaml', reason: 'unreadable', detail: 'FIFO, socket or device (never opened)' }]);
      // Swapped in after the walk saw a regular file: opened non-blocking, refused, not read.
      expect(readCandidate({ relPath: 'jobs.yaml', absPath: join(root, 'jobs.yaml'), size: 0 })).toEqual({ ok: false, reason: 'unreadable', detail: 'not a regular file' });
    });
  });

  it('reaches files whose names hold control characters or invalid UTF-8, showing them escaped', async () => {
    const root = makeTree({ 'ok.py': '', '.gitignore': '*.generated.py\n' });
    writeFileSync(join(root, 'bell\u0007\nname.py'), 'ring\n');
    writeFileSync(join(root, 'tab\there.generated.py'), '');
    mkdirSync(Buffer.from(`${root}/caf\xe9`, 'latin1'));
    writeFileSync(Buffer.concat([Buffer.from(`${root}/caf`), Buffer.from([0xe9]), Buffer.from('/agent.py')]), 'latin-1 folder\n');
    const { files } = await walk(root);
    expect(files.map((f) => f.relPath)).toEqual(['bell\\u{7}\\u{a}name.py', 'ok.py', 'caf\\xe9/agent.py']);
    const latin = files[2]!;
    expect(Buffer.isBuffer(latin.absPath)).toBe(true);
    expect(readCandidate(latin)).toEqual({ ok: true, bytes: Buffer.from('latin-1 folder\n') });
    expect(readCandidate(files[0]!)).toEqual({ ok: true, bytes: Buffer.from('ring\n') });
  });

  it('walks a folder nested a thousand levels deep without recursion', async () => {
    const root = makeTree({});
    const deep = join(root, ...Array.from({ length: 1000 }, () => 'd'));
    mkdirSync(deep, { recursive: true });
    writeFileSync(join(deep, 'agent.py'), '');
    const { paths } = await walk(root);
    expect(paths).toEqual([`${'d/'.repeat(1000)}agent.py`]);
  });

  it('stops between entries when cancelled, with the signal reason', async () => {
    const root = makeTree(Object.fromEntries(Array.from({ length: 200 }, (_, i) => [`svc${i % 10}/job${i}.py`, ''])));
    const controller = new AbortController();
    let delivered = 0;
    const walking = walkTree(root, { signal: controller.signal }, () => {
      delivered += 1;
      if (delivered === 10) controller.abort(new Error('scan cancelled'));
    });
    await expect(walking).rejects.toThrow('scan cancelled');
    expect(delivered).toBe(10);
  });

  it('sees an abort that arrives from a timer while the walk runs synchronous filesystem calls', async () => {
    const root = makeTree(Object.fromEntries(Array.from({ length: 300 }, (_, i) => [`job${i}.py`, ''])));
    const controller = new AbortController();
    setTimeout(() => controller.abort(new Error('scan cancelled')), 20);
    let delivered = 0;
    const walking = walkTree(root, { signal: controller.signal }, () => {
      delivered += 1;
      const until = performance.now() + 1;
      while (performance.now() < until); // an analyzer busy with one file
    });
    await expect(walking).rejects.toThrow('scan cancelled');
    expect(delivered).toBeLessThan(300);
  });

  it('reports progress as copies of the counters, always once at the end', async () => {
    const root = makeTree({ 'a.py': '', 'b.yml': '', 'c.png': '' });
    const reports: WalkCounters[] = [];
    const counters = await walkTree(root, { onProgress: (c) => reports.push(c), progressIntervalMs: 60_000 }, () => undefined);
    expect(reports).toEqual([counters]);
    expect(reports[0]).not.toBe(counters);
  });

  it('refuses a root that is not a folder, naming it', async () => {
    const root = makeTree({ 'agent.py': '' });
    await expect(walkTree(join(root, 'agent.py'), {}, () => undefined)).rejects.toThrow(`Cannot scan ${join(root, 'agent.py')}: it is not a folder.`);
    await expect(walkTree(join(root, 'missing'), {}, () => undefined)).rejects.toThrow(`Cannot scan ${join(root, 'missing')}: no such folder.`);
  });
});

describe('project folders', () => {
  it('reports the folders that hold .git (folder or file) or a package manifest, the root included, and no other', async () => {
    const root = makeTree({
      'package.json': '{}',
      'src/index.ts': '',
      'services/notes/.git': 'gitdir: ../../.git/modules/notes\n',
      'services/notes/src/server.js': '',
      'packages/api/pyproject.toml': '',
      'tools/go.mod': 'module x\n',
      'workers/desk/wrangler.jsonc': '{ "main": "src/server.ts" }',
      'docs/readme.md': '',
    });
    mkdirSync(join(root, 'vendor-copy/.git'), { recursive: true });
    const folders: unknown[] = [];
    await walk(root, { onProjectFolder: (folder) => folders.push(folder) });
    expect(folders).toEqual([
      { path: '', repository: false, manifest: true },
      { path: 'packages/api', repository: false, manifest: true },
      { path: 'services/notes', repository: true, manifest: false },
      { path: 'tools', repository: false, manifest: true },
      { path: 'vendor-copy', repository: true, manifest: false },
      { path: 'workers/desk', repository: false, manifest: true },
    ]);
  });
});
