import { describe, expect, it } from 'vitest';
import { analyzed } from './test-helpers';

describe('scheduled jobs written in code', () => {
  it('node-cron with its expression in a constant: the schedule is read through the name', async () => {
    const findings = await analyzed(
      'jobs/digest.ts',
      `import cron from 'node-cron'
import OpenAI from 'openai'
const NIGHTLY = '30 2 * * *'
const client = new OpenAI()
cron.schedule(NIGHTLY, async () => {
  await client.responses.create({ model: 'gpt-4.1-mini', input: 'Summarise the night' })
})
`,
    );
    expect(findings.entryPoint?.ruleId).toBe('ts.entry-point.scheduled');
    expect(findings.entrySchedule).toBe('30 2 * * *');
  });

  it('Azure Functions (Python v2): a timer function is scheduled with its NCRONTAB read; a queue function is an event, a route a web handler', async () => {
    const timer = await analyzed(
      'function_app.py',
      `import azure.functions as func
from openai import AzureOpenAI

app = func.FunctionApp()
NIGHTLY = "0 30 2 * * *"


@app.route(route="health")
def health(req: func.HttpRequest) -> func.HttpResponse:
    return func.HttpResponse("ok")


@app.timer_trigger(schedule=NIGHTLY, arg_name="timer", run_on_startup=False)
def nightly_review(timer: func.TimerRequest) -> None:
    AzureOpenAI().chat.completions.create(model="gpt-4o", messages=[{"role": "user", "content": "Review"}])
`,
    );
    // The route comes first in the file, but the unattended trigger is the one that says what starts the unit.
    expect(timer.entryPoint).toMatchObject({ ruleId: 'py.entry-point.scheduled', line: 13 });
    expect(timer.entrySchedule).toBe('0 30 2 * * *');
    const older = await analyzed(
      'digest/function_app.py',
      `import azure.functions as func
import anthropic

bp = func.Blueprint()


@bp.schedule(schedule="0 0 6 * * 1-5", arg_name="t")
def digest(t):
    anthropic.Anthropic().messages.create(model="claude-sonnet-4-5", max_tokens=500, messages=[])
`,
    );
    expect(older.entryPoint?.ruleId).toBe('py.entry-point.scheduled');
    expect(older.entrySchedule).toBe('0 0 6 * * 1-5');
    const queued = await analyzed(
      'queue_app.py',
      `import azure.functions as func
import anthropic

app = func.FunctionApp()


@app.queue_trigger(arg_name="msg", queue_name="disputes", connection="STORAGE")
def on_dispute(msg: func.QueueMessage) -> None:
    anthropic.Anthropic().messages.create(model="claude-sonnet-4-5", max_tokens=500, messages=[])
`,
    );
    expect(queued.entryPoint?.ruleId).toBe('py.entry-point.route-decorator');
    expect(queued.entrySchedule).toBeUndefined();
  });

  it("Inngest: a function on an app's client, with a cron trigger or only an event", async () => {
    const cron = await analyzed(
      'src/inngest/digest.ts',
      `import { createAgent, gemini } from '@inngest/agent-kit'
import { inngest } from './client'
const writer = createAgent({ name: 'digest', system: 'Summarise', model: gemini({ model: 'gemini-2.5-flash' }) })
export const nightly = inngest.createFunction({ id: 'nightly' }, { triggers: [{ cron: '0 3 * * 1-5' }] }, async () => writer.run('go'))
`,
    );
    expect(cron.entryPoint).toMatchObject({ ruleId: 'ts.entry-point.scheduled', line: 4 });
    expect(cron.entrySchedule).toBe('0 3 * * 1-5');
    expect(cron.llm).toMatchObject([{ provider: 'google', models: ['gemini-2.5-flash'] }]);
    const event = await analyzed(
      'src/inngest/resolve.ts',
      `import { anthropic, createAgent } from '@inngest/agent-kit'
import { inngest } from '@/inngest/client'
const resolver = createAgent({ name: 'resolver', system: 'Decide', model: anthropic({ model: 'claude-sonnet-4-5' }) })
export const resolve = inngest.createFunction({ id: 'resolve' }, { event: 'disputes/opened' }, async ({ event }) => resolver.run(event.data.id))
`,
    );
    expect(event.entryPoint?.ruleId).toBe('ts.entry-point.scheduled');
    expect(event.entrySchedule).toBeUndefined();
  });

  it('every way a job library is handed its schedule: literal, words, a receiver call, an options object', async () => {
    const scheduleOf = async (path: string, source: string) => (await analyzed(path, source)).entrySchedule;
    const openai = "import OpenAI from 'openai'\nconst client = new OpenAI()\n";
    const summarise = "client.responses.create({ model: 'gpt-4.1-mini', input: 'go' })";
    expect(await scheduleOf('jobs/a.ts', `import cron from 'node-cron'\n${openai}cron.schedule('0 7 * * 1-5', async () => ${summarise})\n`)).toBe('0 7 * * 1-5');
    expect(await scheduleOf('functions/src/b.ts', `import { onSchedule } from 'firebase-functions/v2/scheduler'\n${openai}export const sweep = onSchedule('every day 02:00', async () => { await ${summarise} })\n`)).toBe('every day 02:00');
    expect(await scheduleOf('functions/index.js', `const functions = require('firebase-functions')\nconst OpenAI = require('openai')\nconst client = new OpenAI()\nexports.digest = functions.pubsub.schedule('every 5 minutes').onRun(async () => ${summarise})\n`)).toBe('every 5 minutes');
    expect(await scheduleOf('jobs/c.ts', `import { CronJob } from 'cron'\n${openai}CronJob.from({ cronTime: '*/15 * * * *', onTick: async () => { await ${summarise} }, start: true })\n`)).toBe('*/15 * * * *');
    expect(await scheduleOf('src/trigger/d.ts', `import { schedules } from '@trigger.dev/sdk/v3'\n${openai}export const nightly = schedules.task({ id: 'nightly', cron: { pattern: '0 5 * * *', timezone: 'Asia/Tokyo' }, run: async () => ${summarise} })\n`)).toBe('0 5 * * *');
    // A schedule nothing in the file writes (read from the environment) is not guessed.
    expect(await scheduleOf('jobs/e.ts', `import { CronJob } from 'cron'\n${openai}new CronJob(process.env.SCHEDULE, async () => ${summarise}).start()\n`)).toBeUndefined();
  });
  it('Modal: a function given modal.Cron or modal.Period is scheduled with its schedule read; a plain function is run on demand, a web endpoint answers HTTP', async () => {
    const modalApp = (decorators: string) => `import modal
from openai import OpenAI

app = modal.App("market-digest")
image = modal.Image.debian_slim().pip_install("openai")

${decorators}
def digest():
    OpenAI().responses.create(model="gpt-4.1-mini", input="Summarise today's filings")
`;
    const cron = await analyzed('digest.py', modalApp('@app.function(image=image, secrets=[modal.Secret.from_name("openai")], schedule=modal.Cron("0 7,17 * * 1-5"))'));
    expect(cron.entryPoint?.ruleId).toBe('py.entry-point.scheduled');
    expect(cron.entrySchedule).toBe('0 7,17 * * 1-5');
    const period = await analyzed('digest.py', modalApp('@app.function(schedule=modal.Period(hours=6))'));
    expect(period.entrySchedule).toBe('every 6 hours');
    expect((await analyzed('digest.py', modalApp('@app.function(schedule=modal.Period(days=1))'))).entrySchedule).toBe('every day');
    const onDemand = await analyzed('digest.py', modalApp('@app.function(image=image)'));
    expect(onDemand.entryPoint?.ruleId).toBe('py.entry-point.task-decorator');
    expect(onDemand.entrySchedule ?? null).toBeNull();
    const web = await analyzed('digest.py', modalApp('@app.function(image=image)\n@modal.fastapi_endpoint(method="POST")'));
    expect(web.entryPoint?.ruleId).toBe('py.entry-point.route-decorator');
  });
});
