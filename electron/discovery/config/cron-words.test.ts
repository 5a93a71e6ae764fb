import { describe, expect, it } from 'vitest';
import { describeCron } from './cron-words';

describe('describeCron', () => {
  it.each([
    ['0 6 * * *', 'Every day at 06:00'],
    ['0 9 * * 1', 'Every Monday at 09:00'],
    ['*/15 * * * *', 'Every 15 minutes'],
    ['30 */4 * * *', 'At minute 30 past every 4th hour'],
    ['0 */2 * * *', 'Every 2 hours'],
    ['* * * * *', 'Every minute'],
    ['0 9 * * 1-5', 'Every Monday to Friday at 09:00'],
    ['0 22 * * MON,THU', 'Every Monday and Thursday at 22:00'],
    ['5 4 * * sun', 'Every Sunday at 04:05'],
    ['0 0 * * 7', 'Every Sunday at 00:00'],
    ['0 6,18 * * *', 'Every day at 06:00 and 18:00'],
    ['0 0 1 * *', 'On day 1 of the month at 00:00'],
    ['0 0 1 1 *', 'Every year on 1 January at 00:00'],
    ['0 0,12 1 */2 *', 'On day 1 of the month at 00:00 and 12:00, in every 2nd month'],
    ['0 12 1 * 1', 'On day 1 of the month or every Monday at 12:00'],
    ['*/10 9-17 * * MON-FRI', 'Every 10 minutes from 09:00 to 17:00, on Monday to Friday'],
    ['0 9-17 * * *', 'Every hour from 09:00 to 17:00'],
    ['23 0-20/2 * * *', 'At minute 23 past every 2nd hour from 00:00 to 20:00'],
    ['H/15 * * * *', 'Every 15 minutes'],
    ['H 6 * * *', 'Every day between 06:00 and 06:59'],
    ['TZ=Europe/London 0 6 * * *', 'Every day at 06:00 (Europe/London)'],
  ])('five-field %s', (expression, words) => {
    expect(describeCron(expression)).toBe(words);
  });

  it.each([
    ['@daily', 'Every day at 00:00'],
    ['@hourly', 'Every hour'],
    ['@weekly', 'Every Sunday at 00:00'],
    ['@monthly', 'On day 1 of every month at 00:00'],
    ['@yearly', 'Every year on 1 January at 00:00'],
    ['@reboot', 'At every system start'],
  ])('alias %s', (expression, words) => {
    expect(describeCron(expression)).toBe(words);
  });

  it.each([
    ['cron(0 12 * * ? *)', 'Every day at 12:00'],
    ['cron(0 8 ? * MON-FRI *)', 'Every Monday to Friday at 08:00'],
    ['cron(0 9 ? * 2 *)', 'Every Monday at 09:00'],
    ['cron(0/15 * * * ? *)', 'Every 15 minutes'],
    ['cron(0 10 ? * 6L *)', 'On the last Friday of the month at 10:00'],
    ['cron(0 10 ? * 2#1 *)', 'On the first Monday of the month at 10:00'],
    ['cron(0 0 L * ? *)', 'On the last day of the month at 00:00'],
    ['cron(0 9 15W * ? *)', 'On the weekday nearest day 15 of the month at 09:00'],
    ['rate(5 minutes)', 'Every 5 minutes'],
    ['rate(1 hour)', 'Every hour'],
    ['rate(1 day)', 'Every day'],
  ])('AWS %s', (expression, words) => {
    expect(describeCron(expression)).toBe(words);
  });

  it.each(['61 * * * *', 'not a cron', '* * * *', '0 6 * * 8', 'cron(0 12 * *)', 'rate(0 minutes)', '0 25 * * *', '1-x * * * *', ''])('keeps %j as an unrecognised schedule', (expression) => {
    expect(describeCron(expression)).toBe(`Unrecognised schedule: ${expression}`);
  });
});
