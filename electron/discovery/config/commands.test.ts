import { describe, expect, it } from 'vitest';
import { codePathsInCommand, commandLines, commandsStartingCode, runsCeleryWorker, runsOnlyTaskScheduling } from './commands';

describe('codePathsInCommand', () => {
  it.each([
    ['python x.py', ['svc/x.py']],
    ['python3 -u scripts/run.py --dry-run', ['svc/scripts/run.py']],
    ['python -m agents.triage --since 1d', ['svc/agents/triage.py']],
    ['/usr/bin/python3 digest.py', ['svc/digest.py']],
    ['node dist/index.js', ['svc/dist/index.js']],
    ['npx tsx src/agent.ts', ['svc/src/agent.ts']],
    ['npx ts-node --transpile-only bot.ts', ['svc/bot.ts']],
    ['uv run x.py', ['svc/x.py']],
    ['uv run --directory tools python -m report.main', ['svc/report/main.py']],
    ['poetry run python manage.py', ['svc/manage.py']],
    ['OPENAI_MODEL=gpt-4o python worker.py', ['svc/worker.py']],
    ['cd app && python main.py | tee out.log', ['svc/app/main.py']],
    ['./scripts/agent.py', ['svc/scripts/agent.py']],
    ['celery -A billing.worker worker -l info', ['svc/billing/worker.py']],
    ['python -m arq app.jobs.WorkerSettings', ['svc/app/jobs.py']],
    ['arq app.jobs.WorkerSettings', ['svc/app/jobs.py']],
    ['dramatiq billing.actors --processes 2', ['svc/billing/actors.py']],
    ['uvicorn app.main:app --port 8000', ['svc/app/main.py']],
    // The bind address is an option's value shaped like an app: the app is the module path after it.
    ['gunicorn --bind 0.0.0.0:$PORT --workers 1 --timeout 120 render_app:app', ['svc/render_app.py']],
    ['gunicorn -b localhost:8000 -k uvicorn.workers.UvicornWorker api.main:create_app()', ['svc/api/main.py']],
    ['deno run --allow-net agent.ts', ['svc/agent.ts']],
    ['python /app/worker.py', ['app/worker.py']],
    ['streamlit run desk/app.py --server.port $PORT', ['svc/desk/app.py']],
    ['chainlit run ledger_chat/app.py --port 8081', ['svc/ledger_chat/app.py']],
  ])('%s', (command, paths) => {
    expect(codePathsInCommand(command, 'svc')).toEqual(paths);
  });

  it('names no file for inline code, variables, globs or paths out of the root', () => {
    for (const command of ['python -c "print(1)"', 'python $SCRIPT', 'node scripts/*.js', 'python ../../x.py', 'pip install -r requirements.txt', 'echo done']) {
      expect(codePathsInCommand(command, '')).toEqual([]);
    }
  });
});

describe('commandLines', () => {
  it('drops blanks and comments and joins continued lines', () => {
    expect(commandLines('pip install x\n\n# comment\npython -m a \\\n  --flag\n')).toEqual(['pip install x', 'python -m a --flag']);
  });
});

describe('runsOnlyTaskScheduling', () => {
  it.each([
    'celery -A celery_app beat --loglevel=info',
    'celery beat -A worker',
    'celery --app=api.main.celery_app beat -S redbeat.schedulers:RedBeatScheduler',
    'python -m celery -A app.core.celery_app beat --loglevel=info',
    'celery -A config.celery_app -b redis://redis:6379/0 flower --port=5555',
    'flower -A proj --port=5555',
    "sh -c \"rm -f './celerybeat.pid' && exec celery -A config.celery_app beat -l INFO\"",
  ])('%s schedules or watches tasks only', (command) => {
    expect(runsOnlyTaskScheduling(command)).toBe(true);
  });

  it.each([
    'celery -A celery_app worker --loglevel=info --concurrency=4',
    'celery -A app worker -B --loglevel=info',
    'celery -A app worker --beat',
    'python manage.py migrate && celery -A app beat',
    'python clock.py',
    'uvicorn app.main:app',
    'echo beat',
  ])('%s runs code of its own', (command) => {
    expect(runsOnlyTaskScheduling(command)).toBe(false);
  });
});

describe('runsCeleryWorker', () => {
  it('tells a worker (beat embedded or not) from beat, Flower and other programs', () => {
    expect(['celery -A app worker -l info', 'python -m celery --app app.core worker -B', 'sh -c "sleep 5 && celery -A app worker"'].map(runsCeleryWorker)).toEqual([true, true, true]);
    expect(['celery -A app beat', 'celery -A app flower', 'uvicorn app.main:app', 'python worker.py'].map(runsCeleryWorker)).toEqual([false, false, false, false]);
  });
});

describe('commandsStartingCode', () => {
  it('keeps the commands of a start script, one a line, with the folder it moved into', () => {
    expect(commandsStartingCode('#!/bin/bash\necho "Starting on Render..."\ngunicorn --bind 0.0.0.0:$PORT render_app:app\n')).toBe('echo "Starting on Render..."\ngunicorn --bind 0.0.0.0:$PORT render_app:app');
    expect(commandsStartingCode('set -e\ncd api && npm start\n')).toBe('set -e\ncd api && npm start');
  });

  it('is null for a script that starts no code (a deploy, a formatter, a notification)', () => {
    expect(commandsStartingCode('#!/bin/sh\nkubectl apply -f k8s/\ncurl -X POST "$SLACK_WEBHOOK" -d ok\n')).toBeNull();
  });
});
