import type { CodeModel, Scope } from './code-model';
import { isWithin } from './finding-context';
import type { ToolAnalysis } from './tools';

/**
 * How many calls deep a tool's same-file helpers are followed: `tool → run_query → _execute`
 * is common; deeper chains are rare and the guesses (calls are matched by name) get worse.
 */
export const MAX_HELPER_DEPTH = 3;

/**
 * A tool that calls a helper defined in the same file (`helper(...)`, `self.helper(...)`,
 * `this.helper(...)`) also has the helper's capabilities: the copy names the tool and says
 * "via helper()", the evidence stays where the capability is. Helpers are matched by name, so
 * two same-named functions in one file both count. Calls into other modules are not followed
 * here; the linker joins files through `localImports`.
 */
export function inheritFromHelpers<F extends ToolFinding>(model: CodeModel, tools: ToolAnalysis, findings: ReadonlyArray<Scoped<F>>): F[] {
  const inherited: F[] = [];
  for (const [tool, helpers] of helpersOfTools(model, tools)) {
    for (const helper of helpers) {
      for (const { finding, scope } of findings) {
        if (finding.tool !== tool && isWithin(scope, helper)) inherited.push({ ...finding, detail: `${finding.detail} (via ${helper.name}())`, tool });
      }
    }
  }
  return inherited;
}

/** A finding tied to a tool (a capability, an untrusted input), with the scope it was seen in. */
export interface ToolFinding {
  detail: string;
  tool: string | null;
}
export interface Scoped<F extends ToolFinding> {
  finding: F;
  scope: Scope;
}

/** Each tool's same-file helpers, followed MAX_HELPER_DEPTH calls deep. */
export function helpersOfTools(model: CodeModel, tools: ToolAnalysis): Map<string, Set<Scope>> {
  const functionsByName = new Map<string, Scope[]>();
  for (const scope of model.scopes) {
    if (scope.kind === 'function' && scope.name) functionsByName.set(scope.name, [...(functionsByName.get(scope.name) ?? []), scope]);
  }
  const byTool = new Map<string, Set<Scope>>();
  for (const tool of tools.tools) {
    const reached = new Set<Scope>();
    let frontier = calledNames(model, (scope) => tools.toolOfScope(scope) === tool.name);
    for (let depth = 0; depth < MAX_HELPER_DEPTH && frontier.size > 0; depth++) {
      const helpers = [...frontier].flatMap((name) => functionsByName.get(name) ?? []).filter((helper) => !reached.has(helper) && tools.toolOfScope(helper) !== tool.name);
      for (const helper of helpers) reached.add(helper);
      frontier = calledNames(model, (scope) => helpers.some((helper) => isWithin(scope, helper)));
    }
    byTool.set(tool.name, new Set([...(byTool.get(tool.name) ?? []), ...reached]));
  }
  return byTool;
}

function calledNames(model: CodeModel, inScope: (scope: Scope) => boolean): Set<string> {
  return new Set(model.calls.filter((call) => call.localName !== null && inScope(call.scope)).map((call) => call.localName as string));
}

/**
 * Drops the unattributed copy of a finding made in a helper that only tools call: the tools that
 * call it carry it ("via helper()"), and a tool no agent is given grants nothing, so the helper's
 * finding must not reach every item that imports the file as if module-level code ran it. A
 * helper also called from code outside the tools (a `main()`, the module itself) keeps it.
 */
export function withoutToolOnlyHelpers<F extends ToolFinding>(model: CodeModel, tools: ToolAnalysis, findings: ReadonlyArray<Scoped<F>>): Array<Scoped<F>> {
  if (tools.tools.length === 0) return [...findings];
  const helpers = new Set([...helpersOfTools(model, tools).values()].flatMap((set) => [...set]));
  if (helpers.size === 0) return [...findings];
  const inToolCode = (scope: Scope) => tools.toolOfScope(scope) !== null || [...helpers].some((helper) => isWithin(scope, helper));
  const calledOutside = calledNames(model, (scope) => !inToolCode(scope));
  const toolOnly = [...helpers].filter((helper) => !calledOutside.has(helper.name));
  return findings.filter(({ finding, scope }) => finding.tool !== null || !toolOnly.some((helper) => isWithin(scope, helper)));
}
