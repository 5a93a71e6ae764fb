#!/usr/bin/env node
// `npm start` (after `electron-vite build`): the desktop app where the Electron runtime is
// installed, otherwise the same app served by the local web host on 127.0.0.1.
//
// better-sqlite3 in node_modules is compiled for Node, because the tests and the CLI run under
// Node. Electron has its own ABI, so before launching Electron we make (once, cached) a build for
// it and point the engine at it with AGENT_TRIAGE_SQLITE_BINDING. Packaged apps do not need this:
// electron-builder rebuilds native modules for Electron itself.

import { spawn, spawnSync } from 'node:child_process';
import { copyFileSync, cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { constants as osConstants, tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const projectRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(import.meta.url);
// `--prepare-native` only makes sure the Electron build of better-sqlite3 exists and prints its
// path (the Electron e2e tests use it); logs go to stderr so stdout is just the path.
const PREPARE_ONLY_FLAG = '--prepare-native';
const prepareOnly = process.argv[2] === PREPARE_ONLY_FLAG;
const forwardedArgs = process.argv.slice(prepareOnly ? 3 : 2);

const electronBinary = findElectronBinary();
if (electronBinary === null) {
  if (prepareOnly) {
    console.error('Electron runtime not installed here; there is nothing to prepare.');
    process.exit(1);
  }
  console.log('Electron runtime not installed here; serving the app on 127.0.0.1 instead.');
  runForwardingSignals(process.execPath, [join(projectRoot, 'bin', 'agent-triage.mjs'), 'serve', ...forwardedArgs], {});
} else {
  const electronVersion = readPackageVersion('electron');
  const sqliteBinding = ensureElectronSqliteBinding(electronVersion);
  if (sqliteBinding === null) {
    console.error(
      `Could not get better-sqlite3 for Electron ${electronVersion}: no prebuilt binary could be downloaded and compiling it failed (see above).\n` +
        'Run `npm start` once with network access and a C++ toolchain, or use `npm run serve` for the browser version.',
    );
    process.exit(1);
  }
  if (prepareOnly) {
    console.log(sqliteBinding);
    process.exit(0);
  }
  const env = { ...process.env, AGENT_TRIAGE_SQLITE_BINDING: sqliteBinding };
  // Inherited from some shells and tools; it would make Electron run as plain Node.
  delete env.ELECTRON_RUN_AS_NODE;
  // The project folder, not out/main/index.js: Electron then reads package.json, so the app's
  // name, version and user-data folder are the real ones.
  runForwardingSignals(electronBinary, [projectRoot, ...forwardedArgs], { env });
}

/** The Electron executable, or null where npm install could not fetch the runtime (or was told not to). */
function findElectronBinary() {
  try {
    // Under plain Node the electron package exports the path of its binary, and throws if it has none.
    const binary = require('electron');
    return typeof binary === 'string' && existsSync(binary) ? binary : null;
  } catch {
    return null;
  }
}

function readPackageVersion(name) {
  return JSON.parse(readFileSync(require.resolve(`${name}/package.json`), 'utf8')).version;
}

/**
 * Path of a better-sqlite3 binding built for this Electron, built on first use:
 * .cache/electron-native/<electron version>/better_sqlite3.node, with a stamp recording what it
 * was built from so an upgraded better-sqlite3 or a copied checkout gets a fresh build.
 * Null when neither a prebuilt binary nor a local compile worked.
 */
function ensureElectronSqliteBinding(electronVersion) {
  const cacheDir = join(projectRoot, '.cache', 'electron-native', electronVersion);
  const binding = join(cacheDir, 'better_sqlite3.node');
  const stampFile = join(cacheDir, 'better_sqlite3.json');
  const stamp = JSON.stringify({ betterSqlite3: readPackageVersion('better-sqlite3'), electron: electronVersion, platform: process.platform, arch: process.arch });
  if (existsSync(binding) && existsSync(stampFile) && readFileSync(stampFile, 'utf8') === stamp) return binding;

  console.error(`Preparing better-sqlite3 for Electron ${electronVersion} (once; cached in .cache/electron-native)…`);
  const sourceDir = dirname(require.resolve('better-sqlite3/package.json'));
  // Work on a copy: node_modules must keep its Node build for the tests and the CLI.
  const workDir = mkdtempSync(join(tmpdir(), 'agent-triage-sqlite-'));
  try {
    cpSync(sourceDir, workDir, { recursive: true, filter: (source) => source !== join(sourceDir, 'build') });
    const built = downloadPrebuild(workDir, electronVersion) || compileFromSource(workDir, electronVersion);
    const output = join(workDir, 'build', 'Release', 'better_sqlite3.node');
    if (!built || !existsSync(output)) return null;
    mkdirSync(cacheDir, { recursive: true });
    copyFileSync(output, binding);
    writeFileSync(stampFile, stamp);
    return binding;
  } finally {
    rmSync(workDir, { recursive: true, force: true });
  }
}

function downloadPrebuild(workDir, electronVersion) {
  return runTool('prebuild-install', 'prebuild-install', ['--runtime', 'electron', '--target', electronVersion, '--arch', process.arch, '--platform', process.platform], workDir);
}

function compileFromSource(workDir, electronVersion) {
  return runTool('node-gyp', 'node-gyp', ['rebuild', '--release', `--target=${electronVersion}`, `--arch=${process.arch}`, '--dist-url=https://electronjs.org/headers'], workDir);
}

/** Runs a build tool from the project's own devDependencies, or through npx when it is not installed. */
function runTool(packageName, binName, args, cwd) {
  const local = localBin(packageName, binName);
  const [command, commandArgs] = local ? [process.execPath, [local, ...args]] : ['npx', ['--yes', packageName, ...args]];
  // Build output goes to stderr: with --prepare-native, stdout carries only the binding's path.
  // npx is npx.cmd on Windows, which Node only starts through a shell.
  const result = spawnSync(command, commandArgs, { cwd, stdio: ['ignore', process.stderr, process.stderr], shell: !local && process.platform === 'win32' });
  return result.status === 0;
}

function localBin(packageName, binName) {
  try {
    const manifestPath = require.resolve(`${packageName}/package.json`);
    const { bin } = JSON.parse(readFileSync(manifestPath, 'utf8'));
    const relative = typeof bin === 'string' ? bin : bin?.[binName];
    return relative ? join(dirname(manifestPath), relative) : null;
  } catch {
    return null;
  }
}

/** Runs the app in a child with our terminal, passes Ctrl+C and kill on to it, and exits as it exits. */
function runForwardingSignals(command, args, options) {
  const child = spawn(command, args, { stdio: 'inherit', ...options });
  for (const signal of ['SIGINT', 'SIGTERM']) {
    process.on(signal, () => child.kill(signal));
  }
  child.on('error', (err) => {
    console.error(`Could not start ${command}: ${err.message}`);
    process.exit(1);
  });
  child.on('exit', (code, signal) => {
    process.exit(code ?? 128 + (osConstants.signals[signal] ?? 1));
  });
}
