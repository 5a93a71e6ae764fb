#!/usr/bin/env bun
import { readFile } from 'node:fs/promises';
import { Octokit } from '@octokit/rest';
import { renderSummary } from '../format/render-messages';

async function run() {
  const octokit = new Octokit({ auth: process.env.GITHUB_TOKEN });
  const [owner, repo] = (process.env.GITHUB_REPOSITORY ?? '/').split('/');
  const transcript = JSON.parse(await readFile(`${process.env.RUNNER_TEMP}/claude-execution-output.json`, 'utf8'));
  await octokit.rest.issues.createComment({ owner: owner!, repo: repo!, issue_number: Number(process.env.ISSUE_NUMBER), body: renderSummary(transcript) });
}

run();
