import { cdrCsvParser } from './cdr-parser.js';
import { type ColumnMap, mappedCsvParser } from './column-map.js';
import { readLineBatches } from './line-reader.js';
import { queueLogCsvParser, queueLogParser } from './queue-log-parser.js';
import type { ParserOptions, RecordParser } from './record-parser.js';
import type { AuditFormat, AuditRecord, FileAccount } from './records.js';
import { sqlDumpParser } from './sql-dump-parser.js';

/** Options of {@link readRecords}. */
export interface ReadRecordsOptions extends ParserOptions {
  format: AuditFormat;
  /** Required for `mapped-csv`. */
  map?: ColumnMap | undefined;
  /** Caller-number transform applied as records are read (pseudonymisation). */
  caller?: ((raw: string) => string) | undefined;
  /** The file's name in its account and in errors (the path as the user gave it); else `path`. */
  name?: string | undefined;
}

/** The parser for a format; `name` names the file in its account and its errors. */
export function parserFor(name: string, options: ReadRecordsOptions): RecordParser {
  switch (options.format) {
    case 'queue_log':
      return queueLogParser(name, options);
    case 'queue_log-csv':
      return queueLogCsvParser(name, options);
    case 'sql':
      return sqlDumpParser(name, options);
    case 'cdr-csv':
    case 'freeswitch-csv':
      return cdrCsvParser(name, options.format, options);
    case 'mapped-csv':
      if (!options.map) throw new TypeError('parserFor: mapped-csv needs options.map');
      return mappedCsvParser(name, options.map, options);
  }
}

/** A batch of records from one file, in file order. */
export interface RecordBatch {
  records: AuditRecord[];
}

/**
 * Stream one file as batches of records, every line accounted for in `account` (filled as the
 * stream advances; complete when it ends). Constant memory. Cost: O(bytes).
 */
export function readRecords(
  path: string,
  options: ReadRecordsOptions,
): { account: FileAccount; batches: AsyncGenerator<AuditRecord[]> } {
  const parser = parserFor(options.name ?? path, options);
  async function* batches(): AsyncGenerator<AuditRecord[]> {
    const onLatin1 = (line: number) => {
      parser.account.latin1FromLine = line;
    };
    for await (const batch of readLineBatches(path, undefined, {
      onLatin1,
      name: options.name ?? path,
    })) {
      const out: AuditRecord[] = [];
      const { lines, firstLine } = batch;
      for (let i = 0; i < lines.length; i++) parser.parseLine(lines[i]!, firstLine + i, out);
      if (out.length > 0) yield out;
    }
    const out: AuditRecord[] = [];
    parser.finish(out);
    if (out.length > 0) yield out;
  }
  return { account: parser.account, batches: batches() };
}

/**
 * Merge record streams of several files into one in time order (a k-way merge of their heads;
 * a file whose own times go backwards keeps its order, counted in its `outOfOrder`). Calls
 * `visit` for each record. Memory: one batch per file.
 */
export async function mergeInTimeOrder(
  streams: AsyncGenerator<AuditRecord[]>[],
  visit: (record: AuditRecord) => void,
): Promise<void> {
  if (streams.length === 1) {
    for await (const batch of streams[0]!) for (const record of batch) visit(record);
    return;
  }
  const heads: { batch: AuditRecord[]; index: number; stream: AsyncGenerator<AuditRecord[]> }[] =
    [];
  for (const stream of streams) {
    const next = await stream.next();
    if (!next.done) heads.push({ batch: next.value, index: 0, stream });
  }
  while (heads.length > 0) {
    let best = 0;
    let bestTime = heads[0]!.batch[heads[0]!.index]!.time;
    for (let k = 1; k < heads.length; k++) {
      const head = heads[k]!;
      const time = head.batch[head.index]!.time;
      if (time < bestTime) {
        best = k;
        bestTime = time;
      }
    }
    const head = heads[best]!;
    visit(head.batch[head.index]!);
    head.index++;
    if (head.index >= head.batch.length) {
      const next = await head.stream.next();
      if (next.done) heads.splice(best, 1);
      else {
        head.batch = next.value;
        head.index = 0;
      }
    }
  }
}
