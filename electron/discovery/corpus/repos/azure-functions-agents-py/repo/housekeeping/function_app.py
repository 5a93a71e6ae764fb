"""Purges expired export files: no model involved."""

import datetime
import os

import azure.functions as func
from azure.storage.blob import BlobServiceClient

app = func.FunctionApp()


@app.timer_trigger(schedule="0 15 3 * * *", arg_name="timer")
def purge_exports(timer: func.TimerRequest) -> None:
    service = BlobServiceClient.from_connection_string(os.environ["EXPORTS_STORAGE"])
    container = service.get_container_client("exports")
    cutoff = datetime.datetime.now(datetime.timezone.utc) - datetime.timedelta(days=30)
    for blob in container.list_blobs():
        if blob.last_modified < cutoff:
            container.delete_blob(blob.name)
