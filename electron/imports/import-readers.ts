import { osvDetector } from '../advisories/osv-detector';
import { iamDetector } from '../iam/iam-detector';
import { manifestDetector } from '../manifest/manifest-detector';
import { registryDetector } from '../registry/registry-detector';
import type { ImportDetector, ImportFamily, ImportReader } from './import-reader';
import { usageDetector } from '../usage/usage-detector';
import { productiveUnitsDetector } from '../usage/productive-units-detector';

/** Loaded once a file is of the family: a registry CSV never loads the YAML parser or the IAM policy evaluators. */
const family = <D>(detector: ImportDetector, load: () => Promise<ImportReader<D>>): ImportFamily => ({ ...detector, load: load as () => Promise<ImportReader> });

/**
 * Every format the app imports, in detection order: LLM usage (streamed, recognised from the
 * first 64 KB), the IAM exports (recognised by their own fields), productive unit counts (a CSV
 * with their five columns), agents manifests (YAML with our apiVersion/kind header: before the
 * registry, which takes any text with a comma in its first line), then registry spreadsheets (any other CSV or workbook), then OSV
 * advisories (any other zip). A format is added here and nowhere else.
 */
export const IMPORT_FAMILIES: ReadonlyArray<ImportFamily> = [
  family(usageDetector, async () => (await import('../usage/usage-reader')).usageReader),
  family(iamDetector, async () => (await import('../iam/iam-readers')).iamReader),
  family(productiveUnitsDetector, async () => (await import('../usage/productive-units-reader')).productiveUnitsReader),
  family(manifestDetector, async () => (await import('../manifest/manifest-reader')).manifestReader),
  family(registryDetector, async () => (await import('../registry/registry-reader')).registryReader),
  family(osvDetector, async () => (await import('../advisories/osv-reader')).osvReader),
];
