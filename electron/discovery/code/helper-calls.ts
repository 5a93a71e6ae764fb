import type { CapabilityFinding } from '../../../shared/discovery';
import type { ScopedCapability } from './capabilities';
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
export function inheritFromHelpers(model: CodeModel, tools: ToolAnalysis, capabilities: readonly ScopedCapability[]): CapabilityFinding[] {
  const functionsByName = new Map<string, Scope[]>();
  for (const scope of model.scopes) {
    if (scope.kind === 'function' && scope.name) functionsByName.set(scope.name, [...(functionsByName.get(scope.name) ?? []), scope]);
  }
  const inherited: CapabilityFinding[] = [];
  for (const tool of tools.tools) {
    const reached = new Set<Scope>();
    let frontier = calledNames(model, (scope) => tools.toolOfScope(scope) === tool.name);
    for (let depth = 0; depth < MAX_HELPER_DEPTH && frontier.size > 0; depth++) {
      const helpers = [...frontier].flatMap((name) => functionsByName.get(name) ?? []).filter((helper) => !reached.has(helper) && tools.toolOfScope(helper) !== tool.name);
      for (const helper of helpers) reached.add(helper);
      frontier = calledNames(model, (scope) => helpers.some((helper) => isWithin(scope, helper)));
    }
    for (const helper of reached) {
      for (const { finding, scope } of capabilities) {
        if (finding.tool !== tool.name && isWithin(scope, helper)) inherited.push({ ...finding, detail: `${finding.detail} (via ${helper.name}())`, tool: tool.name });
      }
    }
  }
  return inherited;
}

function calledNames(model: CodeModel, inScope: (scope: Scope) => boolean): Set<string> {
  return new Set(model.calls.filter((call) => call.localName !== null && inScope(call.scope)).map((call) => call.localName as string));
}
