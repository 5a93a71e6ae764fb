"""The review clock: one process that wakes on weekday mornings and runs the dispute reviewer."""
import asyncio
import logging

from apscheduler.schedulers.blocking import BlockingScheduler

from disputes.reviewer import review_open_disputes

logging.basicConfig(level=logging.INFO)
sched = BlockingScheduler(timezone="Europe/Dublin")


@sched.scheduled_job("cron", day_of_week="mon-fri", hour=6, minute=15)
def morning_review():
    summary = asyncio.run(review_open_disputes())
    logging.info("dispute review done: %s", summary)


sched.start()
