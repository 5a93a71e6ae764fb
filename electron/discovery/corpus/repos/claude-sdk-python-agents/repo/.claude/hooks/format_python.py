#!/usr/bin/env python3
"""PostToolUse hook: formats the Python file Claude just edited."""

import json
import subprocess
import sys

payload = json.load(sys.stdin)
path = payload.get("tool_input", {}).get("file_path", "")
if path.endswith(".py"):
    subprocess.run(["ruff", "format", path], check=False)
    subprocess.run(["ruff", "check", "--fix", path], check=False)
sys.exit(0)
