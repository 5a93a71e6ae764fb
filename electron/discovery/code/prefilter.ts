import { escapeRegExp } from './glob';
import { NPM_CDN_PREFIX_SOURCE, PACKAGE_VERSION_SOURCE } from './module-specifiers';
import type { CodeRuleJson, RuleLanguage } from './rules';

/**
 * The cheap gate before parsing: a file is parsed only if it imports a module an LLM or agent
 * framework rule names, or contains an extra `prefilter` signal of any rule. Built from the
 * rule pack, so a new SDK widens the gate with no code change. The patterns use only syntax
 * JavaScript and ripgrep read alike (one line at a time, `^` = line start), so the benchmark
 * can time `rg` over the same tree with the same patterns.
 */
export function prefilterSource(language: RuleLanguage, rules: readonly CodeRuleJson[]): string | null {
  const gating = rules.filter((rule) => rule.category === 'llm' || rule.category === 'framework');
  const modules = [...new Set(gating.flatMap((rule) => ('modules' in rule && rule.modules) || []))];
  // Any rule may name extra signals: an MCP client helper (`from mcp.client.sse import sse_client`)
  // uses no model but holds the URL or command that ties its agent to a server.
  const extra = [...new Set(rules.flatMap((rule) => rule.prefilter ?? []))];
  const alternatives = [...(modules.length > 0 ? [language === 'python' ? pythonImportPattern(modules) : scriptImportPattern(modules)] : []), ...extra];
  return alternatives.length > 0 ? alternatives.join('|') : null;
}

/** `import openai`, `from langchain_openai import ...`, `import json, openai`, `from google import genai`. */
function pythonImportPattern(modules: string[]): string {
  const alternatives = modules.flatMap((module) => {
    const full = moduleFragment(module, '[\\w.]*');
    const dot = module.lastIndexOf('.');
    const last = module.slice(dot + 1);
    // `from google import genai` for the module google.genai.
    return dot > 0 && !last.includes('*') ? [full, `${moduleFragment(module.slice(0, dot), '[\\w.]*')}[ \\t]+import\\b.*\\b${moduleFragment(last, '')}\\b`] : [full];
  });
  return `^[ \\t]*(?:from|import)[ \\t]+(?:[\\w.]+[ \\t]*,[ \\t]*)*(?:${alternatives.join('|')})\\b`;
}

/**
 * `from 'openai'`, `from "@ai-sdk/openai"`, `require('ai')`, `import('@mastra/core/agent')`, `import 'x'`,
 * and Deno's `from 'https://esm.sh/ai@4.2.6'` / `from 'npm:openai@4'` (see module-specifiers.ts).
 */
function scriptImportPattern(modules: string[]): string {
  const alternatives = modules.map((module) => moduleFragment(module, `[^'"\\n]*`));
  return `(?:from|import|require\\(|import\\()[ \\t]*['"]${NPM_CDN_PREFIX_SOURCE}(?:${alternatives.join('|')})${PACKAGE_VERSION_SOURCE}['"/]`;
}

/** A module glob as a regex fragment: `*` becomes `wildcard`, `{a,b}` an alternation. */
function moduleFragment(module: string, wildcard: string): string {
  return module
    .split(/(\*|\{[^{}]*\})/)
    .map((part) => {
      if (part === '*') return wildcard;
      if (part.startsWith('{') && part.endsWith('}')) return `(?:${part.slice(1, -1).split(',').map(escapeRegExp).join('|')})`;
      return escapeRegExp(part);
    })
    .join('');
}
