import { readFileSync, readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';
import { TRIGGER_KINDS } from '../../../shared/agent';
import { AGENT_LINK_RELATIONS, CAPABILITY_KINDS, UNIT_KINDS, UNTRUSTED_INPUT_KINDS } from '../../../shared/discovery';

/** One labelled agent (or LLM call) of a corpus repo; see README.md for the labelling rules. */
export const ExpectedAgent = z.strictObject({
  unitKind: z.enum(UNIT_KINDS),
  /** The unit's name as the config names it (README.md: "Unit names"). */
  name: z.string().min(1),
  /** The config (or, for code-entry-point, code) file that declares the unit, relative to repo/. */
  path: z.string().min(1),
  /** 'example' is never labelled: examples are not counted, list their paths in notAgents. */
  classification: z.enum(['agent', 'llm-call', 'mcp-server', 'remote-caller']),
  trigger: z.enum(TRIGGER_KINDS),
  frameworks: z.array(z.string().min(1)),
  providers: z.array(z.string().min(1)),
  /** The union over all code the unit runs. */
  capabilities: z.array(z.enum(CAPABILITY_KINDS)),
  /** The kinds of outside content it reads, from its code and its trigger (README.md: "Untrusted inputs"); none when left out. */
  untrustedInputs: z.array(z.enum(UNTRUSTED_INPUT_KINDS)).default([]),
  /** Other labelled items it is tied to, by their unit name, read "the other item is my …" (README.md: "Links"); none when left out. */
  links: z.array(z.strictObject({ name: z.string().min(1), relation: z.enum(AGENT_LINK_RELATIONS) })).default([]),
});
export type ExpectedAgent = z.infer<typeof ExpectedAgent>;

export const CorpusExpectation = z.strictObject({
  description: z.string().min(1),
  agents: z.array(ExpectedAgent),
  /** Paths that must not be the unit path of any counted candidate. */
  notAgents: z.array(z.string().min(1)),
});
export type CorpusExpectation = z.infer<typeof CorpusExpectation>;

export interface CorpusRepo {
  /** The folder name under repos/. */
  name: string;
  /** The tree to scan: repos/<name>/repo. */
  root: string;
  expected: CorpusExpectation;
}

export const CORPUS_REPOS_DIR = join(dirname(fileURLToPath(import.meta.url)), 'repos');

/** Every labelled repo, by name; a malformed expected.json fails with its path and the problem. */
export function loadCorpus(reposDir = CORPUS_REPOS_DIR): CorpusRepo[] {
  return readdirSync(reposDir, { withFileTypes: true })
    .filter((entry) => entry.isDirectory())
    .map((entry) => entry.name)
    .sort()
    .map((name) => {
      const file = join(reposDir, name, 'expected.json');
      const parsed = CorpusExpectation.safeParse(JSON.parse(readFileSync(file, 'utf8')));
      if (!parsed.success) throw new Error(`${file}: ${z.prettifyError(parsed.error)}`);
      return { name, root: join(reposDir, name, 'repo'), expected: parsed.data };
    });
}
