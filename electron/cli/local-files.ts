import { randomBytes } from 'node:crypto';
import { readFile, rename, rm, writeFile } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { fileErrorReason } from '../store/file-error-reason';
import { CliError } from './command';

/** Reads a file named on the command line; a missing or unreadable file is a one-line error naming it. */
export async function readFileArg(path: string): Promise<Buffer> {
  try {
    return await readFile(path);
  } catch (err) {
    throw new CliError('not-found', `Cannot read ${path}: ${fileErrorReason(err)}.`);
  }
}

/**
 * Writes a file named on the command line (--out) all at once: into a temporary file beside it,
 * then renamed over it, so a reader (a proxy reloading its config) never sees half a file and a
 * failed run leaves the old file as it was.
 */
export async function writeFileAtomicallyArg(path: string, bytes: Uint8Array): Promise<void> {
  const temp = join(dirname(path), `.${basename(path)}.${randomBytes(6).toString('hex')}.tmp`);
  try {
    await writeFile(temp, bytes, { flag: 'wx' });
    await rename(temp, path);
  } catch (err) {
    await rm(temp, { force: true }).catch(() => undefined);
    throw new CliError('invalid-input', `Cannot write ${path}: ${fileErrorReason(err)}. Nothing was written; name a file in a folder that exists and that you can write to (or free some space), and run it again.`);
  }
}
