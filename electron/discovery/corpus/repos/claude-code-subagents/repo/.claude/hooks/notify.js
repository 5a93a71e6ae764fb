#!/usr/bin/env node
// Notification hook: shows a desktop notification when Claude is waiting for input.
const { execFileSync } = require('node:child_process');

let input = '';
process.stdin.on('data', (chunk) => (input += chunk));
process.stdin.on('end', () => {
  const { message } = JSON.parse(input || '{}');
  execFileSync('notify-send', ['Claude Code', message ?? 'Waiting for you']);
});
