import { describe, expect, it } from 'vitest';
import { analyzed } from './test-helpers';
import { triggerOfEntryPoint } from '../link/entry-point-triggers';

const DIGEST = `
def digest():
    OpenAI().responses.create(model="gpt-4.1-mini", input="Summarise the open disputes")
`;

describe('a process that is a scheduler (APScheduler, the schedule library)', () => {
  it('a Heroku-style clock: BlockingScheduler jobs started at the end are a scheduled entry with their cron read, not a server start', async () => {
    const clock = await analyzed(
      'clock.py',
      `from apscheduler.schedulers.blocking import BlockingScheduler
from openai import OpenAI

sched = BlockingScheduler()
${DIGEST}

@sched.scheduled_job("cron", day_of_week="mon-fri", hour=12, minute=55)
def morning():
    digest()


sched.start()
`,
    );
    expect(clock.entryPoint).toMatchObject({ ruleId: 'py.entry-point.scheduled', snippet: 'sched.start()' });
    expect(clock.entrySchedule).toBe('55 12 * * mon-fri');
    expect(triggerOfEntryPoint(clock)).toMatchObject({ kind: 'cron', schedule: '55 12 * * mon-fri' });
  });

  it('add_job with a trigger name, a trigger keyword or a trigger object: cron fields, crontab text and intervals', async () => {
    const scheduleOf = async (job: string) =>
      (await analyzed('scheduler.py', `from apscheduler.schedulers.blocking import BlockingScheduler\nfrom apscheduler.triggers.cron import CronTrigger\nfrom openai import OpenAI\n${DIGEST}\nscheduler = BlockingScheduler()\n${job}\nscheduler.start()\n`)).entrySchedule ?? null;
    expect(await scheduleOf(`scheduler.add_job(digest, "interval", hours=3)`)).toBe('every 3 hours');
    expect(await scheduleOf(`scheduler.add_job(digest, "interval", minutes=1)`)).toBe('every minute');
    expect(await scheduleOf(`scheduler.add_job(digest, trigger="cron", hour="*/2")`)).toBe('0 */2 * * *');
    expect(await scheduleOf(`scheduler.add_job(digest, CronTrigger.from_crontab("0 10 * * *"), name="digest")`)).toBe('0 10 * * *');
    expect(await scheduleOf(`scheduler.add_job(digest, trigger=CronTrigger(hour=6, minute=30))`)).toBe('30 6 * * *');
    // APScheduler counts weekdays from Monday: 0-4 is Monday to Friday, written as names cron reads alike.
    expect(await scheduleOf(`scheduler.add_job(digest, "cron", day_of_week="0-4", hour=8)`)).toBe('0 8 * * mon-fri');
    expect(await scheduleOf(`scheduler.add_job(digest, "cron", day_of_week="fri")`)).toBe('0 0 * * fri');
    expect(await scheduleOf(`scheduler.add_job(digest, "cron", second="*/30")`)).toBe('*/30 * * * * *');
    // Several different times, or a time not written literally: scheduled, with no one schedule to show.
    expect(await scheduleOf(`scheduler.add_job(digest, "cron", hour=8)\nscheduler.add_job(digest, "cron", hour=20)`)).toBeNull();
    expect(await scheduleOf(`scheduler.add_job(digest, "interval", seconds=60 * 60)`)).toBeNull();
  });

  it('a scheduler started beside a server is not what the process is known by; started under a main guard, it is', async () => {
    const alone = await analyzed(
      'worker.py',
      `import asyncio
from apscheduler.schedulers.asyncio import AsyncIOScheduler
from openai import OpenAI
${DIGEST}

async def main():
    scheduler = AsyncIOScheduler()
    scheduler.add_job(digest, "cron", hour=7)
    scheduler.start()
    await asyncio.Event().wait()


if __name__ == "__main__":
    asyncio.run(main())
`,
    );
    expect(alone.entryPoint?.ruleId).toBe('py.entry-point.scheduler-start');
    expect(triggerOfEntryPoint(alone)).toMatchObject({ kind: 'cron', schedule: '0 7 * * *' });
    const beside = await analyzed(
      'app.py',
      `from apscheduler.schedulers.background import BackgroundScheduler
from fastapi import FastAPI
from openai import OpenAI
${DIGEST}
scheduler = BackgroundScheduler()
scheduler.add_job(digest, "interval", minutes=30)
scheduler.start()
app = FastAPI()


@app.post("/ask")
def ask(question: str):
    return OpenAI().responses.create(model="gpt-4.1-mini", input=question).output_text
`,
    );
    expect(beside.entryPoint?.ruleId).toBe('py.entry-point.route-decorator');
    expect(triggerOfEntryPoint(beside).kind).toBe('user');
  });

  it("the schedule library's run_pending loop is a scheduled process, its jobs' schedule read", async () => {
    const loop = await analyzed(
      'run.py',
      `import time
import schedule
from openai import OpenAI
${DIGEST}
schedule.every().day.at("06:00").do(digest)

while True:
    schedule.run_pending()
    time.sleep(30)
`,
    );
    expect(loop.entryPoint?.ruleId).toBe('py.entry-point.scheduled');
    expect(triggerOfEntryPoint(loop)).toMatchObject({ kind: 'cron', schedule: '0 6 * * *' });
    const scheduleOf = async (jobs: string) => (await analyzed('run.py', `import time\nimport schedule\nfrom openai import OpenAI\n${DIGEST}\n${jobs}\nwhile True:\n    schedule.run_pending()\n    time.sleep(30)\n`)).entrySchedule ?? null;
    expect(await scheduleOf('schedule.every(3).hours.do(digest)')).toBe('every 3 hours');
    expect(await scheduleOf('schedule.every().minute.do(digest)')).toBe('every minute');
    expect(await scheduleOf('schedule.every().saturday.at("09:30").do(digest)')).toBe('30 9 * * sat');
    // Two times a day, or a time kept in a variable: scheduled, with no one schedule to show.
    expect(await scheduleOf('schedule.every().day.at("09:00").do(digest)\nschedule.every().day.at("19:00").do(digest)')).toBeNull();
    expect(await scheduleOf('schedule.every().day.at(DIGEST_TIME).do(digest)')).toBeNull();
  });
});
