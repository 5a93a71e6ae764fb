import { osvReader } from '../advisories/osv-reader';
import { iamReader } from '../iam/iam-readers';
import { manifestReader } from '../manifest/manifest-reader';
import { registryReader } from '../registry/registry-reader';
import type { ImportReader } from './import-reader';
import { usageReader } from '../usage/usage-reader';
import { productiveUnitsReader } from '../usage/productive-units-reader';

/**
 * Every format the app imports, in detection order: LLM usage (streamed, recognised from the
 * first 64 KB), the IAM exports (recognised by their own fields), productive unit counts (a CSV
 * with their five columns), agents manifests (YAML with our apiVersion/kind header: before the
 * registry, which takes any text with a comma in its first line), then registry spreadsheets (any other CSV or workbook), then OSV
 * advisories (any other zip). A format is added here and nowhere else.
 */
export const IMPORT_READERS: ReadonlyArray<ImportReader> = [usageReader, iamReader, productiveUnitsReader, manifestReader, registryReader, osvReader] as unknown as ReadonlyArray<ImportReader>;
