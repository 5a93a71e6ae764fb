#!/usr/bin/env bun
import * as core from '@actions/core';
import { mkdir, writeFile } from 'node:fs/promises';
import { fetchContext } from '../github/context';
import { buildPrompt } from '../format/prompt';

async function run() {
  const trigger = process.env.TRIGGER_PHRASE ?? '@claude';
  const context = await fetchContext(process.env.GITHUB_TOKEN ?? '');
  const containsTrigger = context.commentBody.includes(trigger);
  core.setOutput('contains_trigger', String(containsTrigger));
  if (!containsTrigger) return;
  const dir = `${process.env.RUNNER_TEMP}/claude-prompts`;
  await mkdir(dir, { recursive: true });
  await writeFile(`${dir}/claude-prompt.txt`, buildPrompt(context));
}

run();
