import { existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { BackendError } from '../../shared/errors';
import { fileErrorReason } from '../store/file-error-reason';

/** What the engine's folder for files waiting to be taken is called in the system's temp folder. */
export const SCRATCH_FOLDER_PREFIX = 'agent-triage-files-';

/**
 * The engine's own folder for files its jobs write before a host takes them: export files and
 * printed PDFs. It is made on first use, so an engine that exports nothing makes none, and it is
 * removed with whatever is left in it (a file nobody took, a half-written one from a worker that
 * was stopped) when the engine closes, so nothing of a run outlives the process that made it.
 *
 * A process that was killed (SIGKILL, a crash, a power cut) cannot remove its folder: the folder's
 * name holds its process id, and the next engine to make one removes the folders of processes that
 * no longer run. Those may hold exports and report files: nothing else ever reads them.
 */
export class ScratchFolder {
  private dir: string | null = null;

  /** A new place in the folder for a file called `name` (nothing is created there). */
  path(name: string): string {
    // Made again when gone: a temp cleaner may empty /tmp under an app left open for days.
    if (this.dir === null || !existsSync(this.dir)) {
      try {
        removeFoldersOfEndedProcesses();
        this.dir = mkdtempSync(join(tmpdir(), `${SCRATCH_FOLDER_PREFIX}${process.pid}-`));
      } catch (err) {
        throw new BackendError('internal', `No file can be made: the temp folder ${tmpdir()} cannot be written to (${fileErrorReason(err)}). Free some space there, or start the app with TMPDIR (TEMP on Windows) set to a folder you can write to, and try again.`);
      }
    }
    return join(this.dir, name);
  }

  remove(): void {
    if (this.dir) rmSync(this.dir, { recursive: true, force: true });
    this.dir = null;
  }
}

/** `agent-triage-files-<pid>-<random>`: folders of engines from before the id was in the name are left alone. */
const OWNED_FOLDER = new RegExp(`^${SCRATCH_FOLDER_PREFIX}(\\d+)-`);

function removeFoldersOfEndedProcesses(): void {
  let names: string[];
  try {
    names = readdirSync(tmpdir());
  } catch {
    return; // Making the folder reports the temp folder's problem.
  }
  for (const name of names) {
    const pid = Number(OWNED_FOLDER.exec(name)?.[1]);
    if (!pid || pid === process.pid || isRunning(pid)) continue;
    try {
      rmSync(join(tmpdir(), name), { recursive: true, force: true });
    } catch {
      // Another user's folder in a shared temp folder, or one being removed by its owner's successor: not ours to insist on.
    }
  }
}

/** Signal 0 only asks whether the process exists; a process of another user exists too (EPERM). */
function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}
