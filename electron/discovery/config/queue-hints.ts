/**
 * A long-running process is started by what it consumes. Words in its env, command or args that
 * name a queue, topic or broker say it runs on messages rather than on requests.
 */
const QUEUE_WORDS = /(^|[^a-z])(queue|queues|topic|topics|kafka|sqs|sns|pubsub|rabbitmq|amqp|nats|kinesis|celery|rq|sidekiq|eventhub|servicebus)([^a-z]|$)/i;

export function queueHint(text: string): string | null {
  return text.match(QUEUE_WORDS)?.[2]?.toLowerCase() ?? null;
}
