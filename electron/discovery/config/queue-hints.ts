import { posix } from 'node:path';

/**
 * A long-running process is started by what it consumes. Words in its env, command or args that
 * name a queue, topic or broker, or a task-queue runner (`python -m arq …`, `manage.py qcluster`,
 * `rake jobs:work`), say it runs on messages rather than on requests.
 */
const QUEUE_WORDS = /(^|[^a-z])(queue|queues|topic|topics|kafka|sqs|sns|pubsub|rabbitmq|amqp|nats|kinesis|celery|rq|sidekiq|eventhub|servicebus|arq|dramatiq|huey|bullmq|qcluster|rqworker|resque|solid_queue|good_job|faktory|jobs:work)([^a-z]|$)/i;

/** Names of background work: a `worker` process or service, `jobs`, a `consumer`, `email_worker`, a `run_worker` module. */
const BACKGROUND_NAME = /(^|[_-])(workers?|jobs?|consumers?)([_-]|\d|$)/i;

/**
 * A long-running process named for background work, or running a module that is
 * (`notices: python -m worker.run_worker`): it runs jobs or polls, though no queue is named.
 */
export function isBackgroundWorker(name: string, codePaths: readonly string[]): boolean {
  return BACKGROUND_NAME.test(name) || codePaths.some((path) => BACKGROUND_NAME.test(posix.basename(path).replace(/\.[^.]+$/, '')));
}

export function queueHint(text: string): string | null {
  return text.match(QUEUE_WORDS)?.[2]?.toLowerCase() ?? null;
}
