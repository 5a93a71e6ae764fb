import json
from datetime import datetime, timedelta, timezone

import boto3

BUCKET = "nw-merchant-risk"
REPORT_PREFIX = "reports/"
RETENTION = timedelta(days=400)

s3 = boto3.client("s3")


def read_signals(week: str) -> list[dict]:
    body = s3.get_object(Bucket=BUCKET, Key=f"signals/{week}.json")["Body"].read()
    return json.loads(body)


def write_report(merchant_id: str, week: str, markdown: str) -> str:
    key = f"{REPORT_PREFIX}{week}/{merchant_id}.md"
    s3.put_object(Bucket=BUCKET, Key=key, Body=markdown.encode(), ContentType="text/markdown", ServerSideEncryption="aws:kms")
    return key


def purge_expired_reports() -> int:
    cutoff = datetime.now(timezone.utc) - RETENTION
    expired = [
        {"Key": item["Key"]}
        for page in s3.get_paginator("list_objects_v2").paginate(Bucket=BUCKET, Prefix=REPORT_PREFIX)
        for item in page.get("Contents", [])
        if item["LastModified"] < cutoff
    ]
    for start in range(0, len(expired), 1000):
        s3.delete_objects(Bucket=BUCKET, Delete={"Objects": expired[start : start + 1000]})
    return len(expired)
