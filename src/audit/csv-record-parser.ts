import { splitCsvLine } from './csv-line.js';
import { countBlank, isBlank, type RecordParser } from './record-parser.js';
import { type AuditRecord, type FileAccount, rejectLine } from './records.js';

/** The columns of a CSV file, fixed by its first record. */
export interface CsvColumns {
  /** Column index by name. */
  index: Map<string, number>;
  /** Number of fields every record must have. */
  width: number;
  /** True when the first record named the columns: it is counted as blank, not as a record. */
  header: boolean;
}

/**
 * Called with each record's fields (already checked to be `width` of them); it accounts for
 * the line itself: a record counted, or the line rejected with its reason.
 */
export type CsvRecordReader = (
  fields: string[],
  columns: Map<string, number>,
  text: string,
  line: number,
  out: AuditRecord[],
) => void;

/**
 * The line loop the audit's CSV readers share (CDR, FreeSWITCH, queue_log exports, mapped
 * per-call CSV): a blank line is counted as blank; every other line is split by
 * {@link splitCsvLine} (one record per line, so one bad line cannot swallow the next); the
 * first record fixes the columns through `columnsOf` (a header, or a layout chosen from it),
 * which returns the reason instead when it cannot — that line is then rejected and the next one
 * tried; a record with another number of fields is rejected with its line number. Cost: one
 * split per line.
 */
export function csvRecordParser(
  account: FileAccount,
  columnsOf: (fields: string[]) => CsvColumns | string,
  read: CsvRecordReader,
  separator = ',',
): RecordParser {
  let columns: CsvColumns | undefined;
  return {
    account,
    parseLine(text, line, out) {
      if (isBlank(text)) {
        countBlank(account);
        return;
      }
      const fields = splitCsvLine(text, separator);
      if (!columns) {
        const found = columnsOf(fields);
        if (typeof found === 'string') {
          rejectLine(account, line, found, text);
          return;
        }
        columns = found;
        if (found.header) {
          countBlank(account);
          return;
        }
      }
      if (fields.length !== columns.width) {
        rejectLine(account, line, `expected ${columns.width} fields, got ${fields.length}`, text);
        return;
      }
      read(fields, columns.index, text, line, out);
    },
    finish() {},
  };
}
