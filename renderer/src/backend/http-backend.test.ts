import { describe, expect, it } from 'vitest';
import { METHOD_NAMES } from '../../../shared/contract';
import { BackendError } from '../../../shared/errors';
import { createHttpBackend } from './http-backend';

const origin = 'http://127.0.0.1:5174';

function recordingFetch(reply: () => Response | Promise<Response>) {
  const requests: Array<{ url: string; init: RequestInit }> = [];
  const fetch = (async (url: string, init: RequestInit) => {
    requests.push({ url, init });
    return reply();
  }) as typeof globalThis.fetch;
  return { fetch, requests };
}

describe('http backend', () => {
  it('has every contract method', () => {
    const backend = createHttpBackend({ origin, token: 't', fetch: recordingFetch(() => Response.json({ ok: true, value: null })).fetch });
    for (const method of METHOD_NAMES) expect(typeof backend[method]).toBe('function');
  });

  it('posts the input as JSON with the bearer token and returns the value', async () => {
    const { fetch, requests } = recordingFetch(() => Response.json({ ok: true, value: { id: 'a1' } }));
    const backend = createHttpBackend({ origin, token: 'secret', fetch });
    await expect(backend.getAgent({ id: 'a1' })).resolves.toEqual({ id: 'a1' });
    expect(requests[0]?.url).toBe(`${origin}/api/getAgent`);
    expect(requests[0]?.init).toMatchObject({ method: 'POST', body: '{"id":"a1"}', headers: { Authorization: 'Bearer secret' } });
  });

  it('throws the host error as a BackendError with its code and details', async () => {
    const error = { code: 'invalid-input', message: 'Invalid input for getAgent at id: too short.', details: [{ path: 'id', message: 'too short' }] };
    const backend = createHttpBackend({ origin, token: 't', fetch: recordingFetch(() => Response.json({ ok: false, error }, { status: 200 })).fetch });
    const thrown = await backend.getAgent({ id: '' }).catch((e: unknown) => e);
    expect(thrown).toBeInstanceOf(BackendError);
    expect(thrown).toMatchObject(error);
  });

  it('names the host when it does not answer or answers with something other than JSON', async () => {
    const down = createHttpBackend({
      origin,
      token: 't',
      fetch: (async () => {
        throw new TypeError('Failed to fetch');
      }) as typeof fetch,
    });
    await expect(down.appInfo({})).rejects.toMatchObject({ code: 'internal', message: expect.stringContaining(`The local host at ${origin} did not answer`) });

    const html = createHttpBackend({ origin, token: 't', fetch: recordingFetch(() => new Response('<html>', { status: 502 })).fetch });
    await expect(html.appInfo({})).rejects.toMatchObject({ code: 'internal', message: expect.stringContaining('npm run serve') });
  });
});
