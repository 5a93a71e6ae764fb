import { createReadStream } from 'node:fs';
import { realpath, stat } from 'node:fs/promises';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { extname, resolve, sep } from 'node:path';
import { REFUSED, sendError } from './http-replies';

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
  '.wasm': 'application/wasm',
};

export function contentTypeOf(file: string): string {
  return CONTENT_TYPES[extname(file).toLowerCase()] ?? 'application/octet-stream';
}

function isInside(root: string, candidate: string): boolean {
  return candidate.startsWith(root.endsWith(sep) ? root : root + sep);
}

/**
 * The file a URL path names, relative to the renderer folder, or null when the path is not one a
 * browser would send for our own assets. Encoded separators, backslashes, NUL and dot segments
 * are refused outright rather than normalised: a normalising bug is how traversal gets through.
 */
export function rendererFileOf(urlPath: string): string | null {
  if (!urlPath.startsWith('/') || /%(2f|5c|00)/i.test(urlPath)) return null;
  let decoded: string;
  try {
    decoded = decodeURIComponent(urlPath);
  } catch {
    return null;
  }
  if (/[\\\0]/.test(decoded)) return null;
  const segments = decoded.slice(1).split('/');
  if (segments.some((segment) => segment === '..' || segment === '.')) return null;
  const relative = segments.join('/');
  return relative === '' ? 'index.html' : relative;
}

/** Serves the built renderer: GET/HEAD of files inside `rendererRoot` (already a real path), nothing else. */
export async function serveRendererFile(req: IncomingMessage, res: ServerResponse, rendererRoot: string, urlPath: string): Promise<void> {
  if (req.method !== 'GET' && req.method !== 'HEAD') {
    sendError(res, 405, REFUSED, `${req.method ?? 'This method'} is not allowed here; the UI is served with GET.`, { Allow: 'GET, HEAD' });
    return;
  }
  const relative = rendererFileOf(urlPath);
  if (relative === null) {
    sendError(res, 400, 'invalid-input', 'The request path is not valid.');
    return;
  }
  const file = await existingFileInside(rendererRoot, resolve(rendererRoot, relative));
  if (file === null) {
    sendError(res, 404, 'not-found', `Nothing is served at ${urlPath.slice(0, 200)}.`);
    return;
  }
  res.writeHead(200, { 'Content-Type': contentTypeOf(file.path), 'Content-Length': file.size });
  if (req.method === 'HEAD') {
    res.end();
    return;
  }
  createReadStream(file.path)
    .on('error', () => res.destroy())
    .pipe(res);
}

/** Resolves symlinks too, so a link inside the renderer folder cannot point outside it. */
async function existingFileInside(root: string, candidate: string): Promise<{ path: string; size: number } | null> {
  if (!isInside(root, candidate)) return null;
  try {
    const real = await realpath(candidate);
    if (!isInside(root, real)) return null;
    const stats = await stat(real);
    return stats.isFile() ? { path: real, size: stats.size } : null;
  } catch {
    return null;
  }
}
