#!/usr/bin/env node
// `npm install` (postinstall): fetch the Electron runtime that `npm start` opens the desktop app
// with, or say in one line that it is missing and `npm start` will serve the app to a browser.
//
// Electron's own postinstall (node_modules/electron/install.js) is denied in
// package.json#allowScripts: where its download host cannot be reached it ends in a stack trace,
// possibly after minutes, and npm then rolls back all of node_modules. This script downloads
// through the same library Electron uses (@electron/get: same mirrors, cache, checksums and
// ELECTRON_* / electron_config_* settings) but with timeouts, then lets Electron's install.js
// unpack the archive from the cache just filled. It always exits 0: the app works without Electron.

import { execSync, spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';

/** Per phase (DNS, TCP, TLS): an unreachable host fails within seconds, a slow download still finishes. */
const CONNECT_TIMEOUT_MS = 15_000;
/** No byte for this long while waiting for or reading the response: the connection is given up. */
const IDLE_TIMEOUT_MS = 20_000;

const require = createRequire(import.meta.url);

try {
  await installElectronRuntime();
} catch (err) {
  missing(`download failed: ${describe(err)}`);
}
process.exit(0);

async function installElectronRuntime() {
  if (process.env.ELECTRON_SKIP_BINARY_DOWNLOAD) {
    missing('ELECTRON_SKIP_BINARY_DOWNLOAD is set', 'Unset it and re-run `npm install` to fetch it.');
    return;
  }
  let electronDir;
  try {
    electronDir = dirname(require.resolve('electron/package.json'));
  } catch {
    missing('the electron package is not installed');
    return;
  }
  if (runtimeInstalled()) return;

  const { version } = JSON.parse(readFileSync(join(electronDir, 'package.json'), 'utf8'));
  useConfiguredProxy();
  const electronRequire = createRequire(join(electronDir, 'package.json'));
  // Imported, not required: later @electron/get majors are ES modules.
  const electronGet = await import(pathToFileURL(electronRequire.resolve('@electron/get')).href);
  const downloadArtifact = electronGet.downloadArtifact ?? electronGet.default?.downloadArtifact;
  const useRemoteChecksums = process.env.electron_use_remote_checksums || process.env.npm_config_electron_use_remote_checksums;
  // The same artifact, and so the same cache entry, as install.js asks for.
  await downloadArtifact({
    version,
    artifactName: 'electron',
    force: process.env.force_no_cache === 'true',
    cacheRoot: process.env.electron_config_cache,
    checksums: useRemoteChecksums ? undefined : electronRequire('./checksums.json'),
    platform: process.env.npm_config_platform || process.platform,
    arch: targetArch(),
    downloadOptions: {
      timeout: { lookup: CONNECT_TIMEOUT_MS, connect: CONNECT_TIMEOUT_MS, secureConnect: CONNECT_TIMEOUT_MS, response: IDLE_TIMEOUT_MS, socket: IDLE_TIMEOUT_MS },
    },
  });

  // Unpacking (dist/, path.txt, electron.d.ts) stays Electron's own code; the archive is now cached.
  const env = { ...process.env };
  delete env.force_no_cache;
  const unpack = spawnSync(process.execPath, [join(electronDir, 'install.js')], { cwd: electronDir, env, encoding: 'utf8' });
  if (unpack.status !== 0 || !runtimeInstalled()) {
    throw new Error(firstLine(unpack.stderr) || firstLine(unpack.error?.message) || `install.js exited with ${unpack.status}`);
  }
  console.log(`Electron ${version} runtime installed: \`npm start\` opens the desktop app.`);
}

/** The one line a person reads when the desktop app will not be available. */
function missing(why, retry = 'Re-run `npm install` to try again.') {
  console.log(`Electron desktop runtime not installed (${why}); \`npm start\` will serve the app to a browser instead. ${retry}`);
}

/** As `npm start` decides: under Node the electron package exports its binary's path, and throws when it has none. */
function runtimeInstalled() {
  try {
    const binary = require('electron');
    return typeof binary === 'string' && existsSync(binary);
  } catch {
    return false;
  }
}

/** install.js's choice of architecture, including an arm64 Mac running Node under Rosetta. */
function targetArch() {
  const arch = process.env.npm_config_arch || process.arch;
  const platform = process.env.npm_config_platform || process.platform;
  if (platform === 'darwin' && process.platform === 'darwin' && arch === 'x64' && process.env.npm_config_arch === undefined) {
    try {
      if (execSync('sysctl -in sysctl.proc_translated', { encoding: 'utf8' }).trim() === '1') return 'arm64';
    } catch {
      // Not translated, or no sysctl: x64.
    }
  }
  return arch;
}

/**
 * @electron/get only goes through a proxy when ELECTRON_GET_USE_PROXY is set, and then reads
 * GLOBAL_AGENT_* or HTTPS_PROXY/HTTP_PROXY/NO_PROXY. Where a proxy is configured (in the
 * environment, or as npm's own proxy / https-proxy setting, which npm passes to scripts), the
 * runtime is fetched through it, as the npm packages were. Must run before @electron/get loads.
 */
function useConfiguredProxy() {
  const env = process.env;
  const first = (...names) => names.map((name) => env[name]).find((value) => value);
  const httpsProxy = first('GLOBAL_AGENT_HTTPS_PROXY', 'HTTPS_PROXY', 'https_proxy', 'npm_config_https_proxy', 'npm_config_proxy');
  const httpProxy = first('GLOBAL_AGENT_HTTP_PROXY', 'HTTP_PROXY', 'http_proxy', 'npm_config_proxy');
  if (!httpsProxy && !httpProxy) return;
  env.ELECTRON_GET_USE_PROXY ||= '1';
  if (httpsProxy) env.GLOBAL_AGENT_HTTPS_PROXY ||= httpsProxy;
  if (httpProxy) env.GLOBAL_AGENT_HTTP_PROXY ||= httpProxy;
  const noProxy = first('GLOBAL_AGENT_NO_PROXY', 'NO_PROXY', 'no_proxy', 'npm_config_noproxy');
  if (noProxy) env.GLOBAL_AGENT_NO_PROXY ||= noProxy;
}

function describe(err) {
  return firstLine(err instanceof Error ? err.message : String(err)) || 'unknown error';
}

function firstLine(text) {
  const line = (text ?? '').trim().split('\n')[0]?.trim() ?? '';
  return line.length > 160 ? `${line.slice(0, 157)}…` : line;
}
