#!/usr/bin/env bash
# Weekly finance report for the controllers' channel.
set -euo pipefail
cd "$(dirname "$0")/.."
claude -p "Write the weekly ledger report: balances of the suspense accounts and what changed" \
  --mcp-config scripts/report-mcp.json \
  --allowedTools "mcp__ledger__account_balance" "Write(reports/**)" > reports/weekly.md
