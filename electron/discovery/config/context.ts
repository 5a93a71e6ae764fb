import type { FingerprintKey } from '../secret-fingerprint';
import type { ConfigRulePack } from './rules';

/** What every configuration analyzer needs besides the file: the rule pack, the rules a workspace turned off, and the workspace's key for secret fingerprints. */
export interface ConfigScanOptions {
  rules: ConfigRulePack;
  disabledRuleIds: ReadonlySet<string>;
  fingerprintKey: FingerprintKey;
}

export interface ConfigContext extends ConfigScanOptions {
  /** A problem that loses part of a file (one bad document of several) but not all of it. */
  warn(message: string, line?: number): void;
}

/**
 * The file is in a format we analyse but cannot be read as one (bad syntax, too deep, an alias
 * bomb). Analyzers throw it; `analyzeConfigFile` turns it into a warning for that file.
 */
export class ConfigSyntaxError extends Error {
  constructor(
    message: string,
    readonly line: number | null = null,
  ) {
    super(message);
    this.name = 'ConfigSyntaxError';
  }
}

/** What went wrong reading a file, in words for its warning. */
export function describeProblem(error: unknown): string {
  if (error instanceof ConfigSyntaxError) return error.message;
  if (error instanceof RangeError) return 'nested too deeply to read';
  // An analyzer bug must not stop a scan of thousands of files; the warning still names it.
  return `could not be analysed: ${error instanceof Error ? error.message : String(error)}`;
}
