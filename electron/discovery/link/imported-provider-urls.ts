import type { CodeFindings } from '../findings';
import type { CodeIndex } from './resolve-code';

/**
 * Raw HTTP calls to a URL constant another module defines (`requests.post(OPENAI_API_URL, …)` with
 * `from tools.config import OPENAI_API_URL`, the constant `"https://api.openai.com/v1/chat/completions"`)
 * are model calls, as a literal provider URL at the call is (code/llm-uses.ts): the file gets that
 * LLM use, and the call is no longer a fetch of a host the scan cannot name. So is a URL built on
 * such a constant (`f"{GEMINI_BASE}/models/{MODEL}:generateContent"`). A constant the scan
 * cannot read (another package, a computed value) leaves the call as it was.
 */
export function resolveImportedProviderUrls(files: readonly CodeFindings[], index: CodeIndex): void {
  for (const file of files) {
    for (const call of file.importedUrlCalls ?? []) {
      // A scan links twice over the same findings: the use may be there already.
      if (file.llm.some((use) => use.evidence.line === call.evidence.line && use.evidence.ruleId === call.evidence.ruleId)) continue;
      const dot = call.constant.lastIndexOf('.');
      const module = index.resolveImport(call.constant.slice(0, dot), file.path);
      const target = module ? index.get(module)?.providerUrls?.[call.constant.slice(dot + 1)] : undefined;
      if (!target) continue;
      file.llm.push({ provider: target.provider, sdk: `${call.sdk} ${target.url}${call.path ?? ''}`, models: [], evidence: call.evidence });
      file.capabilities = file.capabilities.filter((capability) => capability.kind !== 'outbound-network' || capability.evidence.line !== call.evidence.line);
    }
  }
}
