#!/usr/bin/env bash
# SubagentStop hook: asks a second, read-only Claude for risks in what the subagent changed.
set -euo pipefail

DIFF=$(git diff HEAD -- services/)
[ -z "$DIFF" ] && exit 0

printf '%s' "$DIFF" | claude --print \
  --model claude-haiku-4-5 \
  --allowedTools "Read" "Grep" \
  "List security risks in this diff, one per line." >> "$CLAUDE_PROJECT_DIR/.claude/second-opinion.log"
