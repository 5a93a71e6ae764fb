import { unzipSync } from 'fflate';
import { BackendError } from '../../shared/errors';

/** Far above osv.dev's largest ecosystem zip, far below what would exhaust memory. */
const ZIP_LIMITS = { maxEntries: 200_000, maxUncompressedBytes: 500 * 1024 * 1024 };

/**
 * Hands each .json entry of a zip to `onEntry`, decoded, one at a time so that only one entry's
 * text is alive beside the inflated bytes. The central directory is read first and the archive
 * refused before anything is inflated when it claims too many entries or too many bytes. The
 * claims are also the ceiling: fflate inflates each entry into a buffer of its declared size, so
 * an entry that lies about its size is cut short (and then fails as JSON), never grown.
 */
export function forEachJsonZipEntry(fileName: string, bytes: Uint8Array, onEntry: (name: string, text: string) => void): void {
  const isJson = (name: string) => name.toLowerCase().endsWith('.json') && !name.endsWith('/');
  let entries = 0;
  let declaredBytes = 0;
  let files: Record<string, Uint8Array>;
  try {
    unzipSync(bytes, {
      filter: (entry) => {
        entries++;
        if (isJson(entry.name)) declaredBytes += Math.max(entry.size, entry.originalSize);
        // Stop counting early: a forged directory can claim billions of entries.
        if (entries > ZIP_LIMITS.maxEntries) throw new ZipLimitError(`has more than ${ZIP_LIMITS.maxEntries.toLocaleString('en-US')} entries`);
        return false;
      },
    });
    if (declaredBytes > ZIP_LIMITS.maxUncompressedBytes) {
      throw new ZipLimitError(`would unpack to ${megabytes(declaredBytes)} of JSON, over the ${megabytes(ZIP_LIMITS.maxUncompressedBytes)} limit`);
    }
    files = unzipSync(bytes, { filter: (entry) => isJson(entry.name) });
  } catch (error) {
    if (error instanceof ZipLimitError) {
      throw new BackendError('import-invalid', `${fileName} ${error.message}; refusing to unpack it (a zip bomb or not an OSV export). Split it or import the ecosystem's own zip.`);
    }
    throw new BackendError('import-invalid', `${fileName} is not a readable zip archive (${(error as Error).message}); it may be truncated or damaged. Download it again.`);
  }
  const decoder = new TextDecoder();
  for (const name of Object.keys(files)) {
    const text = decoder.decode(files[name]!);
    delete files[name];
    onEntry(name, text);
  }
}

class ZipLimitError extends Error {}

function megabytes(bytes: number): string {
  return `${Math.round(bytes / 1024 / 1024).toLocaleString('en-US')} MB`;
}
