/**
 * CSV for Dutch Excel. The hub answers comma-separated CSV (RFC 4180); Excel with Dutch settings expects a semicolon
 * between the fields and reads UTF-8 only when the file starts with a byte order mark. This rewrites the separator
 * (quoting fields as needed) and adds the mark.
 */

/** The fields of each line of an RFC 4180 CSV text. */
export function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') {
      row.push(field);
      field = '';
    } else if (c === '\n' || c === '\r') {
      if (c === '\r' && text[i + 1] === '\n') i++;
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
    } else field += c;
  }
  if (field !== '' || row.length > 0) {
    row.push(field);
    rows.push(row);
  }
  return rows;
}

const quote = (field: string): string => (/[;"\r\n]/.test(field) ? `"${field.replace(/"/g, '""')}"` : field);

/** The same rows with `;` between the fields, CRLF line ends and a UTF-8 byte order mark in front. */
export function toExcelCsv(commaSeparated: string): string {
  return `\uFEFF${parseCsv(commaSeparated)
    .map((row) => row.map(quote).join(';'))
    .join('\r\n')}\r\n`;
}
