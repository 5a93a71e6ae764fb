import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import { resourcesDir } from '../../resources-dir';
import type { RuleBase } from './rule';

const RulePackFile = z.object({
  rules: z.array(
    z.looseObject({
      id: z.string(),
      description: z.string(),
      languages: z.array(z.string()),
      confidence: z.number(),
      category: z.string(),
    }),
  ),
});

/** Rule files in resources/rules that are not discovery packs (another shape, another engine). */
const NOT_DISCOVERY_PACKS = new Set(['data-sources.json']);

let cached: RuleBase[] | null = null;

/** Every rule of every shipped discovery pack (resources/rules/*.json), for people to read and toggle. */
export function ruleCatalog(): RuleBase[] {
  if (cached) return cached;
  const dir = join(resourcesDir(), 'rules');
  cached = readdirSync(dir)
    .filter((f) => f.endsWith('.json') && !NOT_DISCOVERY_PACKS.has(f))
    .sort()
    .flatMap((file) =>
      RulePackFile.parse(JSON.parse(readFileSync(join(dir, file), 'utf8'))).rules.map(({ id, description, languages, confidence, category }) => ({
        id,
        description,
        languages,
        confidence,
        category: category as RuleBase['category'],
      })),
    );
  return cached;
}
