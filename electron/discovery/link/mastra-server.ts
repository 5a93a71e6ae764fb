import { posix } from 'node:path';
import type { TriggerFinding } from '../../../shared/discovery';
import { stripPrefixes } from '../config/commands';
import { shellCommands } from '../config/shell-script';
import type { CodeFindings } from '../findings';
import type { CodeIndex } from './resolve-code';

/**
 * The Mastra CLI serves the app its `src/mastra/index.ts` builds (`--dir` names another folder):
 * `mastra start` (the server `mastra build` left, also run as `node .mastra/output/index.mjs`)
 * answers HTTP calls to its agents; `mastra dev` is the same server with a playground, run by a
 * developer (deployment-scope.ts counts it among dev servers).
 */
export interface MastraServe {
  /** The folder holding the app's index, relative to where the command runs. */
  appDir: string;
  dev: boolean;
}

const DEFAULT_APP_DIR = 'src/mastra';
/** What `mastra build` writes and `mastra start` runs. */
const BUILT_SERVER = /^(\.\/)?\.mastra\/output\/index\.m?js$/;

/** `mastra start`, `npx mastra dev --dir app/mastra`, `node .mastra/output/index.mjs`; null for any other command (`mastra build` serves nothing). */
export function mastraServeOf(words: readonly string[]): MastraServe | null {
  if (posix.basename(words[0] ?? '') === 'node' && words.slice(1).some((word) => BUILT_SERVER.test(word))) return { appDir: DEFAULT_APP_DIR, dev: false };
  if (posix.basename(words[0] ?? '') !== 'mastra' || (words[1] !== 'start' && words[1] !== 'dev')) return null;
  const flag = words.findIndex((word) => word === '--dir' || word === '-d');
  const inline = words.find((word) => word.startsWith('--dir='));
  const appDir = inline ? inline.slice('--dir='.length) : flag > 0 && words[flag + 1] ? words[flag + 1]! : DEFAULT_APP_DIR;
  return { appDir, dev: words[1] === 'dev' };
}

/** The app module a Mastra serve command run in `dir` serves, or null when the tree has none there. */
export function mastraAppFile(serve: MastraServe, dir: string, index: CodeIndex): string | null {
  return index.resolvePath(posix.join(serve.appDir, 'index.ts'), dir, true);
}

/**
 * The trigger of a Mastra app module that no config runs but its package's scripts serve with
 * `mastra start` (or its built server): its agents answer HTTP calls. Served only by `mastra
 * dev`, it is a developer's dev server and gets none.
 */
export function mastraServedTrigger(file: CodeFindings, index: CodeIndex): TriggerFinding | null {
  const app = (file.agentDefinitions ?? []).find((definition) => definition.kind === 'mastra-app');
  if (!app) return null;
  const pkg = index.packageScripts?.nearestPackage(posix.dirname(file.path));
  if (!pkg) return null;
  for (const [name, command] of Object.entries(pkg.scripts)) {
    for (const simple of shellCommands(command)) {
      const serve = mastraServeOf(stripPrefixes(simple.words));
      if (!serve || serve.dev || mastraAppFile(serve, simple.dir ? posix.join(pkg.dir, simple.dir) : pkg.dir, index) !== file.path) continue;
      return { kind: 'user', schedule: null, description: `Runs when its HTTP endpoint is called (the Mastra server, package script "${name}")`, evidence: app.evidence };
    }
  }
  return null;
}
