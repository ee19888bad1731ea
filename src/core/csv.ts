// CSV as RFC 4180 says: comma-separated, CRLF line ends, fields with commas, quotes or line breaks
// quoted; text a spreadsheet would run as a formula neutralised.

/**
 * OWASP's CSV-injection rule: a text cell starting with one of these is taken by spreadsheets as a
 * formula (`=HYPERLINK(…)`, `+cmd|…`, `-2+3`, `@SUM(…)`, and tab or CR that some strip first).
 */
const FORMULA_START = /^[=+\-@\t\r]/;

/**
 * Text as a spreadsheet will show it, never run it: a leading single quote before a formula start.
 * Numbers are left alone (they are data, and Ballast's minutes and hours are never negative).
 */
export function neutraliseFormula(text: string): string {
  return FORMULA_START.test(text) ? `'${text}` : text;
}

/** One field, quoted only when it has to be (comma, quote, CR or LF, or leading/trailing space). */
export function csvField(value: string | number | null | undefined): string {
  if (value === null || value === undefined) return '';
  const s = typeof value === 'number' ? String(value) : neutraliseFormula(value);
  return /[",\r\n]|^\s|\s$/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

/** One record, ending in CRLF as RFC 4180 asks. */
export function csvRow(values: readonly (string | number | null | undefined)[]): string {
  return `${values.map(csvField).join(',')}\r\n`;
}

export interface CsvRecord {
  /** The physical line (1-based) the record starts on, for error messages. */
  line: number;
  fields: string[];
}

export type CsvParse = { ok: true; records: CsvRecord[] } | { ok: false; line: number; message: string };

/**
 * Parse a whole document. Accepts CRLF or LF, a final line break or none, quoted fields holding commas,
 * doubled quotes and line breaks. Blank lines are skipped. A stray quote inside an unquoted field or an
 * unterminated quoted field is an error naming its line.
 */
export function parseCsv(text: string): CsvParse {
  const records: CsvRecord[] = [];
  let line = 1;
  let i = 0;
  const n = text.length;
  if (text.charCodeAt(0) === 0xfeff) i = 1; // a byte-order mark from spreadsheet exports
  while (i < n) {
    const startLine = line;
    const fields: string[] = [];
    let atRecordEnd = false;
    while (!atRecordEnd) {
      let field = '';
      if (text[i] === '"') {
        i++;
        for (;;) {
          if (i >= n) return { ok: false, line: startLine, message: 'a quoted field is never closed' };
          const c = text[i];
          if (c === '"') {
            if (text[i + 1] === '"') {
              field += '"';
              i += 2;
              continue;
            }
            i++;
            break;
          }
          if (c === '\n') line++;
          field += c;
          i++;
        }
        if (i < n && text[i] !== ',' && text[i] !== '\n' && text[i] !== '\r') {
          return { ok: false, line, message: 'text follows a closing quote; double a quote inside a quoted field ("")' };
        }
      } else {
        while (i < n && text[i] !== ',' && text[i] !== '\n' && text[i] !== '\r') {
          if (text[i] === '"') return { ok: false, line, message: 'a quote inside an unquoted field; quote the whole field' };
          field += text[i];
          i++;
        }
      }
      fields.push(field);
      if (i >= n) atRecordEnd = true;
      else if (text[i] === ',') i++;
      else {
        if (text[i] === '\r') i++;
        if (text[i] === '\n') i++;
        line++;
        atRecordEnd = true;
      }
    }
    const blank = fields.length === 1 && fields[0].trim() === '';
    if (!blank) records.push({ line: startLine, fields });
  }
  return { ok: true, records };
}
