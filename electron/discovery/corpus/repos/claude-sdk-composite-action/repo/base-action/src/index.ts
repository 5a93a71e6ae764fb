#!/usr/bin/env bun
import * as core from '@actions/core';
import { readPromptFile } from './prompt-file';
import { runClaude } from './run-claude';

async function run() {
  try {
    const prompt = await readPromptFile(process.env.INPUT_PROMPT_FILE ?? '');
    const result = await runClaude(prompt, {
      model: process.env.INPUT_MODEL,
      maxTurns: process.env.INPUT_MAX_TURNS ? Number(process.env.INPUT_MAX_TURNS) : undefined,
      extraAllowedTools: (process.env.INPUT_ALLOWED_TOOLS ?? '').split(',').filter(Boolean),
    });
    core.setOutput('conclusion', result.conclusion);
    core.setOutput('execution_file', result.executionFile);
  } catch (error) {
    core.setFailed(`Claude run failed: ${error}`);
    process.exit(1);
  }
}

if (import.meta.main) {
  run();
}
