import { SESv2Client, SendEmailCommand } from '@aws-sdk/client-sesv2';
import type { ChatCompletionTool } from 'openai/resources/chat/completions';
import { ledgerTotals, pool } from './ledger';

const ses = new SESv2Client({});
const MAX_ADJUSTMENT_CENTS = 5_000;

export const toolDefinitions: ChatCompletionTool[] = [
  {
    type: 'function',
    function: {
      name: 'fetch_acquirer_report',
      description: 'Download one settlement report (CSV) from a link listed in the acquirer index.',
      parameters: { type: 'object', properties: { url: { type: 'string' } }, required: ['url'] },
    },
  },
  {
    type: 'function',
    function: {
      name: 'ledger_totals',
      description: 'Ledger totals per currency for one acquirer and value date.',
      parameters: {
        type: 'object',
        properties: { acquirer: { type: 'string' }, day: { type: 'string', format: 'date' } },
        required: ['acquirer', 'day'],
      },
    },
  },
  {
    type: 'function',
    function: {
      name: 'post_adjustment',
      description: 'Book a reconciliation adjustment of at most 50.00 in the ledger.',
      parameters: {
        type: 'object',
        properties: {
          acquirer: { type: 'string' },
          currency: { type: 'string' },
          amountCents: { type: 'integer' },
          reason: { type: 'string' },
        },
        required: ['acquirer', 'currency', 'amountCents', 'reason'],
      },
    },
  },
  {
    type: 'function',
    function: {
      name: 'notify_finance',
      description: 'Email the finance operations team about a difference that needs a person.',
      parameters: { type: 'object', properties: { subject: { type: 'string' }, body: { type: 'string' } }, required: ['subject', 'body'] },
    },
  },
];

type ToolArgs = Record<string, string | number>;

export async function runTool(name: string, args: ToolArgs): Promise<string> {
  switch (name) {
    case 'fetch_acquirer_report': {
      const response = await fetch(String(args.url), { signal: AbortSignal.timeout(20_000) });
      return (await response.text()).slice(0, 50_000);
    }
    case 'ledger_totals':
      return JSON.stringify(await ledgerTotals(String(args.acquirer), String(args.day)));
    case 'post_adjustment': {
      const cents = Number(args.amountCents);
      if (Math.abs(cents) > MAX_ADJUSTMENT_CENTS) return 'Refused: adjustments above 50.00 need finance approval.';
      await pool.query(
        `INSERT INTO ledger_adjustments (acquirer, currency, amount_cents, reason, booked_by)
         VALUES ($1, $2, $3, $4, 'settlement-reconciler')`,
        [args.acquirer, args.currency, cents, args.reason],
      );
      return 'booked';
    }
    case 'notify_finance':
      await ses.send(
        new SendEmailCommand({
          FromEmailAddress: 'reconciler@northwind-pay.example',
          Destination: { ToAddresses: [process.env.FINANCE_ALERTS_TO ?? 'finance-ops@northwind-pay.example'] },
          Content: { Simple: { Subject: { Data: String(args.subject) }, Body: { Text: { Data: String(args.body) } } } },
        }),
      );
      return 'sent';
    default:
      return `unknown tool ${name}`;
  }
}
