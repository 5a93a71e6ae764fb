import { CsvRecordReader } from './csv-records';
import { OPENAI_USAGE_FIELDS, openAiGrouping, openAiUsageRow, type ResultFields } from './openai-usage-result';
import { UsageInputError, type UsageFormatSpec, type UsageParser, type UsageSink } from './usage-format';
import { cutForMessage, describeValue, readTimestampMs, type TimeSpan } from './usage-values';

/**
 * The OpenAI usage dashboard's CSV export: one line per result, the bucket in four columns
 * (`start_time,end_time,start_time_iso,end_time_iso`), then whichever result fields the export
 * chose, named as in the Usage API's JSON. Lines of one bucket follow each other, so a bucket's
 * grouping is known once the next bucket starts and only its lines are held.
 */

const TIME_COLUMNS = ['start_time', 'end_time', 'start_time_iso', 'end_time_iso'] as const;
const KNOWN_COLUMNS: ReadonlySet<string> = new Set(OPENAI_USAGE_FIELDS);
const EXPECTED_COLUMNS = `${TIME_COLUMNS.join(',')} then any of ${OPENAI_USAGE_FIELDS.filter((field) => field !== 'object').join(', ')}`;

const HEADER = /^\uFEFF?"?start_time"?,"?end_time"?,"?start_time_iso"?,"?end_time_iso"?(?:,|\r?\n|$)/;

interface PendingLine {
  fields: ResultFields;
  line: number;
}

class OpenAiUsageCsvParser implements UsageParser {
  private readonly csv = new CsvRecordReader((cells, line) => this.record(cells, line));
  /** Known result columns: name and cell index. */
  private columns: [string, number][] | null = null;
  private columnCount = 0;
  private bucket: TimeSpan | null = null;
  private bucketLines: PendingLine[] = [];

  constructor(private readonly sink: UsageSink) {}

  write(chunk: Buffer): void {
    this.csv.write(chunk);
  }

  end(): void {
    this.csv.end();
    if (this.columns === null) throw new UsageInputError('line 1', `the file is empty; expected a header row of ${EXPECTED_COLUMNS}`);
    this.flushBucket();
  }

  private record(cells: string[], line: number): void {
    if (this.columns === null) {
      this.header(cells, line);
      return;
    }
    if (cells.length !== this.columnCount) {
      throw new UsageInputError(
        `line ${line}`,
        `the line has ${cells.length} cells but the header has ${this.columnCount} columns; expected one cell per column (a cell holding a comma must be quoted): export the file again`,
      );
    }
    const span = this.span(cells, `line ${line}`);
    // Bucket times alone (no usage column) are an empty period: checked, and nothing to count.
    if (this.columns.length === 0) return;
    if (this.bucket === null || span.startMs !== this.bucket.startMs || span.endMs !== this.bucket.endMs) {
      this.flushBucket();
      this.bucket = span;
    }
    const fields: Record<string, string> = {};
    for (const [name, index] of this.columns) fields[name] = cells[index]!;
    this.bucketLines.push({ fields, line });
  }

  private header(cells: string[], line: number): void {
    const names = cells.map((cell) => cell.trim());
    const timeColumnsFirst = TIME_COLUMNS.every((name, index) => names[index] === name);
    if (!timeColumnsFirst) {
      throw new UsageInputError(`line ${line}`, `the header starts ${describeValue(cells.slice(0, 4).join(','))}; expected ${EXPECTED_COLUMNS}: export the usage CSV from the OpenAI dashboard`);
    }
    const rest = names.slice(TIME_COLUMNS.length);
    const seen = new Set<string>();
    for (const name of names) {
      if (seen.has(name)) throw new UsageInputError(`line ${line}`, `the header names the column ${describeValue(name)} twice; expected each column once: export the file again`);
      seen.add(name);
    }
    const known = rest.map((name, offset): [string, number] => [name, offset + TIME_COLUMNS.length]).filter(([name]) => KNOWN_COLUMNS.has(name));
    if (rest.length > 0 && known.length === 0) {
      throw new UsageInputError(
        `line ${line}`,
        `the header has no usage column (found ${describeValue(cutForMessage(rest.join(',')))}); expected ${EXPECTED_COLUMNS}: export the completions usage CSV`,
      );
    }
    if (known.length === 0) {
      this.sink.warn(`line ${line}`, 'the export has the bucket times but no usage columns: nothing to import (the period had no usage, or the export left the counts out)');
    }
    this.columns = known;
    this.columnCount = names.length;
  }

  /** The bucket from its unix seconds, or its ISO times where the seconds are blank; the two must agree. */
  private span(cells: string[], position: string): TimeSpan {
    const bound = (seconds: string, iso: string, secondsName: string, isoName: string): number => {
      if (seconds.trim() === '' && iso.trim() === '') {
        throw new UsageInputError(position, `the line has neither ${secondsName} nor ${isoName}: every bucket needs its start and end; export the file again`);
      }
      const fromSeconds = seconds.trim() === '' ? null : readTimestampMs(seconds, secondsName, position);
      const fromIso = iso.trim() === '' ? null : readTimestampMs(iso, isoName, position);
      if (fromSeconds !== null && fromIso !== null && fromSeconds !== fromIso) {
        throw new UsageInputError(position, `${secondsName} ${describeValue(seconds)} and ${isoName} ${describeValue(iso)} are different times; expected the same bucket bound twice: export the file again`);
      }
      return (fromSeconds ?? fromIso)!;
    };
    const [startSeconds = '', endSeconds = '', startIso = '', endIso = ''] = cells;
    const startMs = bound(startSeconds, startIso, 'start_time', 'start_time_iso');
    const endMs = bound(endSeconds, endIso, 'end_time', 'end_time_iso');
    if (endMs < startMs) {
      throw new UsageInputError(position, `end_time ${describeValue(endSeconds || endIso)} is before start_time ${describeValue(startSeconds || startIso)}: a bucket must end after it starts`);
    }
    return { startMs, endMs };
  }

  private flushBucket(): void {
    const span = this.bucket;
    if (span === null) return;
    const grouping = openAiGrouping(this.bucketLines.map((pending) => pending.fields));
    for (const { fields, line } of this.bucketLines) {
      this.sink.row(openAiUsageRow(fields, span, grouping, `line ${line}`, { countsRequired: false }));
    }
    this.bucketLines = [];
    this.bucket = null;
  }
}

export const openAiUsageCsvFormat: UsageFormatSpec = {
  format: 'openai-usage-csv',
  detect: (head) => HEADER.test(head),
  createParser: (sink) => new OpenAiUsageCsvParser(sink),
};
