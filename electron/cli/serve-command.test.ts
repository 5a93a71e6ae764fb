import { mkdirSync, writeFileSync } from 'node:fs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { tempDir } from '../store/test-workspace';
import { runCli } from './run-cli';
import { captureIo } from './test-io';

describe('agent-triage serve', () => {
  let tmp: ReturnType<typeof tempDir>;
  beforeEach(() => {
    tmp = tempDir('atw-serve-');
    mkdirSync(tmp.file('renderer'));
    writeFileSync(tmp.file('renderer/index.html'), '<!doctype html><title>Agent Triage</title>');
  });
  afterEach(() => tmp.cleanup());

  /** Starts serve in-process and resolves once it has announced itself. */
  async function startServe(argv: string[], options: { rendererDir?: string } = {}) {
    const stop = new AbortController();
    const out = captureIo({ env: { AGENT_TRIAGE_HOME: tmp.file('home') }, cwd: tmp.dir, stopSignal: stop.signal, rendererDir: options.rendererDir ?? tmp.file('renderer') });
    const exit = runCli(['serve', ...argv], out.io);
    const announced = await Promise.race([
      (async () => {
        while (out.stdout() === '') await new Promise((r) => setTimeout(r, 20));
        return true;
      })(),
      exit.then(() => false),
    ]);
    return { out, exit, announced, stop: () => stop.abort() };
  }

  it('serves a workspace to a token holder and stops cleanly on the stop signal', async () => {
    const serve = await startServe(['--workspace', 'client.atw', '--json']);
    expect(serve.announced).toBe(true);
    const announcement = serve.out.json();
    expect(announcement).toEqual({
      ok: true,
      value: { url: expect.stringMatching(/^http:\/\/127\.0\.0\.1:\d+\/\?token=[\w-]{43}$/), token: expect.any(String), port: expect.any(Number), workspace: { path: tmp.file('client.atw'), name: 'client' } },
    });
    const { url, token, port } = announcement.value as { url: string; token: string; port: number };
    expect(url).toBe(`http://127.0.0.1:${port}/?token=${token}`);

    const page = await fetch(`http://127.0.0.1:${port}/`);
    expect(await page.text()).toContain('Agent Triage');
    const call = await fetch(`http://127.0.0.1:${port}/api/currentWorkspace`, {
      method: 'POST',
      headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' },
      body: '{}',
    });
    expect(await call.json()).toMatchObject({ ok: true, value: { name: 'client' } });

    serve.stop();
    expect(await serve.exit).toBe(0);
    await expect(fetch(`http://127.0.0.1:${port}/`)).rejects.toThrow();
  });

  it('prints the URL and how to stop for people', async () => {
    const serve = await startServe(['--workspace', 'client.atw']);
    expect(serve.out.stdout()).toMatch(
      /^Agent Triage Workstation is serving client at http:\/\/127\.0\.0\.1:\d+\/\?token=[\w-]+\nOpen that URL in a browser; Ctrl\+C stops it\.\n$/,
    );
    serve.stop();
    expect(await serve.exit).toBe(0);
  });

  it('refuses to start when the UI is not built', async () => {
    const serve = await startServe(['--json'], { rendererDir: tmp.file('missing') });
    expect(serve.announced).toBe(false);
    expect(await serve.exit).toBe(1);
    expect(serve.out.json()).toMatchObject({ ok: false, error: { code: 'not-found', message: expect.stringContaining('npm run build') } });
  });

  it('says which port is taken', async () => {
    const first = await startServe(['--workspace', 'a.atw', '--json']);
    const port = first.out.json().value?.port as number;
    const second = await startServe(['--workspace', 'b.atw', '--port', String(port)]);
    expect(await second.exit).toBe(1);
    expect(second.out.stderr()).toBe(`agent-triage: Port ${port} is already in use: choose another with --port, or leave --port out to use a free one.\n`);
    first.stop();
    await first.exit;
  });
});
