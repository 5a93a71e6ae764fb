#!/usr/bin/env bash
# Rotates the app's logs; nothing here talks to a model (claude only appears in this comment).
find /var/log/ops-app -name '*.log' -mtime +7 -delete
