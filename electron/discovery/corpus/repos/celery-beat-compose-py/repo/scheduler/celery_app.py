import os

from celery import Celery
from celery.schedules import crontab

REDIS_URL = os.getenv("REDIS_URL", "redis://redis:6379/0")

app = Celery(
    "northwind_ops",
    broker=REDIS_URL,
    backend=REDIS_URL,
    include=["scheduler.tasks.dunning", "scheduler.tasks.fx"],
)

app.conf.timezone = "UTC"
app.conf.task_default_queue = "default"

# Beat only enqueues these; the worker service runs them.
app.conf.beat_schedule = {
    "draft-dunning-letters": {
        "task": "scheduler.tasks.dunning.draft_dunning_letters",
        "schedule": crontab(hour=7, minute=30, day_of_week="1-5"),
    },
    "refresh-fx-rates": {
        "task": "scheduler.tasks.fx.refresh_fx_rates",
        "schedule": crontab(minute=0),
    },
}
