import { secretFileFormat } from '../secret-files';

/** What the scan does with a file, decided from its name alone so irrelevant files are never opened. */
export type FileKind = 'code' | 'config' | 'lockfile' | 'other';

const CODE_EXTENSIONS = new Set(['py', 'ts', 'tsx', 'mts', 'cts', 'js', 'jsx', 'mjs', 'cjs']);
const CONFIG_EXTENSIONS = new Set(['yml', 'yaml', 'json', 'jsonc', 'toml', 'tf', 'cron', 'crontab']);
/** Jenkinsfile, Procfile and crontab, also with a suffix: Jenkinsfile.nightly, Procfile.dev. */
const CONFIG_FILE_NAME = /^(jenkinsfile|procfile|crontab)([.-][^/]*)?$/;
/** Dockerfile, Dockerfile.prod, worker.Dockerfile, Containerfile: the command a compose service's image runs. */
const DOCKERFILE_NAME = /^(dockerfile|containerfile)([.-][\w.-]+)?$|\.dockerfile$/;
/** Files in /etc/cron.d style folders have no extension. */
const CONFIG_FOLDERS = new Set(['cron.d']);
/** Claude Code subagent definitions: Markdown, but configuration (front matter names tools and a model). */
export const CLAUDE_SUBAGENT_FILE = /(^|\/)\.claude\/agents\/(?:[^/]+\/)*[^/]+\.md$/i;
/** Agents of a Claude Code plugin (`plugins/<name>/agents/<agent>.md`): read, and kept only when their front matter makes them one. */
export const PLUGIN_AGENT_FILE = /(^|\/)agents\/(?!readme\.md$)[^/]+\.md$/i;
/** Shell scripts (Claude Code hooks, nightly scripts): read only for headless `claude -p` runs, which make them agents. */
export const SHELL_SCRIPT = /\.(sh|bash)$/i;
const LOCKFILE_NAMES = new Set(['poetry.lock', 'uv.lock', 'pipfile.lock', 'package-lock.json', 'npm-shrinkwrap.json', 'pnpm-lock.yaml', 'yarn.lock', 'go.sum']);
/** requirements.txt, requirements-dev.txt, requirements.prod.txt, and any .txt under requirements/. */
const REQUIREMENTS_FILE = /^requirements[\w.-]*\.txt$/;

const BINARY_EXTENSIONS = new Set(
  [
    'png jpg jpeg gif bmp ico icns webp tif tiff psd svgz pdf',
    'zip gz tgz bz2 xz zst 7z rar tar jar war ear whl egg',
    'exe dll so dylib o a lib bin class pyc pyo pyd node wasm',
    'woff woff2 ttf otf eot mp3 mp4 m4a mov avi mkv wav flac ogg webm',
    'sqlite sqlite3 db parquet avro orc feather arrow pkl pickle npy npz h5 pt pth onnx safetensors gguf',
    'doc docx xls xlsx ppt pptx odt ods iso dmg',
  ]
    .join(' ')
    .split(' '),
);

function splitName(relPath: string): { folder: string; name: string; extension: string } {
  const slash = relPath.lastIndexOf('/');
  const name = relPath.slice(slash + 1).toLowerCase();
  const folder = slash < 0 ? '' : relPath.slice(relPath.lastIndexOf('/', slash - 1) + 1, slash).toLowerCase();
  const dot = name.lastIndexOf('.');
  return { folder, name, extension: dot <= 0 ? '' : name.slice(dot + 1) };
}

export function classifyFile(relPath: string): FileKind {
  const { folder, name, extension } = splitName(relPath);
  if (LOCKFILE_NAMES.has(name) || REQUIREMENTS_FILE.test(name) || (folder === 'requirements' && extension === 'txt')) return 'lockfile';
  // Type declarations describe code that runs elsewhere; they never call anything.
  if (CODE_EXTENSIONS.has(extension)) return /\.d\.[mc]?ts$/.test(name) ? 'other' : 'code';
  if (CONFIG_EXTENSIONS.has(extension) || CONFIG_FILE_NAME.test(name) || DOCKERFILE_NAME.test(name) || CONFIG_FOLDERS.has(folder) || secretFileFormat(relPath) !== null) return 'config';
  if ((extension === 'md' && (CLAUDE_SUBAGENT_FILE.test(relPath) || PLUGIN_AGENT_FILE.test(relPath))) || ((extension === 'sh' || extension === 'bash') && SHELL_SCRIPT.test(relPath))) return 'config';
  return 'other';
}

/** Known binary formats, skipped (and counted as binary) without opening them. */
export function hasBinaryExtension(relPath: string): boolean {
  return BINARY_EXTENSIONS.has(splitName(relPath).extension);
}
