import { osvReader } from '../advisories/osv-reader';
import { iamReader } from '../iam/iam-readers';
import { registryReader } from '../registry/registry-reader';
import type { ImportReader } from './import-reader';

/**
 * Every format the app imports, in detection order: the IAM exports (recognised by their own
 * fields), then registry spreadsheets, then OSV advisories (any other zip). A format is added
 * here and nowhere else.
 */
export const IMPORT_READERS: ReadonlyArray<ImportReader> = [iamReader, registryReader, osvReader] as unknown as ReadonlyArray<ImportReader>;
