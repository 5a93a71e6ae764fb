import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { loadCorpus, type CorpusRepo, type ExpectedAgent } from '../electron/discovery/corpus/corpus-expectation';
import { seededRandom } from '../electron/fuzz/mutations';

/**
 * The discovery benchmark's input: a deterministic tree of about 50,000 files and 500 MB that
 * looks like a company's checkout folder. Hundreds of ordinary repositories (Python and
 * TypeScript services with tests, docs, Kubernetes, CI, Terraform, lockfiles, fixtures, images,
 * a few minified bundles, and node_modules / virtualenv / dist folders their .gitignore hides),
 * plus a few hundred copies of the labelled corpus repos (agents with their CronJob, workflow,
 * Lambda, compose or MCP config, and the traps) with small variations.
 *
 * Generating takes a while, so the tree is kept in os.tmpdir()/atw-bench-tree-v1 and reused
 * while its manifest matches these parameters and the corpus. Big files are repeated realistic
 * chunks, never random text, so generation is fast. Nothing here is ever run by the scanner.
 *
 * Run alone: `npx tsx bench/generate-tree.ts [dir]`.
 */

export const TREE_VERSION = 1;
export const DEFAULT_TREE_DIR = join(tmpdir(), 'atw-bench-tree-v1');

export const TREE_PARAMS = {
  seed: 20_260_101,
  noiseRepos: 205,
  /** Copies of every labelled corpus repo (traps included). */
  corpusCopies: 17,
  /** Every n-th corpus copy goes inside an ordinary repo (services/<name>) rather than beside it. */
  nestEvery: 3,
};

export interface PlantedAgent {
  unitKind: string;
  name: string;
  path: string;
  classification: ExpectedAgent['classification'];
  /** The copy's folder, relative to the tree root: code it runs should be under it. */
  prefix: string;
}

export interface TreeManifest {
  version: number;
  key: string;
  files: number;
  bytes: number;
  /** Files under folders .gitignore (or the scanner's always-skipped names) hide. */
  ignoredFiles: number;
  ignoredBytes: number;
  corpusCopies: number;
  planted: PlantedAgent[];
  /** Paths (from the root) that must not be a counted candidate's unit path. */
  traps: string[];
  generatedInMs: number;
}

// ---------------------------------------------------------------------------------------------
// Deterministic randomness

class Rng {
  private readonly next: () => number;
  constructor(seed: number) {
    this.next = seededRandom(seed);
  }
  float(): number {
    return this.next();
  }
  int(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1));
  }
  pick<T>(items: readonly T[]): T {
    return items[Math.floor(this.next() * items.length)]!;
  }
  chance(p: number): boolean {
    return this.next() < p;
  }
  /** Skewed sizes: many small files, a long tail of big ones (mean about `mean`). */
  size(mean: number, min = 200): number {
    return Math.max(min, Math.round(-Math.log(1 - this.next() * 0.999) * mean));
  }
  hex(length: number): string {
    let out = '';
    while (out.length < length) out += Math.floor(this.next() * 0xffffffff).toString(16).padStart(8, '0');
    return out.slice(0, length);
  }
}

// ---------------------------------------------------------------------------------------------
// Vocabulary and code templates (ordinary business code: no LLM SDK, so the prefilter says no)

const NOUNS = ['payment', 'invoice', 'merchant', 'payout', 'refund', 'ledger', 'account', 'customer', 'card', 'transfer', 'statement', 'fee', 'settlement', 'dispute', 'limit', 'mandate', 'balance', 'webhook', 'report', 'batch', 'currency', 'rate', 'subscription', 'order', 'receipt', 'address', 'device', 'session', 'token', 'schedule'];
const VERBS = ['load', 'list', 'find', 'build', 'validate', 'sync', 'apply', 'compute', 'collect', 'render', 'export', 'parse', 'merge', 'resolve', 'check', 'close', 'open', 'archive', 'group', 'price'];
const STATUSES = ['pending', 'settled', 'failed', 'void', 'reversed', 'held', 'review'];
const TEAMS = ['payments', 'ledger', 'risk', 'growth', 'platform', 'data', 'support', 'lending', 'treasury', 'identity', 'billing', 'cards'];
const NPM_PACKAGES = ['express', 'zod', 'pg', 'lodash', 'date-fns', 'react', 'react-dom', 'axios', 'pino', 'dotenv', 'uuid', 'ioredis', 'bullmq', 'fastify', 'jsonwebtoken', 'helmet', 'cors', 'yaml', 'commander', 'chalk', 'semver', 'debug', 'ms', 'qs', 'mime', 'tslib', 'typescript', 'vitest', 'eslint', 'prettier', 'esbuild', 'vite', 'rollup', 'postcss', 'tailwindcss', 'autoprefixer', 'knex', 'kysely', 'prisma', '@prisma/client', '@aws-sdk/client-s3', '@aws-sdk/client-sqs', '@types/node', '@types/express', '@types/react', 'ajv', 'joi', 'luxon', 'decimal.js', 'big.js', 'csv-parse', 'nanoid', 'undici', 'ws', 'socket.io', 'graphql', '@apollo/server', 'dataloader', 'supertest', 'nock', 'msw', 'playwright', 'jest', 'ts-node', 'tsx', 'rimraf', 'glob', 'minimatch', 'fast-glob', 'chokidar', 'p-limit', 'p-retry', 'got', 'node-fetch', 'form-data', 'busboy', 'multer', 'sharp', 'jose', 'bcrypt', 'argon2', 'cookie', 'cookie-parser', 'compression', 'morgan', 'winston', 'prom-client', '@opentelemetry/api', '@opentelemetry/sdk-node', 'class-validator', 'class-transformer', 'reflect-metadata', 'inversify', 'rxjs', 'immer', 'zustand', 'redux', '@reduxjs/toolkit', 'swr', '@tanstack/react-query', 'clsx', 'classnames', 'framer-motion', 'recharts', 'd3', 'chart.js'];
const PY_PACKAGES = ['fastapi', 'uvicorn', 'pydantic', 'pydantic-core', 'sqlalchemy', 'alembic', 'psycopg', 'psycopg-binary', 'asyncpg', 'redis', 'celery', 'kombu', 'boto3', 'botocore', 's3transfer', 'requests', 'urllib3', 'certifi', 'idna', 'charset-normalizer', 'httpx', 'httpcore', 'anyio', 'sniffio', 'h11', 'starlette', 'python-dateutil', 'pytz', 'tzdata', 'six', 'attrs', 'click', 'jinja2', 'markupsafe', 'pyyaml', 'orjson', 'structlog', 'sentry-sdk', 'prometheus-client', 'tenacity', 'pandas', 'numpy', 'pyarrow', 'polars', 'pytest', 'pytest-cov', 'coverage', 'mypy', 'ruff', 'black', 'freezegun', 'factory-boy', 'faker', 'hypothesis', 'cryptography', 'cffi', 'pycparser', 'jmespath', 'typing-extensions', 'annotated-types', 'gunicorn', 'marshmallow', 'stripe', 'twilio', 'sendgrid', 'jsonschema', 'rpds-py', 'referencing', 'packaging', 'pluggy', 'iniconfig'];

const PY_IMPORTS = ['import os', 'import json', 'import logging', 'from datetime import datetime, timedelta, timezone', 'from decimal import Decimal, ROUND_HALF_EVEN', 'from typing import Any, Iterable, Optional', 'from dataclasses import dataclass, field', 'import requests', 'from sqlalchemy import select, func', 'from sqlalchemy.orm import Session', 'from pydantic import BaseModel, Field, field_validator', 'import httpx', 'import boto3', 'from collections import defaultdict', 'import uuid', 'import hashlib', 'from enum import Enum', 'from functools import lru_cache'];
const TS_IMPORTS = ["import { z } from 'zod';", "import type { Pool } from 'pg';", "import express, { type Request, type Response } from 'express';", "import { format, addDays } from 'date-fns';", "import pino from 'pino';", "import { randomUUID } from 'node:crypto';", "import Decimal from 'decimal.js';", "import { S3Client, GetObjectCommand } from '@aws-sdk/client-s3';", "import { Queue } from 'bullmq';", "import { groupBy, sumBy } from 'lodash';"];

const cap = (s: string) => s[0]!.toUpperCase() + s.slice(1);

function fill(template: string, rng: Rng): string {
  const noun = rng.pick(NOUNS);
  const other = rng.pick(NOUNS);
  const verb = rng.pick(VERBS);
  return template
    .replaceAll('{noun}', noun)
    .replaceAll('{Noun}', cap(noun))
    .replaceAll('{other}', other)
    .replaceAll('{Other}', cap(other))
    .replaceAll('{verb}', verb)
    .replaceAll('{Verb}', cap(verb))
    .replaceAll('{n}', String(rng.int(2, 500)))
    .replaceAll('{status}', rng.pick(STATUSES))
    .replaceAll('{team}', rng.pick(TEAMS))
    .replaceAll('{id}', String(rng.int(1000, 99999)));
}

/** Side-effect free helpers: safe to append to a planted agent's code without changing what it does. */
const PY_PURE = [
  `
def {verb}_{noun}_key({noun}_id: str, day: str) -> str:
    """Stable cache key for one {noun} and value date."""
    digest = hashlib.sha256(f"{{noun}_id}:{day}".encode()).hexdigest()
    return f"{noun}:{day}:{digest[:16]}"
`,
  `
def format_{noun}_amount(amount_cents: int, currency: str = "EUR") -> str:
    """Human-readable amount for {noun} notifications (no locale data: ops-facing only)."""
    sign = "-" if amount_cents < 0 else ""
    whole, cents = divmod(abs(amount_cents), 100)
    return f"{sign}{whole:,}.{cents:02d} {currency}"
`,
  `
def is_{status}_{noun}(record: dict) -> bool:
    """Whether a {noun} record is {status} and older than {n} minutes."""
    if record.get("status") != "{status}":
        return False
    created = record.get("created_at")
    return created is not None and (datetime.now(timezone.utc) - created) > timedelta(minutes={n})
`,
];

const PY_TEMPLATES = [
  ...PY_PURE,
  `

def {verb}_{noun}s(session: Session, {other}_id: int, *, limit: int = {n}) -> list[dict]:
    """{Verb} the {noun} records of one {other}, newest first, skipping {status} ones."""
    rows = session.execute(
        select({Noun}).where({Noun}.{other}_id == {other}_id).order_by({Noun}.created_at.desc()).limit(limit)
    ).scalars()
    result = []
    for row in rows:
        if row.status == "{status}":
            continue
        result.append({"id": row.id, "amount": str(row.amount), "currency": row.currency, "status": row.status})
    logger.debug("{verb}_{noun}s: %s rows for {other} %s", len(result), {other}_id)
    return result
`,
  `

@dataclass
class {Noun}{Verb}Result:
    {noun}_id: str
    matched: int = 0
    skipped: int = 0
    errors: list[str] = field(default_factory=list)

    def merge(self, other: "{Noun}{Verb}Result") -> "{Noun}{Verb}Result":
        self.matched += other.matched
        self.skipped += other.skipped
        self.errors.extend(other.errors)
        return self

    @property
    def ok(self) -> bool:
        return not self.errors and self.matched > 0
`,
  `

class {Noun}Request(BaseModel):
    {noun}_id: str = Field(min_length=3, max_length=64)
    amount: Decimal = Field(gt=0, max_digits=12, decimal_places=2)
    currency: str = Field(pattern=r"^[A-Z]{3}$")
    reference: Optional[str] = None

    @field_validator("reference")
    @classmethod
    def strip_reference(cls, value: Optional[str]) -> Optional[str]:
        return value.strip() if value else value
`,
  `

def {verb}_{noun}_totals(items: Iterable[dict]) -> dict[str, Decimal]:
    """Sum {noun} amounts per currency with banker's rounding, as finance reports them."""
    totals: dict[str, Decimal] = defaultdict(Decimal)
    for item in items:
        if item.get("status") in ("void", "{status}"):
            continue
        totals[item["currency"]] += Decimal(item["amount"]).quantize(Decimal("0.01"), rounding=ROUND_HALF_EVEN)
    return dict(totals)
`,
  `

class {Noun}Status(str, Enum):
    PENDING = "pending"
    {STATUS} = "{status}"
    SETTLED = "settled"
    FAILED = "failed"

    @classmethod
    def terminal(cls) -> set["{Noun}Status"]:
        return {cls.SETTLED, cls.FAILED}
`,
  `

@lru_cache(maxsize={n})
def {noun}_limits_for(team: str = "{team}") -> dict[str, int]:
    """Per-team {noun} limits from the environment, with the defaults risk signed off."""
    raw = os.environ.get("{NOUN}_LIMITS_" + team.upper(), "")
    limits = {"daily": {n}00, "single": {n}0}
    for part in filter(None, raw.split(",")):
        key, _, value = part.partition("=")
        limits[key.strip()] = int(value)
    return limits
`,
];

const TS_PURE = [
  `
export function format{Noun}Amount(amountCents: number, currency = 'EUR'): string {
  const sign = amountCents < 0 ? '-' : '';
  const abs = Math.abs(amountCents);
  return \`\${sign}\${Math.floor(abs / 100).toLocaleString('en-GB')}.\${String(abs % 100).padStart(2, '0')} \${currency}\`;
}
`,
  `
export function is{Status}{Noun}(record: { status: string; createdAt: Date }, now = new Date()): boolean {
  return record.status === '{status}' && now.getTime() - record.createdAt.getTime() > {n} * 60_000;
}
`,
];

const TS_TEMPLATES = [
  ...TS_PURE,
  `

export interface {Noun}Row {
  id: string;
  {other}Id: string;
  amountCents: number;
  currency: string;
  status: '{status}' | 'pending' | 'settled' | 'failed';
  createdAt: Date;
}

export async function {verb}{Noun}s(db: Pool, {other}Id: string, limit = {n}): Promise<{Noun}Row[]> {
  const { rows } = await db.query<{Noun}Row>(
    'SELECT id, {other}_id AS "{other}Id", amount_cents AS "amountCents", currency, status, created_at AS "createdAt" FROM {noun}s WHERE {other}_id = $1 ORDER BY created_at DESC LIMIT $2',
    [{other}Id, limit],
  );
  return rows.filter((row) => row.status !== '{status}');
}
`,
  `

export const {Noun}Input = z.object({
  {noun}Id: z.string().min(3).max(64),
  amountCents: z.number().int().positive().max({n}_000_00),
  currency: z.string().regex(/^[A-Z]{3}$/),
  reference: z.string().max(140).optional(),
});
export type {Noun}Input = z.infer<typeof {Noun}Input>;
`,
  `

export class {Noun}{Verb}er {
  private readonly seen = new Map<string, number>();

  constructor(private readonly maxPerWindow = {n}) {}

  accept(key: string, now = Date.now()): boolean {
    const last = this.seen.get(key) ?? 0;
    if (now - last < 60_000 && this.seen.size > this.maxPerWindow) return false;
    this.seen.set(key, now);
    return true;
  }

  reset(): void {
    this.seen.clear();
  }
}
`,
  `

export function {verb}{Noun}Totals(items: Array<{ currency: string; amountCents: number; status: string }>): Record<string, number> {
  const totals: Record<string, number> = {};
  for (const item of items) {
    if (item.status === 'void' || item.status === '{status}') continue;
    totals[item.currency] = (totals[item.currency] ?? 0) + item.amountCents;
  }
  return totals;
}
`,
  `

export const {noun}Router = express.Router();

{noun}Router.get('/{noun}s/:id', async (req: Request, res: Response) => {
  const found = await req.app.locals.{noun}s.get(req.params.id);
  if (!found) return res.status(404).json({ error: '{noun} not found' });
  res.json({ ...found, links: { {other}: \`/{other}s/\${found.{other}Id}\` } });
});
`,
];

const TSX_TEMPLATE = `

export function {Noun}Table({ rows }: { rows: Array<{ id: string; amountCents: number; currency: string; status: string }> }) {
  return (
    <table className="{noun}-table">
      <thead>
        <tr><th>Id</th><th>Amount</th><th>Status</th></tr>
      </thead>
      <tbody>
        {rows.map((row) => (
          <tr key={row.id} data-status={row.status}>
            <td>{row.id}</td>
            <td>{(row.amountCents / 100).toFixed(2)} {row.currency}</td>
            <td>{row.status}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
`;

// ---------------------------------------------------------------------------------------------
// File builders

function pythonModule(rng: Rng, pkg: string, siblings: string[], bytes: number): string {
  const imports = new Set<string>(['import logging', 'import hashlib', 'from datetime import datetime, timedelta, timezone']);
  for (let i = rng.int(2, 6); i > 0; i--) imports.add(rng.pick(PY_IMPORTS));
  for (let i = rng.int(0, 3); i > 0 && siblings.length > 0; i--) imports.add(`from ${pkg}.${rng.pick(siblings)} import ${rng.pick(VERBS)}_${rng.pick(NOUNS)}s`);
  const parts = [`"""${cap(rng.pick(NOUNS))} ${rng.pick(VERBS)} helpers of the ${rng.pick(TEAMS)} team."""\n${[...imports].join('\n')}\n\nlogger = logging.getLogger(__name__)\n`];
  let size = parts[0]!.length;
  while (size < bytes) {
    const chunk = fill(rng.pick(PY_TEMPLATES), rng).replaceAll('{NOUN}', rng.pick(NOUNS).toUpperCase()).replaceAll('{STATUS}', rng.pick(STATUSES).toUpperCase());
    parts.push(chunk);
    size += chunk.length;
  }
  if (rng.chance(0.08)) parts.push(`\n\nif __name__ == "__main__":\n    logging.basicConfig(level=logging.INFO)\n    print(${rng.pick(VERBS)}_${rng.pick(NOUNS)}_key("demo", "2026-01-01"))\n`);
  return parts.join('');
}

function tsModule(rng: Rng, siblings: string[], bytes: number, tsx: boolean): string {
  const imports = new Set<string>();
  for (let i = rng.int(2, 5); i > 0; i--) imports.add(rng.pick(TS_IMPORTS));
  for (let i = rng.int(0, 3); i > 0 && siblings.length > 0; i--) imports.add(`import { ${rng.pick(VERBS)}${cap(rng.pick(NOUNS))}s } from './${rng.pick(siblings)}';`);
  const parts = [`${[...imports].join('\n')}\n\nconst log = pino({ name: '${rng.pick(TEAMS)}-${rng.pick(NOUNS)}' });\n`];
  let size = parts[0]!.length;
  while (size < bytes) {
    const chunk = fill(tsx && rng.chance(0.4) ? TSX_TEMPLATE : rng.pick(TS_TEMPLATES), rng).replaceAll('{Status}', cap(rng.pick(STATUSES)));
    parts.push(chunk);
    size += chunk.length;
  }
  return parts.join('');
}

function pythonTest(rng: Rng, pkg: string, module: string, bytes: number): string {
  const parts = [`import pytest\n\nfrom ${pkg}.${module} import *  # noqa: F403\n`];
  let size = parts[0]!.length;
  while (size < bytes) {
    const chunk = fill(
      `

@pytest.mark.parametrize("amount,expected", [(0, "0.00 EUR"), ({n}, "{n}.00 EUR"), (-{n}, "-{n}.00 EUR")])
def test_{verb}_{noun}_amount(amount, expected):
    assert format_{noun}_amount(amount * 100) == expected


def test_{noun}_key_is_stable():
    assert {verb}_{noun}_key("{noun}_{id}", "2026-01-0{n}") == {verb}_{noun}_key("{noun}_{id}", "2026-01-0{n}")
`,
      rng,
    );
    parts.push(chunk);
    size += chunk.length;
  }
  return parts.join('');
}

function tsTest(rng: Rng, module: string, bytes: number): string {
  const parts = [`import { describe, expect, it } from 'vitest';\nimport * as subject from '../src/${module}';\n`];
  let size = parts[0]!.length;
  while (size < bytes) {
    const chunk = fill(
      `
describe('{verb} {noun}', () => {
  it('keeps {status} {noun}s out of the totals', () => {
    expect(Object.keys(subject).length).toBeGreaterThan(0);
    expect([{ currency: 'EUR', amountCents: {n}, status: '{status}' }].filter((r) => r.status !== '{status}')).toEqual([]);
  });
});
`,
      rng,
    );
    parts.push(chunk);
    size += chunk.length;
  }
  return parts.join('');
}

function markdown(rng: Rng, repo: string, bytes: number): string {
  const parts = [`# ${repo}\n\nOwned by the ${rng.pick(TEAMS)} team. On call: #${rng.pick(TEAMS)}-oncall.\n`];
  let size = parts[0]!.length;
  while (size < bytes) {
    const chunk = fill(
      `
## {Verb} {noun}s

The service {verb}s {noun}s for the {team} team and publishes a \`{noun}.{status}\` event when one
changes state. Retries are idempotent on the {noun} id; a {noun} that stays {status} for more than
{n} minutes pages the on-call engineer.

| field | type | notes |
|---|---|---|
| id | uuid | primary key |
| {other}_id | uuid | the owning {other} |
| amount_cents | bigint | minor units, never floats |
| status | text | {status}, pending, settled, failed |

\`\`\`bash
make {verb}-{noun}s ENV=staging
\`\`\`
`,
      rng,
    );
    parts.push(chunk);
    size += chunk.length;
  }
  return parts.join('');
}

function k8sManifest(rng: Rng, name: string): string {
  const team = rng.pick(TEAMS);
  return `apiVersion: apps/v1
kind: Deployment
metadata:
  name: ${name}
  namespace: ${team}
  labels:
    app.kubernetes.io/name: ${name}
    team: ${team}
spec:
  replicas: ${rng.int(2, 6)}
  selector:
    matchLabels:
      app.kubernetes.io/name: ${name}
  template:
    metadata:
      labels:
        app.kubernetes.io/name: ${name}
    spec:
      containers:
        - name: app
          image: 123456789012.dkr.ecr.eu-central-1.amazonaws.com/${name}:${rng.int(1, 9)}.${rng.int(0, 40)}.${rng.int(0, 9)}
          ports:
            - containerPort: ${rng.pick([3000, 8000, 8080])}
          env:
            - name: LOG_LEVEL
              value: info
            - name: DATABASE_URL
              valueFrom:
                secretKeyRef:
                  name: ${name}-db
                  key: url
          resources:
            requests:
              cpu: ${rng.pick(['100m', '250m', '500m'])}
              memory: ${rng.pick(['256Mi', '512Mi', '1Gi'])}
---
apiVersion: v1
kind: Service
metadata:
  name: ${name}
  namespace: ${team}
spec:
  selector:
    app.kubernetes.io/name: ${name}
  ports:
    - port: 80
      targetPort: 8080
`;
}

function ciWorkflow(rng: Rng, python: boolean): string {
  return `name: CI
on:
  push:
    branches: [main]
  pull_request:
permissions:
  contents: read
jobs:
  test:
    runs-on: ubuntu-latest
    steps:
      - uses: actions/checkout@v4
${
  python
    ? `      - uses: actions/setup-python@v5
        with:
          python-version: "3.${rng.int(10, 12)}"
      - run: pip install -r requirements.txt
      - run: pytest -q`
    : `      - uses: actions/setup-node@v4
        with:
          node-version: ${rng.pick([18, 20, 22])}
          cache: npm
      - run: npm ci
      - run: npm test`
}
`;
}

function terraform(rng: Rng, name: string, bytes: number): string {
  const parts: string[] = [];
  let size = 0;
  while (size < bytes) {
    const label = `${rng.pick(NOUNS)}_${rng.pick(VERBS)}_${rng.int(1, 999)}`;
    const chunk = rng.chance(0.5)
      ? `resource "aws_s3_bucket" "${label}" {
  bucket = "nw-${name}-${label.replaceAll('_', '-')}"
  tags = {
    team    = "${rng.pick(TEAMS)}"
    service = "${name}"
  }
}

resource "aws_s3_bucket_versioning" "${label}" {
  bucket = aws_s3_bucket.${label}.id
  versioning_configuration {
    status = "Enabled"
  }
}

`
      : `resource "aws_sqs_queue" "${label}" {
  name                       = "${name}-${label.replaceAll('_', '-')}"
  visibility_timeout_seconds = ${rng.int(30, 900)}
  message_retention_seconds  = 1209600
  redrive_policy = jsonencode({
    deadLetterTargetArn = aws_sqs_queue.${label}_dlq.arn
    maxReceiveCount     = ${rng.int(3, 10)}
  })
}

resource "aws_sqs_queue" "${label}_dlq" {
  name = "${name}-${label.replaceAll('_', '-')}-dlq"
}

`;
    parts.push(chunk);
    size += chunk.length;
  }
  return parts.join('');
}

function jsonFixture(rng: Rng, bytes: number): string {
  const records: string[] = [];
  let size = 2;
  while (size < bytes) {
    const record = JSON.stringify({
      id: `${rng.pick(NOUNS)}_${rng.hex(14)}`,
      amount_cents: rng.int(100, 5_000_000),
      currency: rng.pick(['EUR', 'GBP', 'PLN', 'SEK', 'USD']),
      status: rng.pick(STATUSES),
      merchant: { id: `m_${rng.hex(10)}`, name: `${cap(rng.pick(NOUNS))} ${cap(rng.pick(['Ltd', 'GmbH', 'SARL', 'BV', 'AB']))}`, mcc: String(rng.int(1000, 9999)) },
      created_at: `2025-${String(rng.int(1, 12)).padStart(2, '0')}-${String(rng.int(1, 28)).padStart(2, '0')}T${String(rng.int(0, 23)).padStart(2, '0')}:00:00Z`,
    });
    records.push(record);
    size += record.length + 4;
  }
  return `[\n  ${records.join(',\n  ')}\n]\n`;
}

function packageLock(rng: Rng, name: string, count: number): { lock: string; manifest: string } {
  const deps: Record<string, string> = {};
  for (let i = 0; i < 12; i++) deps[rng.pick(NPM_PACKAGES)] = `^${rng.int(1, 9)}.${rng.int(0, 30)}.${rng.int(0, 20)}`;
  const packages: Record<string, unknown> = { '': { name, version: '1.0.0', dependencies: deps } };
  for (let i = 0; i < count; i++) {
    const base = rng.pick(NPM_PACKAGES);
    const pkg = i < NPM_PACKAGES.length ? base : `${base}/node_modules/${rng.pick(NPM_PACKAGES)}-${i}`;
    const version = `${rng.int(0, 12)}.${rng.int(0, 40)}.${rng.int(0, 30)}`;
    const leaf = pkg.split('/').pop()!;
    packages[`node_modules/${pkg}`] = {
      version,
      resolved: `https://registry.npmjs.org/${leaf}/-/${leaf}-${version}.tgz`,
      integrity: `sha512-${Buffer.from(rng.hex(64), 'hex').toString('base64')}${Buffer.from(rng.hex(32), 'hex').toString('base64')}`,
      ...(rng.chance(0.3) ? { dev: true } : {}),
      license: rng.pick(['MIT', 'ISC', 'Apache-2.0', 'BSD-3-Clause']),
      ...(rng.chance(0.4) ? { dependencies: { [rng.pick(NPM_PACKAGES)]: `^${rng.int(1, 9)}.0.0` } } : {}),
    };
  }
  const manifest = JSON.stringify({ name, version: '1.0.0', private: true, scripts: { build: 'tsc -p .', test: 'vitest run' }, dependencies: deps }, null, 2);
  return { lock: `${JSON.stringify({ name, version: '1.0.0', lockfileVersion: 3, requires: true, packages }, null, 2)}\n`, manifest: `${manifest}\n` };
}

function poetryLock(rng: Rng, count: number): string {
  const parts = ['# This file is automatically @generated by Poetry 1.8.4 and should not be changed by hand.\n'];
  for (let i = 0; i < count; i++) {
    const name = i < PY_PACKAGES.length ? PY_PACKAGES[i]! : `${rng.pick(PY_PACKAGES)}-ext${i}`;
    const version = `${rng.int(0, 9)}.${rng.int(0, 30)}.${rng.int(0, 12)}`;
    parts.push(`
[[package]]
name = "${name}"
version = "${version}"
description = "${cap(rng.pick(NOUNS))} utilities"
optional = false
python-versions = ">=3.8"
files = [
    {file = "${name.replaceAll('-', '_')}-${version}-py3-none-any.whl", hash = "sha256:${rng.hex(64)}"},
    {file = "${name.replaceAll('-', '_')}-${version}.tar.gz", hash = "sha256:${rng.hex(64)}"},
]
`);
  }
  parts.push(`\n[metadata]\nlock-version = "2.0"\npython-versions = "^3.11"\ncontent-hash = "${rng.hex(64)}"\n`);
  return parts.join('');
}

/** A minified bundle: very long lines of realistic-looking JavaScript. */
let minifiedChunk: string | null = null;
function minifiedBundle(bytes: number): string {
  if (!minifiedChunk) {
    const rng = new Rng(7);
    const pieces: string[] = [];
    for (let i = 0; i < 600; i++) {
      pieces.push(
        `function ${rng.pick(['a', 'b', 'c', 'd', 'e'])}${i}(t,e){var n=t.${rng.pick(NOUNS)}||{},r=e&&e.${rng.pick(VERBS)};return null==r?n:Object.assign({},n,{status:"${rng.pick(STATUSES)}",amount:(r.amountCents/100).toFixed(2)})}`,
      );
    }
    minifiedChunk = `!function(){"use strict";${pieces.join(';')}}();`;
  }
  return minifiedChunk.repeat(Math.ceil(bytes / minifiedChunk.length)).slice(0, bytes);
}

/** Binary-looking bytes (with NULs), sliced from one pre-built block: fast, never text. */
let binaryBlock: Buffer | null = null;
function binary(header: Buffer, bytes: number, offset: number): Buffer {
  if (!binaryBlock) {
    const rng = new Rng(11);
    binaryBlock = Buffer.alloc(4 * 1024 * 1024);
    for (let i = 0; i < binaryBlock.length; i += 4) binaryBlock.writeUInt32LE((Math.floor(rng.float() * 0xffffffff) & 0xff00ffff) >>> 0, i);
  }
  const out = Buffer.alloc(bytes);
  header.copy(out, 0);
  for (let at = header.length; at < bytes; ) {
    const start = (offset + at) % (binaryBlock.length - 1);
    const n = Math.min(bytes - at, binaryBlock.length - start);
    binaryBlock.copy(out, at, start, start + n);
    at += n;
  }
  return out;
}

const PNG = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52]);
const WOFF2 = Buffer.from('wOF2\0\x01\0\0', 'latin1');
const PACK = Buffer.from('PACK\0\0\0\x02', 'latin1');
const PYC = Buffer.from([0xcb, 0x0d, 0x0d, 0x0a, 0, 0, 0, 0]);

// ---------------------------------------------------------------------------------------------
// The tree

class TreeWriter {
  files = 0;
  bytes = 0;
  ignoredFiles = 0;
  ignoredBytes = 0;
  private readonly made = new Set<string>();
  constructor(readonly root: string) {}

  write(relPath: string, content: string | Buffer, ignored = false): void {
    const abs = join(this.root, relPath);
    const dir = dirname(abs);
    if (!this.made.has(dir)) {
      mkdirSync(dir, { recursive: true });
      this.made.add(dir);
    }
    const data = typeof content === 'string' ? Buffer.from(content) : content;
    writeFileSync(abs, data);
    this.files++;
    this.bytes += data.length;
    if (ignored) {
      this.ignoredFiles++;
      this.ignoredBytes += data.length;
    }
  }
}

const GITIGNORE_NODE = 'node_modules/\ndist/\nbuild/\ncoverage/\n.cache/\n*.log\n.env\n.env.*\n';
const GITIGNORE_PY = '__pycache__/\n*.pyc\n.venv/\nvenv/\ndist/\nbuild/\n.pytest_cache/\n.mypy_cache/\n.coverage\nhtmlcov/\n.env\n';

function gitFolder(w: TreeWriter, rng: Rng, repo: string, packBytes: number): void {
  w.write(`${repo}/.git/HEAD`, 'ref: refs/heads/main\n', true);
  w.write(`${repo}/.git/config`, `[core]\n\trepositoryformatversion = 0\n\tfilemode = true\n\tbare = false\n[remote "origin"]\n\turl = git@github.northwindpay.example:northwindpay/${repo.split('/').pop()}.git\n\tfetch = +refs/heads/*:refs/remotes/origin/*\n`, true);
  w.write(`${repo}/.git/description`, "Unnamed repository; edit this file 'description' to name the repository.\n", true);
  w.write(`${repo}/.git/packed-refs`, `# pack-refs with: peeled fully-peeled sorted\n${rng.hex(40)} refs/remotes/origin/main\n`, true);
  if (packBytes > 0) {
    const id = rng.hex(40);
    w.write(`${repo}/.git/objects/pack/pack-${id}.pack`, binary(PACK, packBytes, rng.int(0, 1 << 20)), true);
    w.write(`${repo}/.git/objects/pack/pack-${id}.idx`, binary(Buffer.from([0xff, 0x74, 0x4f, 0x63]), Math.round(packBytes / 20) + 1024, rng.int(0, 1 << 20)), true);
  }
}

function noiseRepo(w: TreeWriter, rng: Rng, index: number): string {
  const team = rng.pick(TEAMS);
  const noun = rng.pick(NOUNS);
  const name = `${team}-${noun}-${rng.pick(['service', 'api', 'worker', 'jobs', 'core', 'console', 'sync', 'gateway'])}-${String(index).padStart(3, '0')}`;
  const repo = `repos/${name}`;
  const python = rng.chance(0.5);
  const mixed = !python && rng.chance(0.2);
  gitFolder(w, rng, repo, rng.size(250_000, 20_000));
  w.write(`${repo}/README.md`, markdown(rng, name, rng.size(4_000, 800)));
  w.write(`${repo}/.gitignore`, python ? GITIGNORE_PY : GITIGNORE_NODE);

  // Source code.
  const modules = Array.from({ length: rng.int(25, 45) }, (_, i) => `${rng.pick(VERBS)}_${rng.pick(NOUNS)}${i}`);
  const packages = python ? [`${noun}_${team}`.replaceAll('-', '_'), 'common', 'jobs'] : ['src', 'src/lib', 'src/routes', 'src/components'];
  const codeFiles = rng.int(90, 150);
  for (let i = 0; i < codeFiles; i++) {
    const module = modules[i % modules.length]!;
    const pkg = rng.pick(packages);
    if (python) {
      w.write(`${repo}/${pkg}/${module}${i >= modules.length ? `_${i}` : ''}.py`, pythonModule(rng, pkg, modules.slice(0, 8), rng.size(7_500, 400)));
    } else {
      const tsx = pkg === 'src/components';
      const ext = mixed && rng.chance(0.5) ? 'js' : tsx ? 'tsx' : 'ts';
      w.write(`${repo}/${pkg}/${module.replaceAll('_', '-')}${i >= modules.length ? `-${i}` : ''}.${ext}`, tsModule(rng, modules.slice(0, 8).map((m) => m.replaceAll('_', '-')), rng.size(7_500, 400), tsx));
    }
  }
  if (python) for (const pkg of packages) w.write(`${repo}/${pkg}/__init__.py`, '');

  // Tests: ordinary unit tests (no LLM here).
  for (let i = rng.int(20, 40); i > 0; i--) {
    const module = rng.pick(modules);
    if (python) w.write(`${repo}/tests/test_${module}_${i}.py`, pythonTest(rng, packages[0]!, module, rng.size(3_000, 300)));
    else w.write(`${repo}/tests/${module.replaceAll('_', '-')}-${i}.test.ts`, tsTest(rng, module.replaceAll('_', '-'), rng.size(3_000, 300)));
  }

  // Docs.
  for (let i = rng.int(4, 12); i > 0; i--) w.write(`${repo}/docs/${rng.pick(VERBS)}-${rng.pick(NOUNS)}-${i}.md`, markdown(rng, name, rng.size(5_000, 500)));

  // Configuration: Kubernetes, CI, Terraform, compose, editor and tool configs.
  for (let i = rng.int(2, 6); i > 0; i--) w.write(`${repo}/deploy/k8s/${name}-${i}.yaml`, k8sManifest(rng, `${name}-${i}`));
  w.write(`${repo}/.github/workflows/ci.yml`, ciWorkflow(rng, python));
  for (let i = rng.int(1, 5); i > 0; i--) w.write(`${repo}/infra/${rng.pick(['s3', 'queues', 'storage', 'messaging', 'data'])}-${i}.tf`, terraform(rng, name, rng.size(5_000, 600)));
  if (rng.chance(0.4)) {
    w.write(`${repo}/docker-compose.yml`, `services:\n  app:\n    build: .\n    command: ${python ? `uvicorn ${packages[0]}.${modules[0]}:app --port 8000` : 'node dist/server.js'}\n    ports:\n      - "8000:8000"\n    environment:\n      DATABASE_URL: postgresql://app:\${DB_PASSWORD}@db:5432/app\n  db:\n    image: postgres:16\n    environment:\n      POSTGRES_PASSWORD: \${DB_PASSWORD}\n`);
  }
  const settings = { log_level: 'info', [`${rng.pick(NOUNS)}_batch_size`]: rng.int(10, 1000), retry: { attempts: rng.int(2, 8), backoff_ms: rng.int(100, 5000) } };
  if (rng.chance(0.5)) w.write(`${repo}/config/settings.json`, `${JSON.stringify(settings, null, 2)}\n`);
  else w.write(`${repo}/config/settings.yaml`, `# ${name} settings\nlog_level: info\nbatch_size: ${settings.retry.attempts * 100}\nretry:\n  attempts: ${settings.retry.attempts}\n  backoff_ms: ${settings.retry.backoff_ms}\n`);
  if (!python) w.write(`${repo}/tsconfig.json`, '{\n  "compilerOptions": { "target": "ES2022", "module": "NodeNext", "strict": true, "outDir": "dist" },\n  "include": ["src"]\n}\n');
  if (python) w.write(`${repo}/pyproject.toml`, `[tool.poetry]\nname = "${name}"\nversion = "1.${rng.int(0, 30)}.0"\ndescription = "${cap(noun)} service"\n\n[tool.poetry.dependencies]\npython = "^3.11"\nfastapi = "^0.115"\nsqlalchemy = "^2.0"\n\n[tool.ruff]\nline-length = 120\n`);

  // Test fixtures (JSON the config analyzers must look at and put down quickly).
  for (let i = rng.int(1, 5); i > 0; i--) w.write(`${repo}/tests/fixtures/${rng.pick(NOUNS)}s-${i}.json`, jsonFixture(rng, rng.size(60_000, 2_000)));
  if (rng.chance(0.3)) w.write(`${repo}/tests/fixtures/export-${rng.int(1, 99)}.csv`, 'id,amount_cents,currency,status\n'.concat(`${rng.pick(NOUNS)}_${rng.hex(10)},${rng.int(1, 99999)},EUR,${rng.pick(STATUSES)}\n`.repeat(rng.int(200, 4000))));

  // Lockfiles.
  if (python) {
    if (rng.chance(0.6)) w.write(`${repo}/poetry.lock`, poetryLock(rng, rng.int(40, 140)));
    w.write(`${repo}/requirements.txt`, Array.from({ length: rng.int(8, 40) }, () => `${rng.pick(PY_PACKAGES)}==${rng.int(0, 9)}.${rng.int(0, 30)}.${rng.int(0, 9)}`).join('\n') + '\n');
  } else {
    const { lock, manifest } = packageLock(rng, name, rng.int(150, 700));
    w.write(`${repo}/package.json`, manifest);
    w.write(`${repo}/package-lock.json`, lock);
  }

  // Images and fonts (skipped by extension), and sometimes a minified bundle in the repo.
  for (let i = rng.int(2, 8); i > 0; i--) w.write(`${repo}/assets/${rng.pick(NOUNS)}-${i}.png`, binary(PNG, rng.size(25_000, 600), rng.int(0, 1 << 21)));
  if (!python && rng.chance(0.5)) w.write(`${repo}/assets/fonts/inter-${rng.int(1, 9)}00.woff2`, binary(WOFF2, rng.size(60_000, 10_000), rng.int(0, 1 << 21)));
  if (!python && rng.chance(0.15)) w.write(`${repo}/public/assets/vendor.${rng.hex(8)}.min.js`, minifiedBundle(rng.int(300_000, 1_900_000)));
  if (!python && rng.chance(0.04)) w.write(`${repo}/public/assets/app.${rng.hex(8)}.js`, minifiedBundle(rng.int(2_500_000, 6_000_000)));

  // What .gitignore hides: installed dependencies, virtualenvs, build output, caches.
  if (python) {
    const venv = `${repo}/.venv`;
    w.write(`${venv}/pyvenv.cfg`, 'home = /usr/bin\ninclude-system-site-packages = false\nversion = 3.12.3\n', true);
    for (let i = rng.int(15, 40); i > 0; i--) {
      const pkg = rng.pick(PY_PACKAGES).replaceAll('-', '_');
      w.write(`${venv}/lib/python3.12/site-packages/${pkg}/${rng.pick(['__init__', 'core', 'utils', 'models', 'client'])}_${i}.py`, pythonModule(rng, pkg, [], rng.size(8_000, 500)), true);
    }
    // A vendored SDK copy that must never count: hidden by .gitignore and by the virtualenv marker.
    if (rng.chance(0.3)) w.write(`${venv}/lib/python3.12/site-packages/openai/_client.py`, 'from openai import OpenAI\n\nclient = OpenAI()\n', true);
    for (let i = rng.int(5, 15); i > 0; i--) w.write(`${repo}/${packages[0]}/__pycache__/${rng.pick(modules)}.cpython-312.pyc`, binary(PYC, rng.size(6_000, 500), rng.int(0, 1 << 21)), true);
  } else {
    for (let i = rng.int(20, 50); i > 0; i--) {
      const pkg = rng.pick(NPM_PACKAGES);
      const kind = rng.int(0, 3);
      if (kind === 0) w.write(`${repo}/node_modules/${pkg}/package.json`, `{\n  "name": "${pkg}",\n  "version": "${rng.int(1, 9)}.${rng.int(0, 20)}.0",\n  "main": "index.js"\n}\n`, true);
      else if (kind === 1) w.write(`${repo}/node_modules/${pkg}/README.md`, markdown(rng, pkg, rng.size(3_000, 300)), true);
      else w.write(`${repo}/node_modules/${pkg}/lib/${rng.pick(VERBS)}-${i}.js`, tsModule(rng, [], rng.size(7_000, 400), false), true);
    }
    if (rng.chance(0.3)) w.write(`${repo}/node_modules/openai/index.mjs`, "import OpenAI from 'openai';\nexport default OpenAI;\n", true);
    if (rng.chance(0.35)) {
      w.write(`${repo}/dist/server.js`, minifiedBundle(rng.int(200_000, 3_000_000)), true);
      w.write(`${repo}/dist/server.js.map`, `{"version":3,"sources":["../src/server.ts"],"mappings":"${'AAAA,SAAS,IAAI;'.repeat(rng.int(2_000, 20_000))}"}`, true);
    }
  }
  return repo;
}

/** Model names a copy may swap in: a variation that changes no label. */
const MODEL_SWAPS: Array<[RegExp, string[]]> = [
  [/gpt-4o-mini/g, ['gpt-4o-mini', 'gpt-4.1-mini', 'gpt-4.1-nano']],
  [/claude-3-5-haiku-20241022/g, ['claude-3-5-haiku-20241022', 'claude-haiku-4-5']],
];

function listFiles(dir: string, base = dir): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const abs = join(dir, entry.name);
    return entry.isDirectory() ? listFiles(abs, base) : [relative(base, abs).split('\\').join('/')];
  });
}

function plantCopy(w: TreeWriter, rng: Rng, corpus: CorpusRepo, files: Array<{ path: string; text: string }>, prefix: string, standalone: boolean, manifest: Pick<TreeManifest, 'planted' | 'traps'>): void {
  if (standalone) gitFolder(w, rng, prefix, 0);
  for (const { path, text } of files) {
    let out = text;
    for (const [pattern, options] of MODEL_SWAPS) out = out.replace(pattern, () => rng.pick(options));
    // Unrelated pure helpers appended to some code files: the agent does the same thing.
    if (/\.py$/.test(path) && !path.endsWith('__init__.py') && rng.chance(0.4)) {
      out += `\n\n# --- helpers (${rng.pick(TEAMS)}) ---\nimport hashlib  # noqa: E402\nfrom datetime import datetime, timedelta, timezone  # noqa: E402\n${fill(rng.pick(PY_PURE), rng)}`;
    } else if (/\.(ts|js)$/.test(path) && !/(^|\/)index\.[jt]s$/.test(path) && rng.chance(0.4)) {
      // Not to an index module: helpers appended to a barrel would make it code, and the agent behind it a unit.
      out += `\n${fill(rng.pick(TS_PURE), rng).replaceAll('{Status}', cap(rng.pick(STATUSES)))}`;
    }
    w.write(`${prefix}/${path}`, out);
  }
  for (const agent of corpus.expected.agents) {
    manifest.planted.push({
      unitKind: agent.unitKind,
      // Entry files are named by their path; a Dockerfile at a repository's top by the repository's folder, here the copy's.
      name: agent.unitKind === 'code-entry-point' ? `${prefix}/${agent.name}` : agent.unitKind === 'container-service' && /^(?:dockerfile|containerfile)$/i.test(agent.path) ? prefix.slice(prefix.lastIndexOf('/') + 1) : agent.name,
      path: `${prefix}/${agent.path}`,
      classification: agent.classification,
      prefix,
    });
  }
  for (const path of corpus.expected.notAgents) manifest.traps.push(`${prefix}/${path}`);
}

/** Identifies the tree: generator version, parameters, and the corpus it copies. */
export function treeKey(): string {
  const hash = createHash('sha256');
  hash.update(JSON.stringify({ TREE_VERSION, TREE_PARAMS }));
  hash.update(readFileSync(fileURLToPath(import.meta.url)));
  for (const repo of loadCorpus()) {
    for (const path of listFiles(repo.root).sort()) hash.update(`${repo.name}/${path}\0`).update(readFileSync(join(repo.root, path)));
    hash.update(JSON.stringify(repo.expected));
  }
  return hash.digest('hex').slice(0, 16);
}

export function readManifest(dir: string): TreeManifest | null {
  try {
    return JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8')) as TreeManifest;
  } catch {
    return null;
  }
}

/** The tree in `dir`, generated unless a complete one with the same key is already there. */
export function ensureTree(dir = DEFAULT_TREE_DIR, log: (line: string) => void = () => {}): TreeManifest {
  const key = treeKey();
  const existing = readManifest(dir);
  if (existing && existing.version === TREE_VERSION && existing.key === key && existsSync(join(dir, 'tree'))) return existing;
  return generateTree(dir, key, log);
}

export function generateTree(dir: string, key = treeKey(), log: (line: string) => void = () => {}): TreeManifest {
  const started = Date.now();
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  const w = new TreeWriter(join(dir, 'tree'));
  const rng = new Rng(TREE_PARAMS.seed);
  const manifest: Pick<TreeManifest, 'planted' | 'traps'> = { planted: [], traps: [] };

  const noise: string[] = [];
  for (let i = 0; i < TREE_PARAMS.noiseRepos; i++) {
    noise.push(noiseRepo(w, rng, i));
    if (i % 20 === 19) log(`  generated ${i + 1}/${TREE_PARAMS.noiseRepos} repositories, ${w.files.toLocaleString()} files, ${(w.bytes / 1e6).toFixed(0)} MB`);
  }

  const corpus = loadCorpus().map((repo) => ({ repo, files: listFiles(repo.root).sort().map((path) => ({ path, text: readFileSync(join(repo.root, path), 'utf8') })) }));
  let copies = 0;
  for (let k = 0; k < TREE_PARAMS.corpusCopies; k++) {
    for (const { repo, files } of corpus) {
      const nested = copies % TREE_PARAMS.nestEvery === TREE_PARAMS.nestEvery - 1;
      const prefix = nested ? `${noise[copies % noise.length]}/services/${repo.name}-${k}` : `repos/${repo.name}-${String(k).padStart(2, '0')}`;
      plantCopy(w, rng, repo, files, prefix, !nested, manifest);
      copies++;
    }
  }

  const result: TreeManifest = {
    version: TREE_VERSION,
    key,
    files: w.files,
    bytes: w.bytes,
    ignoredFiles: w.ignoredFiles,
    ignoredBytes: w.ignoredBytes,
    corpusCopies: copies,
    planted: manifest.planted,
    traps: manifest.traps,
    generatedInMs: Date.now() - started,
  };
  // Written last (through a rename): a tree without a manifest is incomplete and is regenerated.
  writeFileSync(join(dir, 'manifest.tmp'), JSON.stringify(result));
  renameSync(join(dir, 'manifest.tmp'), join(dir, 'manifest.json'));
  return result;
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const dir = process.argv[2] ?? DEFAULT_TREE_DIR;
  const manifest = ensureTree(dir, (line) => console.log(line));
  console.log(
    `${join(dir, 'tree')}: ${manifest.files.toLocaleString()} files, ${(manifest.bytes / 1e6).toFixed(0)} MB (${manifest.ignoredFiles.toLocaleString()} files / ${(manifest.ignoredBytes / 1e6).toFixed(0)} MB ignored), ${manifest.planted.length} planted agents in ${manifest.corpusCopies} corpus copies, generated in ${(manifest.generatedInMs / 1000).toFixed(1)} s`,
  );
}
