/**
 * A rule is data: it lives in a JSON rule pack under resources/rules/ (one file per analyzer
 * family) and every finding names the rule that produced it, so a person can read why the
 * scanner thinks so and turn a noisy rule off for a workspace.
 */
export interface RuleBase {
  /** Stable id, "<language or format>.<category>.<name>", e.g. "py.capability.subprocess". */
  id: string;
  description: string;
  /** Languages or formats it applies to: python, typescript, javascript, github-actions, kubernetes, terraform, mcp, lockfile, ... */
  languages: string[];
  /** 0..1, before lowering for tests/docs/examples. */
  confidence: number;
  category: 'llm' | 'framework' | 'tool' | 'capability' | 'credential' | 'endpoint' | 'guardrail' | 'untrusted-input' | 'trigger' | 'unit' | 'package' | 'entry-point' | 'remote-agent';
}
