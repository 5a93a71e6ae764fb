#!/bin/sh
set -eu
STAMP=$(date +%Y%m%d)
pg_dump "$DATABASE_URL" | gzip > "/tmp/ledger-$STAMP.sql.gz"
aws s3 cp "/tmp/ledger-$STAMP.sql.gz" "s3://northwind-ledger-backups/$STAMP.sql.gz"
