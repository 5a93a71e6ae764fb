#!/usr/bin/env bash
# Weekday morning report: Claude reads yesterday's incidents and posts the summary to the ops channel.
set -euo pipefail
cd /srv/ops-app

claude -p "Summarise yesterday's incidents from incidents/ and post the summary to #ops with the Slack MCP server" \
  --model claude-sonnet-4-5 \
  --mcp-config ops/mcp.json \
  --allowedTools "Read" "Glob" "mcp__slack__post_message" \
  --output-format text
