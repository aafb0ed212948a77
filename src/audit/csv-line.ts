/**
 * Split one CSV line into fields, leniently, the way real telephony exports need: a quote
 * opens a quoted field only at its start; inside it `""` is a quote and a quote not followed by
 * the separator or the end of the line is kept as a character (so PBXware's broken
 * `""Ramana Ulsa" <1115>"` still gives one field). Records never span lines: an unclosed quote
 * ends at the end of its line, so one bad line cannot swallow the rest of a file (csv-parse's
 * streaming parser, tried first, does exactly that on an unclosed quote).
 * Cost: O(line length).
 */
export function splitCsvLine(line: string, separator = ','): string[] {
  const fields: string[] = [];
  const length = line.length;
  const sep = separator.charCodeAt(0);
  let i = 0;
  for (;;) {
    if (i < length && line.charCodeAt(i) === 34) {
      let value = '';
      i++;
      let start = i;
      for (;;) {
        if (i >= length) {
          value += line.slice(start);
          break;
        }
        if (line.charCodeAt(i) === 34) {
          const next = i + 1 < length ? line.charCodeAt(i + 1) : -1;
          if (next === 34) {
            value += `${line.slice(start, i)}"`;
            i += 2;
            start = i;
            continue;
          }
          if (next === sep || next === -1) {
            value += line.slice(start, i);
            i++;
            break;
          }
          i++;
          continue;
        }
        i++;
      }
      fields.push(value);
    } else {
      let end = line.indexOf(separator, i);
      if (end === -1) end = length;
      fields.push(line.slice(i, end));
      i = end;
    }
    if (i >= length) break;
    if (line.charCodeAt(i) === sep) {
      i++;
      if (i === length) {
        fields.push('');
        break;
      }
    }
  }
  return fields;
}
