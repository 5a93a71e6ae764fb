import { describe, expect, it } from 'vitest';
import { classifyFile, hasBinaryExtension } from './classify-file';

describe('classifyFile', () => {
  it.each([
    ['agent/main.py', 'code'],
    ['src/app/api/chat/route.ts', 'code'],
    ['web/Widget.tsx', 'code'],
    ['scripts/run.mjs', 'code'],
    ['lib/legacy.cjs', 'code'],
    ['lib/server.js', 'code'],
    ['types/openai.d.ts', 'other'],
    ['.github/workflows/nightly.yml', 'config'],
    ['k8s/cronjob.yaml', 'config'],
    ['.vscode/mcp.json', 'config'],
    ['.cursor/mcp.json', 'config'],
    ['settings.jsonc', 'config'],
    ['pyproject.toml', 'config'],
    ['infra/lambda.tf', 'config'],
    ['Jenkinsfile', 'config'],
    ['ci/Jenkinsfile.nightly', 'config'],
    ['Procfile', 'config'],
    ['deploy/crontab', 'config'],
    ['deploy/reconcile.cron', 'config'],
    ['etc/cron.d/billing-agent', 'config'],
    ['docker-compose.override.yml', 'config'],
    ['requirements.txt', 'lockfile'],
    ['requirements-dev.txt', 'lockfile'],
    ['requirements/prod.txt', 'lockfile'],
    ['poetry.lock', 'lockfile'],
    ['uv.lock', 'lockfile'],
    ['Pipfile.lock', 'lockfile'],
    ['web/package-lock.json', 'lockfile'],
    ['pnpm-lock.yaml', 'lockfile'],
    ['yarn.lock', 'lockfile'],
    ['go.sum', 'lockfile'],
    ['README.md', 'other'],
    ['notes.txt', 'other'],
    // A compose service that builds an image runs its Dockerfile's command (config/dockerfile.ts).
    ['Dockerfile', 'config'],
    ['services/worker/Dockerfile.prod', 'config'],
    ['docker/worker.dockerfile', 'config'],
    ['.dockerignore', 'other'],
    ['assets/logo.png', 'other'],
    ['.env', 'config'],
    ['services/api/.env.production', 'config'],
    ['.env.local', 'config'],
    ['.env.example', 'other'],
    ['.env.sample', 'other'],
    ['.env.template', 'other'],
    ['.env.dist', 'other'],
    ['infra/terraform.tfvars', 'config'],
    ['infra/prod.auto.tfvars', 'config'],
    ['infra/terraform.tfvars.json', 'config'],
    ['deploy/tls/server.key', 'config'],
    ['certs/ca.pem', 'config'],
    ['home/.ssh/id_ed25519', 'config'],
  ])('%s is %s', (path, kind) => {
    expect(classifyFile(path)).toBe(kind);
  });

  it('knows binary formats by extension, case-insensitively', () => {
    expect(hasBinaryExtension('models/ranker.ONNX')).toBe(true);
    expect(hasBinaryExtension('dist/app.whl')).toBe(true);
    expect(hasBinaryExtension('README.md')).toBe(false);
  });
});
