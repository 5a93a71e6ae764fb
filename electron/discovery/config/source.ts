import type { Evidence } from '../../../shared/discovery';
import { makeEvidence, redactSecrets, snippetOf } from '../evidence';
import type { ConfigFindings } from '../findings';
import { fingerprintSecret } from '../secret-fingerprint';
import { maskSecret } from '../secret-shapes';
import type { ConfigContext } from './context';

/**
 * One configuration file as analyzers see it: its lines, offset→line lookup, and the only way
 * they make evidence, so every snippet is redacted and every finding names a rule of the pack.
 */
export class ConfigSource {
  readonly lines: string[];
  private readonly lineStarts: number[] = [0];
  private readonly secrets = new Set<string>();
  private readonly issued: Array<{ evidence: Evidence; text: string }> = [];

  constructor(
    readonly path: string,
    readonly text: string,
    private readonly ctx: ConfigContext,
  ) {
    this.lines = text.split(/\r?\n|\r/);
    for (let i = 0; i < text.length; i++) {
      const ch = text.charCodeAt(i);
      if (ch === 10 || (ch === 13 && text.charCodeAt(i + 1) !== 10)) this.lineStarts.push(i + 1);
    }
  }

  /** The directory of the file, relative to the scanned root ('' at the root). */
  get dir(): string {
    const slash = this.path.lastIndexOf('/');
    return slash < 0 ? '' : this.path.slice(0, slash);
  }

  /** 1-based line of a character offset. */
  lineOf(offset: number): number {
    let low = 0;
    let high = this.lineStarts.length - 1;
    while (low < high) {
      const mid = (low + high + 1) >> 1;
      if (this.lineStarts[mid]! <= offset) low = mid;
      else high = mid - 1;
    }
    return low + 1;
  }

  lineText(line: number): string {
    return this.lines[line - 1] ?? '';
  }

  /** First line at or after `from` (1-based) whose text matches, or 0. */
  findLine(pattern: RegExp, from = 1, to = this.lines.length): number {
    for (let line = Math.max(1, from); line <= to; line++) if (pattern.test(this.lines[line - 1]!)) return line;
    return 0;
  }

  /** First line at or after `from` that contains `needle`, or 0. */
  lineContaining(needle: string, from = 1): number {
    for (let line = Math.max(1, from); line <= this.lines.length; line++) if (this.lines[line - 1]!.includes(needle)) return line;
    return 0;
  }

  /** Evidence at a line (the line's text as snippet), or null when the workspace turned the rule off. */
  evidence(ruleId: string, line: number, text = this.lineText(line)): Evidence | null {
    const rule = this.ruleOf(ruleId);
    if (this.ctx.disabledRuleIds.has(ruleId)) return null;
    const evidence = makeEvidence(this.path, line, this.masked(text), ruleId, rule.confidence);
    this.issued.push({ evidence, text });
    return evidence;
  }

  /** A secret value's fingerprint under the workspace key: the only form in which it leaves the analyzer. */
  fingerprint(value: string): string {
    return fingerprintSecret(value, this.ctx.fingerprintKey);
  }

  /**
   * Remembers a literal secret so no snippet of this file shows it, including snippets made
   * before it was recognised: a password is only known to be one from its key, often lines away.
   */
  noteSecret(value: string): void {
    if (this.secrets.has(value)) return;
    this.secrets.add(value);
    for (const entry of this.issued) if (entry.text.includes(value)) entry.evidence.snippet = snippetOf(this.masked(entry.text));
  }

  /**
   * The last step of every analyzer: commands, names and server entries are copied from the file
   * as written, so they get the same redaction as snippets before they leave.
   */
  redactFindings(findings: ConfigFindings): ConfigFindings {
    const redact = (text: string) => redactSecrets(this.masked(text));
    for (const unit of findings.units) {
      unit.name = redact(unit.name);
      unit.runs = unit.runs.map(redact);
      // Triggers can be shared between units (one workflow, many jobs): replace, never mutate.
      unit.trigger = { ...unit.trigger, schedule: unit.trigger.schedule && redact(unit.trigger.schedule), description: redact(unit.trigger.description) };
      for (const capability of unit.capabilities) capability.detail = redact(capability.detail);
      for (const tool of unit.tools ?? []) if (tool.description) tool.description = redact(tool.description);
      for (const server of unit.mcpServers ?? []) {
        server.command = server.command && redact(server.command);
        server.args = server.args.map(redact);
        server.url = server.url && redact(server.url);
      }
    }
    return findings;
  }

  warn(message: string, line?: number): void {
    this.ctx.warn(message, line);
  }

  private masked(text: string): string {
    let out = text;
    for (const secret of this.secrets) out = out.split(secret).join(maskSecret(secret));
    return out;
  }

  private ruleOf(ruleId: string) {
    const rule = this.ctx.rules.get(ruleId);
    // A finding without a rule in the pack could not be explained or turned off: a bug, not bad input.
    if (!rule) throw new Error(`rule ${ruleId} is not in the configuration rule pack`);
    return rule;
  }
}
