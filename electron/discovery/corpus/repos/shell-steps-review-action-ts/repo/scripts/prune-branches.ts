// Deletes merged branches older than 30 days. Run by hand; never from CI.
import { execFileSync } from 'node:child_process';

const merged = execFileSync('git', ['branch', '-r', '--merged', 'origin/main'], { encoding: 'utf8' }).split('\n').map((b) => b.trim()).filter(Boolean);
for (const branch of merged) {
  if (branch.endsWith('/main')) continue;
  execFileSync('git', ['push', 'origin', '--delete', branch.replace(/^origin\//, '')]);
}
