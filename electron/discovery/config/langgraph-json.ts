import { posix } from 'node:path';
import type { ConfigFindings, UnitFinding } from '../findings';
import type { ConfigContext } from './context';
import { recordEnvEntry } from './env-facts';
import { parseJsonDocument } from './json-document';
import { ConfigSource } from './source';
import { newFindings, newUnit, noTrigger, trigger } from './units';
import { asRecord, asText, entriesOf } from './values';

/**
 * langgraph.json, the deployment file of LangGraph Platform and `langgraph dev` (Python and JS
 * alike): every entry of `graphs` is a graph the platform serves under its key, so each is a
 * unit of its own, even when one graph's module imports another's. A graph is written
 * `"./src/agent/graph.py:graph"` (a file and the variable holding the compiled graph), a module
 * `"agent.graph:graph"`, or `{ "path": ..., "description": ... }`. `env` is a file the platform
 * loads (its variables reach the graphs at link time) or the variables themselves.
 */
export function analyzeLanggraphJson(path: string, text: string, ctx: ConfigContext): ConfigFindings | null {
  const src = new ConfigSource(path, text, ctx);
  const doc = parseJsonDocument(src);
  const root = asRecord(doc.value);
  if (!root) {
    src.warn('not read as langgraph.json: the file is not a JSON object');
    return null;
  }
  const graphs = entriesOf(root.graphs);
  if (graphs.length === 0) {
    src.warn('langgraph.json declares no graphs (expected "graphs": {"name": "./path/file.py:graph"})', doc.lineOf(['graphs']));
    return null;
  }

  const findings = newFindings(path, 'langgraph-json');
  const envFile = typeof root.env === 'string' && root.env.trim() !== '' ? root.env.trim() : null;
  const inlineEnv = asRecord(root.env);
  if (root.env !== undefined && !envFile && !inlineEnv) src.warn('"env" is neither a file name nor an object of variables; ignored', doc.lineOf(['env']));
  for (const [name, spec] of graphs) {
    const line = doc.lineOf(['graphs', name]);
    const written = asText(spec) ?? asText(asRecord(spec)?.path);
    const target = written ? graphTarget(written) : null;
    if (!target) {
      src.warn(`graph "${name}" is not a "path:variable" reference; skipped`, line);
      continue;
    }
    const evidence = src.evidence('langgraph.unit.graph', line);
    if (!evidence) continue;
    const runs = trigger('user', null, `Runs when a client of the LangGraph API starts a run of "${name}"`, src.evidence('langgraph.trigger.platform', line)) ?? noTrigger('Served by LangGraph Platform');
    const unit: UnitFinding = newUnit('langgraph-graph', name, path, evidence, runs);
    if (target.file) unit.codePaths.push(posix.normalize(posix.join(posix.dirname(path), target.file)));
    else unit.runs.push(`${target.module}:${target.variable}`);
    unit.graphVariable = target.variable;
    if (envFile) unit.envFiles = [envFile];
    // The variables are every graph's: they are credentials, but a key name (OPENAI_API_KEY) says
    // nothing about which graph calls a model, so only the credentials and endpoints are kept.
    const facts = { credentials: unit.credentials, endpoints: unit.endpoints, capabilities: unit.capabilities, llm: [] };
    for (const [key, value] of entriesOf(inlineEnv)) recordEnvEntry(src, facts, { name: key, value: asText(value), line: doc.lineOf(['env', key]) });
    findings.units.push(unit);
  }
  return findings.units.length > 0 ? src.redactFindings(findings) : null;
}

/** "./src/agent/graph.py:graph" → the file; "agent.graph:graph" → the module. The variable is after the last colon. */
function graphTarget(written: string): { file: string | null; module: string | null; variable: string } | null {
  const colon = written.lastIndexOf(':');
  const location = (colon > 0 ? written.slice(0, colon) : written).trim();
  const variable = colon > 0 ? written.slice(colon + 1).trim() : 'graph';
  if (!location || !/^[A-Za-z_$][\w$]*$/.test(variable)) return null;
  if (/[/\\]|\.(py|[cm]?[jt]sx?)$/.test(location)) return { file: location.replace(/\\/g, '/'), module: null, variable };
  return /^[A-Za-z_][\w.]*$/.test(location) ? { file: null, module: location, variable } : null;
}
