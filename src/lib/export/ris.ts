/**
 * A document as one RIS record (`/documents/<id>.ris`), the format EndNote,
 * NoteExpress and Zotero all import: one `XX  - value` line per field, CRLF
 * line ends as the RIS specification asks, UTF-8, ending with `ER  - `.
 *
 * Tags follow the RIS specification's meaning for each type: the document
 * number is `SN` for `LEGAL` and `GOVDOC` and `M1` for the others; `DA` holds
 * the date as precise as it is (`2019/10//` for a month), `PY` its year;
 * `Y2` the access date. The address to cite comes first as `UR`, the
 * archive's own address after it; `DB` and `AN` name the archive and the
 * document id.
 */
import { ARCHIVE_NAME, EXPORT_TYPES, type ExportDate, type ExportRecord } from './record.ts';

function pad(n: number): string {
  return String(n).padStart(2, '0');
}

/** A date in RIS form, `YYYY/MM/DD/`, with empty parts where the date is less precise: `2019/10//`. */
export function risDate(date: ExportDate): string {
  return `${date.year}/${date.month === undefined ? '' : pad(date.month)}/${date.day === undefined ? '' : pad(date.day)}/`;
}

/**
 * One field line. A value must stay on its line and must not contain the
 * tag separator `  - `, so blanks are collapsed (record texts are one line
 * already; this also covers addresses and keywords).
 */
function line(tag: string, value: string): string {
  return `${tag}  - ${value.replace(/\s+/g, (blank) => (blank === '\u3000' ? blank : ' ')).trim()}`;
}

/** The RIS record of a record, ending with CRLF. */
export function toRis(record: ExportRecord): string {
  const type = EXPORT_TYPES[record.kind].ris;
  const lines = [line('TY', type), line('TI', record.title)];
  if (record.creator) lines.push(line('AU', record.creator.name));
  if (record.date) {
    lines.push(line('PY', String(record.date.year)));
    lines.push(line('DA', risDate(record.date)));
  }
  if (record.docNumber) lines.push(line(type === 'LEGAL' || type === 'GOVDOC' ? 'SN' : 'M1', record.docNumber));
  if (record.publisher) lines.push(line('PB', record.publisher));
  lines.push(line('M3', record.kindLabel));
  lines.push(line('UR', record.url));
  if (record.url !== record.archiveUrl) lines.push(line('UR', record.archiveUrl));
  if (record.accessed) lines.push(line('Y2', risDate(record.accessed)));
  for (const keyword of record.keywords) lines.push(line('KW', keyword));
  lines.push(line('LA', record.language));
  lines.push(line('DB', ARCHIVE_NAME));
  lines.push(line('AN', record.id));
  lines.push('ER  - ');
  return `${lines.join('\r\n')}\r\n`;
}
