import { randomBytes } from 'node:crypto';
import { realpathSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { API_PATH_PREFIX, TOKEN_QUERY_PARAM } from '../../shared/wire';
import type { Engine } from '../api/engine-types';
import { DEFAULT_MAX_API_BODY_BYTES, handleApiRequest, type ApiRouteOptions } from './api-route';
import { REFUSED, applySecurityHeaders, sendError } from './http-replies';
import { createBearerCheck, foreignRequestReason } from './request-guards';
import { serveRendererFile } from './static-files';

export interface WebHostOptions {
  engine: Pick<Engine, 'dispatch'>;
  /** The built renderer (out/renderer). */
  rendererDir: string;
  /** 0 (the default) picks a free port. */
  port?: number;
  /** A fresh random token per launch unless given. */
  token?: string;
  /** Largest API request body accepted; the default fits the contract's biggest upload. */
  maxBodyBytes?: number;
}

export interface WebHost {
  /** http://127.0.0.1:<port>/ */
  url: string;
  /** The URL to open in a browser: the page takes the token from it once (shared/wire.ts). */
  urlWithToken: string;
  port: number;
  token: string;
  close(): Promise<void>;
}

/** Loopback only: the workstation holds client data and must never be reachable from the network. */
const LOOPBACK_ADDRESS = '127.0.0.1';

/** Serves the built renderer and the backend contract to a browser on this machine (DESIGN.md "One contract, three hosts"). */
export async function startWebHost(options: WebHostOptions): Promise<WebHost> {
  const token = options.token ?? randomBytes(32).toString('base64url');
  if (token.length < 16) throw new Error('The web host token must be at least 16 characters.');
  const rendererRoot = realRendererDir(options.rendererDir);
  const api: ApiRouteOptions = {
    dispatch: (method, input, ctx) => options.engine.dispatch(method, input, ctx),
    hasValidToken: createBearerCheck(token),
    maxBodyBytes: options.maxBodyBytes ?? DEFAULT_MAX_API_BODY_BYTES,
  };

  let port = 0;
  const server = createServer((req, res) => {
    handleRequest(req, res, port, rendererRoot, api).catch(() => {
      if (!res.headersSent) sendError(res, 500, 'internal', 'The web host failed to answer this request.');
      else res.destroy();
    });
  });
  port = await listenOnLoopback(server, options.port ?? 0);

  const url = `http://${LOOPBACK_ADDRESS}:${port}/`;
  return {
    url,
    urlWithToken: `${url}?${TOKEN_QUERY_PARAM}=${encodeURIComponent(token)}`,
    port,
    token,
    close: () => closeServer(server),
  };
}

async function handleRequest(req: IncomingMessage, res: ServerResponse, port: number, rendererRoot: string, api: ApiRouteOptions): Promise<void> {
  applySecurityHeaders(res);
  const refusal = foreignRequestReason(req.headers, port);
  if (refusal !== null) {
    sendError(res, 403, REFUSED, refusal);
    return;
  }
  const rawUrl = req.url ?? '';
  // Only origin-form targets ("/path?query"); absolute-form is for proxies, which we are not.
  if (!rawUrl.startsWith('/')) {
    sendError(res, 400, REFUSED, 'The request target is not a path.');
    return;
  }
  const urlPath = rawUrl.split('?')[0] ?? '/';
  if (urlPath.startsWith(API_PATH_PREFIX) || `${urlPath}/` === API_PATH_PREFIX) {
    await handleApiRequest(req, res, urlPath, api);
    return;
  }
  await serveRendererFile(req, res, rendererRoot, urlPath);
}

function realRendererDir(dir: string): string {
  try {
    return realpathSync(dir);
  } catch {
    throw new Error(`The built UI folder ${dir} does not exist: run \`npm run build\` first.`);
  }
}

function listenOnLoopback(server: Server, port: number): Promise<number> {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen({ port, host: LOOPBACK_ADDRESS, exclusive: true }, () => {
      server.off('error', reject);
      resolve((server.address() as AddressInfo).port);
    });
  });
}

function closeServer(server: Server): Promise<void> {
  return new Promise((resolve) => {
    server.close(() => resolve());
    // A browser keeps idle connections open; without this, close() waits for them to time out.
    server.closeAllConnections();
  });
}
