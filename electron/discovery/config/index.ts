/**
 * Configuration analyzers of repository discovery: CI pipelines, deployables and schedules, MCP
 * client configs. `analyzeConfigFile` is the entry point for one file; it never throws on bad
 * input. Analyzers signal an unreadable file by throwing ConfigSyntaxError (with its line) and
 * a partly readable one through `ctx.warn`; both come back as FileWarnings in the result.
 */
import { posix } from 'node:path';
import type { ConfigFindings, FileWarning } from '../findings';
import { secretFileFormat } from '../secret-files';
import { analyzeAirflow } from './airflow';
import { AGENTCORE_PROJECT_CONFIG, AGENTCORE_TOOLKIT_CONFIG, analyzeBedrockAgentcore } from './bedrock-agentcore';
import { analyzeAppEngineCron, analyzeAppEngineService, APP_ENGINE_APP, APP_ENGINE_CRON, APP_ENGINE_RUNTIME_LINE } from './app-engine';
import { analyzeN8nWorkflow, mayBeN8nWorkflow } from './n8n-workflow';
import { analyzeCeleryBeat } from './celery-beat';
import { analyzeCircleci } from './circleci';
import { analyzeClaudeScript, analyzeClaudeSettings, analyzeClaudeSubagent, CLAUDE_SETTINGS_FILE, SHELL_SCRIPT, CLAUDE_SUBAGENT_FILE, PLUGIN_AGENT_FILE } from './claude-code';
import { ConfigSyntaxError, describeProblem, type ConfigContext, type ConfigScanOptions } from './context';
import { analyzeCrontab } from './crontab';
import { analyzeDockerCompose } from './docker-compose';
import { analyzeDockerfile, DOCKERFILE_NAME } from './dockerfile';
import { analyzeDotenv } from './dotenv';
import { analyzeFlyToml, FLY_CONFIG } from './fly-toml';
import { analyzeGithubAction } from './github-action';
import { analyzeGithubActions } from './github-actions';
import { analyzeGitlabCi } from './gitlab-ci';
import { analyzeJenkinsfile, isJenkinsfileText } from './jenkinsfile';
import { analyzeKeyFile, analyzeServiceAccountKey, isServiceAccountKeyText } from './key-files';
import { analyzeKubernetes } from './kubernetes';
import { analyzeLanggraphJson } from './langgraph-json';
import { analyzeMcp } from './mcp';
import { analyzePackageJson } from './package-json';
import { analyzePnpmWorkspace } from './pnpm-workspace';
import { analyzePyprojectScripts } from './pyproject-scripts';
import { analyzeProcfile } from './procfile';
import { analyzeRailway, RAILWAY_CONFIG } from './railway';
import { analyzeRenderBlueprint, RENDER_BLUEPRINT } from './render-blueprint';
import { analyzeServerless } from './serverless';
import { analyzeTerraform } from './terraform';
import { analyzeTfvars } from './tfvars';
import { analyzeVercelCrons } from './vercel-crons';
import { analyzeWrangler, WRANGLER_CONFIG } from './wrangler';

export { describeCron } from './cron-words';
export { ConfigSyntaxError, type ConfigContext, type ConfigScanOptions } from './context';
export { loadConfigRules, readBundledConfigRules, type ConfigRulePack } from './rules';
export { analyzeTerraformModule } from './terraform';

/** Real configuration files are kilobytes; a bigger one is generated data, or an attack on the parser. */
export const MAX_CONFIG_CHARS = 4 * 1024 * 1024;

/**
 * What a file gave: findings when it is a configuration format we read (null otherwise), and
 * warnings for what could not be read (a malformed file, a skipped document, a file too big).
 * Bad input never throws.
 */
export interface ConfigScanResult {
  findings: ConfigFindings | null;
  warnings: FileWarning[];
}

type Analyzer = (path: string, text: string, ctx: ConfigContext) => ConfigFindings | null | Promise<ConfigFindings | null>;

interface Route {
  /** For people: "a GitHub Actions workflow". */
  reading: string;
  analyze: Analyzer;
}

const GITHUB_ACTIONS: Route = { reading: 'a GitHub Actions workflow', analyze: analyzeGithubActions };
const GITLAB_CI: Route = { reading: 'a GitLab CI pipeline', analyze: analyzeGitlabCi };
const CIRCLECI: Route = { reading: 'a CircleCI config', analyze: analyzeCircleci };
const JENKINSFILE: Route = { reading: 'a Jenkinsfile', analyze: analyzeJenkinsfile };
const KUBERNETES: Route = { reading: 'Kubernetes manifests', analyze: analyzeKubernetes };
const TERRAFORM: Route = { reading: 'Terraform', analyze: analyzeTerraform };
const SERVERLESS: Route = { reading: 'a serverless.yml', analyze: analyzeServerless };
const DOCKER_COMPOSE: Route = { reading: 'a docker-compose file', analyze: analyzeDockerCompose };
const DOCKERFILE: Route = { reading: 'a Dockerfile', analyze: analyzeDockerfile };
const PROCFILE: Route = { reading: 'a Procfile', analyze: analyzeProcfile };
const CRONTAB: Route = { reading: 'a crontab', analyze: analyzeCrontab };
const CELERY_BEAT: Route = { reading: 'a Celery beat schedule', analyze: analyzeCeleryBeat };
const AIRFLOW: Route = { reading: 'an Airflow DAG', analyze: analyzeAirflow };
const MCP: Route = { reading: 'an MCP client config', analyze: analyzeMcp };
const LANGGRAPH_JSON: Route = { reading: 'a langgraph.json', analyze: analyzeLanggraphJson };
const DOTENV: Route = { reading: 'a .env file', analyze: analyzeDotenv };
const TFVARS: Route = { reading: 'a Terraform variables file', analyze: analyzeTfvars };
const KEY_FILE: Route = { reading: 'a key file', analyze: analyzeKeyFile };
const SERVICE_ACCOUNT_KEY: Route = { reading: 'a Google service-account key', analyze: analyzeServiceAccountKey };
const GITHUB_ACTION: Route = { reading: 'a GitHub Action (action.yml)', analyze: analyzeGithubAction };
const CLAUDE_SUBAGENT: Route = { reading: 'a Claude Code subagent', analyze: analyzeClaudeSubagent };
const CLAUDE_SETTINGS: Route = { reading: 'Claude Code settings', analyze: analyzeClaudeSettings };
const CLAUDE_SCRIPT: Route = { reading: 'a shell script', analyze: analyzeClaudeScript };
const PACKAGE_JSON: Route = { reading: 'a package.json', analyze: analyzePackageJson };
const PYPROJECT_SCRIPTS: Route = { reading: 'a pyproject.toml', analyze: analyzePyprojectScripts };
const PNPM_WORKSPACE: Route = { reading: 'a pnpm-workspace.yaml', analyze: analyzePnpmWorkspace };
const WRANGLER: Route = { reading: 'a wrangler config (Cloudflare Workers)', analyze: analyzeWrangler };
const FLY: Route = { reading: 'a Fly.io config (fly.toml)', analyze: analyzeFlyToml };
const RAILWAY: Route = { reading: 'a Railway config (railway.json / railway.toml)', analyze: analyzeRailway };
const RENDER: Route = { reading: 'a Render Blueprint (render.yaml)', analyze: analyzeRenderBlueprint };
const VERCEL_CRONS: Route = { reading: 'a vercel.json', analyze: analyzeVercelCrons };
const BEDROCK_AGENTCORE: Route = { reading: 'a Bedrock AgentCore config', analyze: analyzeBedrockAgentcore };
const APP_ENGINE_CRON_JOBS: Route = { reading: 'an App Engine cron.yaml', analyze: analyzeAppEngineCron };
const APP_ENGINE_SERVICE: Route = { reading: 'an App Engine service config (app.yaml)', analyze: analyzeAppEngineService };
const N8N_WORKFLOW: Route = { reading: 'an n8n workflow export', analyze: analyzeN8nWorkflow };
const SECRET_FILE_ROUTES = { dotenv: DOTENV, tfvars: TFVARS, 'key-file': KEY_FILE } as const;

const YAML_FILE = /\.ya?ml$/i;

/**
 * Whether a file may hold a format these analyzers read, by its name alone: the walker's cheap
 * filter before reading. Content decides the rest (any YAML may be a Kubernetes manifest).
 */
export function mightBeConfigFile(path: string): boolean {
  const name = posix.basename(path);
  return (
    /\.(ya?ml|json|jsonc|toml|tf|py|groovy|cron|crontab|jenkinsfile)$/i.test(name) ||
    /^(jenkinsfile|procfile|crontab)(\.[\w-]+)?$/i.test(name) ||
    CLAUDE_SUBAGENT_FILE.test(path) ||
    PLUGIN_AGENT_FILE.test(path) ||
    SHELL_SCRIPT.test(path) ||
    DOCKERFILE_NAME.test(name) ||
    /(^|\/)cron\.d\//.test(path) ||
    secretFileFormat(path) !== null
  );
}

/** The analyzers a file should go through: by name where the name is decisive, else by content. */
function routesFor(path: string, text: string): Route[] {
  const name = posix.basename(path);
  const secretFile = secretFileFormat(path);
  if (secretFile) return [SECRET_FILE_ROUTES[secretFile]];
  if (CLAUDE_SUBAGENT_FILE.test(path) || PLUGIN_AGENT_FILE.test(path)) return [CLAUDE_SUBAGENT];
  if (CLAUDE_SETTINGS_FILE.test(path)) return [CLAUDE_SETTINGS];
  if (SHELL_SCRIPT.test(path)) return [CLAUDE_SCRIPT];
  if (AGENTCORE_TOOLKIT_CONFIG.test(path) || AGENTCORE_PROJECT_CONFIG.test(path)) return [BEDROCK_AGENTCORE];
  if (RAILWAY_CONFIG.test(name)) return [RAILWAY];
  if (FLY_CONFIG.test(name)) return [FLY];
  if (YAML_FILE.test(name)) {
    if (/(^|\/)\.github\/workflows\/[^/]+$/.test(path)) return [GITHUB_ACTIONS];
    if (/(^|\.)gitlab-ci\.ya?ml$/i.test(name) || /(^|\/)\.gitlab\/ci\//.test(path)) return [GITLAB_CI];
    if (/(^|\/)\.circleci\/config\.ya?ml$/.test(path)) return [CIRCLECI];
    if (/^serverless\.ya?ml$/i.test(name)) return [SERVERLESS];
    if (RENDER_BLUEPRINT.test(name)) return [RENDER];
    if (/^action\.ya?ml$/i.test(name)) return [GITHUB_ACTION];
    if (/^(docker-)?compose([.-][\w.-]+)?\.ya?ml$/i.test(name)) return [DOCKER_COMPOSE];
    // Which folders `pnpm -r` and `pnpm --filter` pick packages from.
    if (name === 'pnpm-workspace.yaml') return [PNPM_WORKSPACE];
    // The jobs App Engine calls on a schedule, and the services that answer them.
    if (APP_ENGINE_CRON.test(name)) return /^cron:/m.test(text) ? [APP_ENGINE_CRON_JOBS] : [];
    if (APP_ENGINE_APP.test(name) && APP_ENGINE_RUNTIME_LINE.test(text)) return [APP_ENGINE_SERVICE];
    return yamlRoutesByContent(text);
  }
  if (/\.tf(\.json)?$/.test(name)) return [TERRAFORM];
  if (WRANGLER_CONFIG.test(name)) return [WRANGLER];
  if (/\.jsonc?$/i.test(name)) {
    if (isServiceAccountKeyText(text)) return [SERVICE_ACCOUNT_KEY];
    // Exports are named by their workflow ("RAG AI Agent.json"): only their node types tell them.
    if (mayBeN8nWorkflow(text)) return [N8N_WORKFLOW];
    if (name === 'langgraph.json') return [LANGGRAPH_JSON];
    // Its cron jobs call routes of the project on a schedule; a vercel.json without any deploys nothing we read.
    if (name === 'vercel.json' && text.includes('"crons"')) return [VERCEL_CRONS];
    // Its scripts are the commands `npm start` and `npm run x` run; a manifest without any is not read.
    if (name === 'package.json' && text.includes('"scripts"')) return [PACKAGE_JSON];
    return /"(mcpServers|servers|context_servers|mcp)"\s*:/.test(text) ? [MCP] : [];
  }
  // A pyproject's console scripts are the commands `uv run x` and an image's `CMD ["x"]` run.
  if (name === 'pyproject.toml' && text.includes('.scripts]')) return [PYPROJECT_SCRIPTS];
  if (/\.toml$/i.test(name)) return /\bmcp_servers\b/.test(text) ? [MCP] : [];
  if (/^jenkinsfile(\.[\w-]+)?$|\.jenkinsfile$/i.test(name) || (/\.groovy$/.test(name) && isJenkinsfileText(text))) return [JENKINSFILE];
  if (/^procfile(\.[\w-]+)?$/i.test(name)) return [PROCFILE];
  if (DOCKERFILE_NAME.test(name)) return [DOCKERFILE];
  if (/^crontab$|\.(cron|crontab)$/i.test(name) || /(^|\/)cron\.d\/[^/]+$|(^|\/)etc\/crontab$/.test(path)) return [CRONTAB];
  if (/\.py$/.test(name)) {
    // Every Python file passes here. Measured: the alternation beats literal searches for Celery,
    // while a literal search for DAG spares most files the \b pattern.
    const celery = /beat_schedule|CELERYBEAT_SCHEDULE|add_periodic_task/.test(text);
    const airflow = (text.includes('DAG') || text.includes('@dag')) && /\bDAG\s*\(|@dag\b/.test(text);
    return [...(celery ? [CELERY_BEAT] : []), ...(airflow ? [AIRFLOW] : [])];
  }
  return [];
}

/** Top-level keys tell YAML formats apart; each analyzer still checks the structure. */
function yamlRoutesByContent(text: string): Route[] {
  const routes: Route[] = [];
  if (/^apiVersion:/m.test(text) && /^kind:/m.test(text)) routes.push(KUBERNETES);
  if (/^["']?on["']?:/m.test(text) && /^jobs:/m.test(text)) routes.push(GITHUB_ACTIONS);
  if (/^version:/m.test(text) && /^workflows:/m.test(text) && /^jobs:/m.test(text)) routes.push(CIRCLECI);
  if (/^service:/m.test(text) && /^provider:/m.test(text) && /^functions:/m.test(text)) routes.push(SERVERLESS);
  if (/^services:/m.test(text)) routes.push(DOCKER_COMPOSE);
  if (/^service:/m.test(text) && APP_ENGINE_RUNTIME_LINE.test(text)) routes.push(APP_ENGINE_SERVICE);
  if (/^(stages|default|include|workflow):/m.test(text) && /^\s+script:/m.test(text)) routes.push(GITLAB_CI);
  return routes;
}

/**
 * Reads one file of a repository scan: routes it to the analyzers of its format, and turns what
 * goes wrong (syntax errors, files over MAX_CONFIG_CHARS, nesting too deep, alias bombs) into
 * warnings naming the file and line. Findings of rules in `disabledRuleIds` are left out.
 */
export async function analyzeConfigFile(path: string, text: string, options: ConfigScanOptions): Promise<ConfigScanResult> {
  const routes = routesFor(path, text);
  const warnings: FileWarning[] = [];
  if (routes.length === 0) return { findings: null, warnings };
  if (text.length > MAX_CONFIG_CHARS) {
    warnings.push({ path, message: `not analysed: ${(text.length / 1024 / 1024).toFixed(1)} MB is over the ${MAX_CONFIG_CHARS / 1024 / 1024} MB limit for configuration files` });
    return { findings: null, warnings };
  }
  const warn = (message: string, line?: number) => warnings.push({ path, message: line ? `line ${line}: ${message}` : message });
  const ctx: ConfigContext = { ...options, warn };
  const found: ConfigFindings[] = [];
  for (const route of routes) {
    try {
      const findings = await route.analyze(path, text, ctx);
      if (findings) found.push(findings);
    } catch (error) {
      warn(`${describeProblem(error)} (read as ${route.reading})`, error instanceof ConfigSyntaxError ? (error.line ?? undefined) : undefined);
      break; // text that is broken for one reader of its syntax is broken for all of them
    }
    // Formats exclude each other except Python, where one file may hold a beat schedule and a DAG.
    if (found.length > 0 && !path.endsWith('.py')) break;
  }
  return { findings: mergeFindings(found), warnings };
}

function mergeFindings(found: ConfigFindings[]): ConfigFindings | null {
  if (found.length <= 1) return found[0] ?? null;
  return {
    type: 'config',
    path: found[0]!.path,
    format: found.map((f) => f.format).join('+'),
    units: found.flatMap((f) => f.units),
    credentials: found.flatMap((f) => f.credentials),
    ...(found.some((f) => f.appliesToFolder) ? { appliesToFolder: true } : {}),
    ...(found.find((f) => f.image) ? { image: found.find((f) => f.image)!.image } : {}),
  };
}
