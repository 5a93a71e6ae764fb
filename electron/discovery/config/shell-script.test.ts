import { describe, expect, it } from 'vitest';
import { codePathsInCommand, commandLines } from './commands';
import { shellCommands } from './shell-script';

describe('shellCommands', () => {
  it.each([
    ['if bun run ${GITHUB_ACTION_PATH}/src/entrypoints/run.ts; then\n  echo "ran"\nelse\n  exit 1\nfi', ['bun run ${GITHUB_ACTION_PATH}/src/entrypoints/run.ts', 'echo "ran"', 'exit 1']],
    ['if bun run ${{ github.action_path }}/src/format-turns.ts "${{ steps.run.outputs.file }}" >> $GITHUB_STEP_SUMMARY 2>/dev/null; then\n  echo ok\nfi', ['bun run ${{ github.action_path }}/src/format-turns.ts "${{ steps.run.outputs.file }}"', 'echo ok']],
    ['set -euo pipefail\npython agent.py', ['set -euo pipefail', 'python agent.py']],
    ['[ -n "$X" ] && node dist/index.js', ['node dist/index.js']],
    ['[[ -f .env ]] || timeout 600 python -m app.agent', ['timeout 600 python -m app.agent']],
    ['cd agent && uv run main.py', ['cd agent && uv run main.py']],
    ['until python poll.py; do\n  sleep 5\ndone', ['python poll.py', 'sleep 5']],
    ['while read -r id; do python triage.py "$id"; done < ids.txt', ['read -r id', 'python triage.py "$id"']],
    ['for f in jobs/*.py; do echo "$f"; done', ['echo "$f"']],
    ['OUT=$(cd "$REPO" && timeout 600 python3 scripts/digest.py --dry-run 2>&1)\necho "$OUT"', ['timeout 600 python3 scripts/digest.py --dry-run', 'OUT=$(cd "$REPO" && timeout 600 python3 scripts/digest.py --dry-run 2>&1)', 'echo "$OUT"']],
    ['bash -lc "cd worker && python run.py"', ['cd worker && python run.py']],
    ['python report.py \\\n  --since 1d \\\n  --to "#ops"', ['python report.py --since 1d --to "#ops"']],
  ])('%s', (script, texts) => {
    expect(commandLines(script)).toEqual(texts);
  });

  it('reads no command in comments, quoted text, heredoc bodies or tests', () => {
    const script = [
      '# python old_agent.py',
      'echo "python agent.py"',
      "printf 'node dist/index.js\\n'",
      'cat > run.sh <<EOF',
      'python heredoc_agent.py',
      'EOF',
      "python - <<'PY'",
      'import agent',
      'PY',
      'if [ -f agent.py ]; then echo present; fi',
      'test -x tools/run.py && echo executable',
    ].join('\n');
    expect(shellCommands(script).map((c) => c.words[0])).toEqual(['echo', 'printf', 'cat', 'python', 'echo', 'echo']);
    expect(codePathsInCommand(script, '')).toEqual([]);
  });

  it('keeps the folder a script moved into, for the commands after it', () => {
    expect(shellCommands('cd services/agent\npip install -r requirements.txt\npython main.py\ncd -\npython other.py').map((c) => `${c.dir}:${c.words.join(' ')}`)).toEqual([
      'services/agent:pip install -r requirements.txt',
      'services/agent:python main.py',
      ':python other.py',
    ]);
    expect(codePathsInCommand('cd "${{ github.workspace }}/bots" && python triage.py', '')).toEqual(['bots/triage.py']);
  });

  it('finds the code of every launcher shape', () => {
    const script = 'exec python x.py\nenv FOO=1 node y.js\nnice -n 10 python z.py\ntimeout -s KILL 10m node w.js\nnohup python -u bg.py &';
    expect(codePathsInCommand(script, 'svc')).toEqual(['svc/x.py', 'svc/y.js', 'svc/z.py', 'svc/w.js', 'svc/bg.py']);
  });

  it('survives unterminated quotes, substitutions and heredocs', () => {
    for (const script of ['echo "unterminated', "python 'x.py", 'x=$(python a.py', 'cat <<EOF\nnever closed', 'bash -c', '${{ github.x', '`python b.py']) {
      expect(() => shellCommands(script)).not.toThrow();
    }
  });
});
