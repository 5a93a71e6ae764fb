import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import { CLOUD_PROVIDERS, DATA_SOURCE_KINDS, type CloudProvider, type DataSourceFact, type DataSourceKind, type Environment, type Sensitivity } from '../../shared/iam';
import { resourcesDir } from '../resources-dir';

/*
 * Environment and sensitivity of a data source, from editable rules (resources/rules/data-sources.json).
 * Rules run in `order`; for each of the two answers the first rule that matches and sets it
 * decides, so tags (what the owner wrote) come before names (what we guess), and within names the
 * most sensitive level comes first. A person's own classification overrides both, elsewhere.
 */

type KnownEnvironment = Exclude<Environment, 'unknown'>;
type KnownSensitivity = Exclude<Sensitivity, 'unknown'>;

/** A rule ready to run: regexes compiled, word phrases split into tokens. */
export interface DataSourceRule {
  id: string;
  description: string;
  order: number;
  match: {
    /** Both anchored, case-insensitive: a tag whose key and value match. */
    tag?: { key: RegExp; value: RegExp };
    /** Phrases as lower-case tokens: the name has these tokens in a row (the last may be plural). */
    words?: string[][];
    /** Case-insensitive, on the key as written. */
    pattern?: RegExp;
    kinds?: DataSourceKind[];
    providers?: CloudProvider[];
  };
  set: { environment?: KnownEnvironment; sensitivity?: KnownSensitivity };
}

export interface DataSourceClassification {
  environment: Environment;
  sensitivity: Sensitivity;
  /** What decided each answer and the rule id ("tag env=prod (data-source.environment.tag-prod)"); '' when nothing matched. */
  because: { environment: string; sensitivity: string };
}

function compiles(source: string): boolean {
  try {
    new RegExp(source, 'i');
    return true;
  } catch {
    return false;
  }
}
const RegexSource = z.string().min(1).refine(compiles, 'not a valid regular expression');

const RuleJson = z.object({
  id: z.string().regex(/^[a-z0-9-]+(\.[a-z0-9-]+)+$/, 'expected a dotted lower-case id such as "data-source.sensitivity.name-restricted"'),
  description: z.string().min(1),
  order: z.number().int(),
  match: z
    .object({
      tag: z.object({ key: RegexSource, value: RegexSource }).strict().optional(),
      words: z.array(z.string().regex(/^[a-z0-9]+( [a-z0-9]+)*$/, 'expected lower-case words separated by single spaces')).min(1).optional(),
      pattern: RegexSource.optional(),
      kinds: z.array(z.enum(DATA_SOURCE_KINDS)).min(1).optional(),
      providers: z.array(z.enum(CLOUD_PROVIDERS)).min(1).optional(),
    })
    .strict()
    .refine((m) => m.tag !== undefined || m.words !== undefined || m.pattern !== undefined || m.kinds !== undefined, 'match needs at least one of tag, words, pattern or kinds'),
  set: z
    .object({ environment: z.enum(['prod', 'staging', 'dev']).optional(), sensitivity: z.enum(['public', 'internal', 'confidential', 'restricted']).optional() })
    .strict()
    .refine((s) => s.environment !== undefined || s.sensitivity !== undefined, 'set needs environment or sensitivity'),
});

const RulesJson = z.object({ rules: z.array(RuleJson) }).superRefine((file, issue) => {
  const seen = new Set<string>();
  file.rules.forEach((rule, index) => {
    if (seen.has(rule.id)) issue.addIssue({ code: 'custom', message: `duplicate rule id ${rule.id}`, path: ['rules', index, 'id'] });
    seen.add(rule.id);
  });
});

/** Validates the rules file (`{ "rules": [...] }`) and returns its rules in the order they run. */
export function loadDataSourceRules(json: unknown): DataSourceRule[] {
  const parsed = RulesJson.safeParse(json);
  if (!parsed.success) throw new Error(`invalid data source rules: ${z.prettifyError(parsed.error)}`);
  const rules = parsed.data.rules.map(
    (rule): DataSourceRule => ({
      id: rule.id,
      description: rule.description,
      order: rule.order,
      match: {
        ...(rule.match.tag ? { tag: { key: new RegExp(`^(?:${rule.match.tag.key})$`, 'i'), value: new RegExp(`^(?:${rule.match.tag.value})$`, 'i') } } : {}),
        ...(rule.match.words ? { words: rule.match.words.map((phrase) => phrase.split(' ')) } : {}),
        ...(rule.match.pattern ? { pattern: new RegExp(rule.match.pattern, 'i') } : {}),
        ...(rule.match.kinds ? { kinds: rule.match.kinds } : {}),
        ...(rule.match.providers ? { providers: rule.match.providers } : {}),
      },
      set: rule.set,
    }),
  );
  // Array.prototype.sort is stable: rules with the same order keep the file's order.
  return rules.sort((a, b) => a.order - b.order);
}

export function readBundledDataSourceRules(): DataSourceRule[] {
  return loadDataSourceRules(JSON.parse(readFileSync(join(resourcesDir(), 'rules', 'data-sources.json'), 'utf8')));
}

/**
 * The part of a key that names the resource. For an ARN: after the account, without the
 * resource type ("table/", "secret:", "key/") and Secrets Manager's random suffix, so
 * "arn:aws:secretsmanager:…:secret:prod/db-AbC1x2" reads as "prod/db", not as a "secret" named
 * with random letters.
 */
function resourcePartOf(key: string, service: string): string {
  const arn = /^arn:[^:]*:([^:]*):[^:]*:[^:]*:(.*)$/.exec(key);
  if (!arn) return key;
  const arnService = arn[1]!;
  let resource = arn[2]!;
  if (!['s3', 'sqs', 'sns'].includes(arnService)) resource = resource.replace(/^[a-z][a-z-]*[/:](?=.)/, '');
  if (arnService === 'secretsmanager' || service === 'secretsmanager') resource = resource.replace(/-[A-Za-z0-9]{6}$/, '');
  return resource;
}

/** Lower-case words of a name: split at anything not a letter or digit, at camelCase humps and between letters and digits. */
export function nameTokens(text: string): string[] {
  return text
    .replace(/(?<=[a-z])(?=[A-Z])|(?<=[A-Z])(?=[A-Z][a-z])|(?<=[A-Za-z])(?=[0-9])|(?<=[0-9])(?=[A-Za-z])/g, ' ')
    .toLowerCase()
    .split(/[^a-z0-9]+/)
    .filter((t) => t !== '');
}

function sameWord(token: string, word: string, last: boolean): boolean {
  return token === word || (last && (token === `${word}s` || token === `${word}es`));
}

/** The phrase as it appears in the name ("statements", "pre prod"), or null. */
function findPhrase(tokens: string[], phrase: string[]): string | null {
  for (let i = 0; i + phrase.length <= tokens.length; i++) {
    if (phrase.every((word, j) => sameWord(tokens[i + j]!, word, j === phrase.length - 1))) return tokens.slice(i, i + phrase.length).join(' ');
  }
  return null;
}

/** Why `rule` matches `ds` ("name contains 'kyc'"), or null when it does not. */
function matchReason(rule: DataSourceRule, ds: DataSourceFact, tokens: string[]): string | null {
  const { tag, words, pattern, kinds, providers } = rule.match;
  if (providers && !providers.includes(ds.provider)) return null;
  if (kinds && !kinds.includes(ds.kind)) return null;
  const reasons: string[] = [];
  if (tag) {
    const found = Object.entries(ds.tags).find(([key, value]) => tag.key.test(key.trim()) && tag.value.test(value.trim()));
    if (!found) return null;
    reasons.push(`tag ${found[0]}=${found[1]}`);
  }
  if (words) {
    let found: string | null = null;
    for (const phrase of words) if ((found = findPhrase(tokens, phrase)) !== null) break;
    if (found === null) return null;
    reasons.push(`name contains '${found}'`);
  }
  if (pattern) {
    if (!pattern.test(ds.key)) return null;
    reasons.push(`key matches /${pattern.source}/`);
  }
  if (reasons.length === 0 && kinds) reasons.push(`kind ${ds.kind}`);
  return reasons.join(', ');
}

export function classifyDataSource(ds: DataSourceFact, rules: readonly DataSourceRule[]): DataSourceClassification {
  // '' between the two keeps a phrase from spanning the end of the name and the start of the key.
  const tokens = [...nameTokens(ds.name), '', ...nameTokens(resourcePartOf(ds.key, ds.service))];
  const result: DataSourceClassification = { environment: 'unknown', sensitivity: 'unknown', because: { environment: '', sensitivity: '' } };
  for (const rule of rules) {
    const wantsEnvironment = rule.set.environment !== undefined && result.environment === 'unknown';
    const wantsSensitivity = rule.set.sensitivity !== undefined && result.sensitivity === 'unknown';
    if (!wantsEnvironment && !wantsSensitivity) continue;
    const reason = matchReason(rule, ds, tokens);
    if (reason === null) continue;
    const because = `${reason} (${rule.id})`;
    if (wantsEnvironment) {
      result.environment = rule.set.environment!;
      result.because.environment = because;
    }
    if (wantsSensitivity) {
      result.sensitivity = rule.set.sensitivity!;
      result.because.sensitivity = because;
    }
  }
  return result;
}
