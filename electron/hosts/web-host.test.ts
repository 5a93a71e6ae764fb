import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { connect } from 'node:net';
import { networkInterfaces, tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CallContext, Dispatch } from '../api/dispatcher';
import { CONTENT_SECURITY_POLICY as ELECTRON_CSP } from '../main/security-policy';
import { CONTENT_SECURITY_POLICY } from '../../shared/security';
import { startWebHost, type WebHost } from './web-host';

interface RawResponse {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: string;
}

/** node:http instead of fetch: fetch normalises `..` and will not let a test forge Host. */
function rawRequest(port: number, options: { method?: string; path?: string; headers?: Record<string, string | number>; body?: string }): Promise<RawResponse> {
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port, method: options.method ?? 'GET', path: options.path ?? '/', headers: options.headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks).toString('utf8') }));
    });
    req.on('error', reject);
    req.end(options.body);
  });
}

function canConnect(host: string, port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = connect({ host, port, timeout: 2000 });
    socket.once('connect', () => {
      socket.destroy();
      resolve(true);
    });
    socket.once('error', () => resolve(false));
    socket.once('timeout', () => {
      socket.destroy();
      resolve(false);
    });
  });
}

function nonLoopbackIPv4(): string | undefined {
  return Object.values(networkInterfaces())
    .flat()
    .find((address) => address !== undefined && address.family === 'IPv4' && !address.internal)?.address;
}

const TOKEN = 'test-token-0123456789abcdefghijklmnopqrstuv';
const SECRET = 'TOP-SECRET-OUTSIDE-THE-RENDERER';

describe('startWebHost', () => {
  let root: string;
  let host: WebHost;
  const calls: Array<{ method: unknown; input: unknown; ctx: CallContext }> = [];
  const dispatch: Dispatch = async (method, input, ctx) => {
    calls.push({ method, input, ctx });
    return { ok: true, value: { answered: method } };
  };

  const api = (method: string, body: string, headers: Record<string, string> = {}) =>
    fetch(`${host.url}api/${method}`, {
      method: 'POST',
      headers: { Authorization: `Bearer ${TOKEN}`, 'Content-Type': 'application/json', ...headers },
      body,
    });

  beforeAll(async () => {
    root = mkdtempSync(join(tmpdir(), 'web-host-'));
    const rendererDir = join(root, 'renderer');
    mkdirSync(join(rendererDir, 'assets'), { recursive: true });
    writeFileSync(join(rendererDir, 'index.html'), '<!doctype html><title>Agent Triage</title>');
    writeFileSync(join(rendererDir, 'assets', 'app.js'), 'console.log("app")');
    writeFileSync(join(root, 'secret.txt'), SECRET);
    writeFileSync(join(root, 'package.json'), SECRET);
    symlinkSync(join(root, 'secret.txt'), join(rendererDir, 'assets', 'link.txt'));
    host = await startWebHost({ engine: { dispatch }, rendererDir, token: TOKEN, maxBodyBytes: 64 * 1024 });
  });

  afterAll(async () => {
    await host.close();
    rmSync(root, { recursive: true, force: true });
  });

  describe('network exposure', () => {
    it('listens on 127.0.0.1 and hands out a URL carrying the token', () => {
      expect(host.url).toBe(`http://127.0.0.1:${host.port}/`);
      expect(host.urlWithToken).toBe(`http://127.0.0.1:${host.port}/?token=${TOKEN}`);
    });

    it('cannot be reached on IPv6 loopback', async () => {
      expect(await canConnect('127.0.0.1', host.port)).toBe(true);
      expect(await canConnect('::1', host.port)).toBe(false);
    });

    it.skipIf(nonLoopbackIPv4() === undefined)('cannot be reached on the machine’s network address', async () => {
      expect(await canConnect(nonLoopbackIPv4()!, host.port)).toBe(false);
    });

    it('makes a fresh 32-byte token per launch when none is given', async () => {
      const first = await startWebHost({ engine: { dispatch }, rendererDir: join(root, 'renderer') });
      const second = await startWebHost({ engine: { dispatch }, rendererDir: join(root, 'renderer') });
      try {
        expect(Buffer.from(first.token, 'base64url')).toHaveLength(32);
        expect(first.token).not.toBe(second.token);
        expect(first.port).not.toBe(second.port);
      } finally {
        await Promise.all([first.close(), second.close()]);
      }
    });
  });

  describe('API', () => {
    it('dispatches a valid call and replies 200 with the ApiResult', async () => {
      calls.length = 0;
      const res = await api('listAgents', JSON.stringify({ text: 'billing' }));
      expect(res.status).toBe(200);
      expect(res.headers.get('cache-control')).toBe('no-store');
      expect(await res.json()).toEqual({ ok: true, value: { answered: 'listAgents' } });
      expect(calls).toEqual([{ method: 'listAgents', input: { text: 'billing' }, ctx: { actor: '', via: 'ui' } }]);
    });

    it('refuses a call without a token with 401', async () => {
      const res = await fetch(`${host.url}api/appInfo`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: '{}' });
      expect(res.status).toBe(401);
      expect(await res.json()).toMatchObject({ ok: false, error: { code: 'access-denied' } });
    });

    it('refuses a wrong token with 401, including one that only shares a prefix', async () => {
      for (const wrong of ['nope', `${TOKEN}x`, TOKEN.slice(0, -1)]) {
        const res = await api('appInfo', '{}', { Authorization: `Bearer ${wrong}` });
        expect(res.status).toBe(401);
      }
    });

    it('refuses invalid JSON with 400 and an invalid-input error', async () => {
      const res = await api('appInfo', '{"unterminated": ');
      expect(res.status).toBe(400);
      expect(await res.json()).toMatchObject({ ok: false, error: { code: 'invalid-input', message: expect.stringContaining('JSON') } });
    });

    it('refuses a body that is not application/json with 415 (what an HTML form could send)', async () => {
      for (const type of ['text/plain', 'application/x-www-form-urlencoded']) {
        const res = await api('appInfo', '{}', { 'Content-Type': type });
        expect(res.status).toBe(415);
      }
    });

    it('refuses a body declared larger than 150 MB with 413 before reading it', async () => {
      const defaultHost = await startWebHost({ engine: { dispatch }, rendererDir: join(root, 'renderer'), token: TOKEN });
      try {
        const res = await rawRequest(defaultHost.port, {
          method: 'POST',
          path: '/api/previewImport',
          headers: {
            Host: `127.0.0.1:${defaultHost.port}`,
            Authorization: `Bearer ${TOKEN}`,
            'Content-Type': 'application/json',
            'Content-Length': 150 * 1024 * 1024 + 1,
          },
        });
        expect(res.status).toBe(413);
        expect(JSON.parse(res.body)).toMatchObject({ ok: false, error: { message: expect.stringContaining('larger than 150 MB') } });
      } finally {
        await defaultHost.close();
      }
    });

    it('refuses a streamed body that grows past the limit with 413', async () => {
      const res = await api('previewImport', JSON.stringify({ files: [{ fileName: 'big.csv', contentBase64: 'A'.repeat(200 * 1024) }] }));
      expect(res.status).toBe(413);
    });

    it('answers GET on the API with 405', async () => {
      for (const path of ['api', 'api/appInfo']) {
        const res = await fetch(`${host.url}${path}`, { headers: { Authorization: `Bearer ${TOKEN}` } });
        expect(res.status).toBe(405);
        expect(res.headers.get('allow')).toBe('POST');
      }
    });

    it('passes an unknown method name to the dispatcher, which reports it', async () => {
      calls.length = 0;
      const res = await api('dropAllTables', '{}');
      expect(res.status).toBe(200);
      expect(calls.map((c) => c.method)).toEqual(['dropAllTables']);
    });
  });

  describe('DNS rebinding and cross-site requests', () => {
    it('refuses a foreign Host header with 403 even with the right token', async () => {
      const res = await rawRequest(host.port, {
        method: 'POST',
        path: '/api/appInfo',
        headers: { Host: 'evil.example', Authorization: `Bearer ${TOKEN}`, 'Content-Type': 'application/json' },
        body: '{}',
      });
      expect(res.status).toBe(403);
      expect(JSON.parse(res.body)).toMatchObject({ ok: false });
    });

    it('refuses a foreign Host header for static files too', async () => {
      const res = await rawRequest(host.port, { path: '/', headers: { Host: `evil.example:${host.port}` } });
      expect(res.status).toBe(403);
    });

    it('accepts localhost:<port> as the Host', async () => {
      const res = await rawRequest(host.port, { path: '/', headers: { Host: `localhost:${host.port}` } });
      expect(res.status).toBe(200);
    });

    it('refuses a foreign Origin with 403', async () => {
      for (const origin of ['http://evil.example', `http://127.0.0.1:${host.port + 1}`, 'null']) {
        const res = await api('appInfo', '{}', { Origin: origin });
        expect(res.status).toBe(403);
      }
    });

    it('accepts its own Origin', async () => {
      const res = await api('appInfo', '{}', { Origin: `http://localhost:${host.port}` });
      expect(res.status).toBe(200);
    });

    it('refuses Sec-Fetch-Site: cross-site with 403', async () => {
      const res = await api('appInfo', '{}', { 'Sec-Fetch-Site': 'cross-site' });
      expect(res.status).toBe(403);
    });
  });

  describe('static files', () => {
    it('serves index.html at / with the security headers', async () => {
      const res = await fetch(host.url);
      expect(res.status).toBe(200);
      expect(res.headers.get('content-type')).toBe('text/html; charset=utf-8');
      expect(res.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY);
      expect(res.headers.get('x-content-type-options')).toBe('nosniff');
      expect(res.headers.get('referrer-policy')).toBe('no-referrer');
      expect(res.headers.get('cache-control')).toBe('no-store');
      expect(await res.text()).toContain('Agent Triage');
    });

    it('sends the same CSP as the Electron window', () => {
      expect(CONTENT_SECURITY_POLICY).toBe(ELECTRON_CSP);
    });

    it('serves assets with their content type, and HEAD without a body', async () => {
      const get = await fetch(`${host.url}assets/app.js`);
      expect(get.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
      expect(await get.text()).toBe('console.log("app")');
      const head = await fetch(`${host.url}assets/app.js`, { method: 'HEAD' });
      expect(head.status).toBe(200);
      expect(head.headers.get('content-length')).toBe(String('console.log("app")'.length));
    });

    it('answers 404 for unknown paths (hash routing needs no fallback)', async () => {
      expect((await fetch(`${host.url}agents/123`)).status).toBe(404);
      expect((await fetch(`${host.url}assets`)).status).toBe(404);
    });

    it('answers 405 for other methods on static paths', async () => {
      const res = await fetch(host.url, { method: 'PUT', body: 'x' });
      expect(res.status).toBe(405);
    });

    it.each([
      '/../package.json',
      '/../secret.txt',
      '/%2e%2e%2fsecret.txt',
      '/%2e%2e/secret.txt',
      '/assets/..%2f..%2fsecret.txt',
      '/assets/%2e%2e/%2e%2e/secret.txt',
      '/..%5csecret.txt',
      '/..\\secret.txt',
      '/index.html%00.js',
      '/assets/link.txt',
      '/%',
    ])('never serves anything outside the renderer folder: %s', async (path) => {
      const res = await rawRequest(host.port, { path, headers: { Host: `127.0.0.1:${host.port}` } });
      expect([400, 404]).toContain(res.status);
      expect(res.body).not.toContain(SECRET);
    });
  });
});
