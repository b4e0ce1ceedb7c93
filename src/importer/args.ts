/**
 * Command-line arguments of `npm run import`, parsed and checked without
 * touching anything, so bad arguments (exit 2) are found before any input is read.
 */
import { parseArgs } from 'node:util';
import { DOCUMENT_TYPES, type DocumentType } from '../schemas/document.ts';
import { isPartialDate } from '../lib/partial-date.ts';
import type { Overrides } from './meta.ts';

/** Parsed arguments. */
export interface CliArgs {
  inputs: string[];
  out: string;
  dryRun: boolean;
  force: boolean;
  report?: string;
  retrieved?: string;
  overrides: Overrides;
  help: boolean;
}

/** Usage text shown by --help and after an argument error. */
export const USAGE = `usage: npm run import -- [options] <file or folder>...

  --out <dir>          where documents go (default: content/)
  --dry-run            print what would be written and the report; write nothing
  --report <file>      write the full report as JSON
  --force              overwrite existing documents
  --type <kind>        override the kind: ${Object.keys(DOCUMENT_TYPES).join(', ')}
  --region <name>      override the region, e.g. 北京市海淀区
  --issuer <name>      override the issuer, e.g. 海淀区人大常委会
  --date <date>        override the date: YYYY, YYYY-MM or YYYY-MM-DD
  --source-url <url>   override the source address (http:// or https://)
  --retrieved <date>   when the copies were taken (source.retrieved)
  -h, --help           show this help

exit status: 0 all imported, 1 some inputs failed (the others are written), 2 bad arguments`;

/** Parses argv (without node and script); returns the arguments or an error message. */
export function parseCliArgs(argv: string[]): { ok: true; args: CliArgs } | { ok: false; error: string } {
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      allowPositionals: true,
      strict: true,
      options: {
        out: { type: 'string' },
        'dry-run': { type: 'boolean' },
        report: { type: 'string' },
        force: { type: 'boolean' },
        type: { type: 'string' },
        region: { type: 'string' },
        issuer: { type: 'string' },
        date: { type: 'string' },
        'source-url': { type: 'string' },
        retrieved: { type: 'string' },
        help: { type: 'boolean', short: 'h' },
      },
    });
  } catch (error) {
    return { ok: false, error: (error as Error).message };
  }
  const v = parsed.values;
  if (v.help) return { ok: true, args: { inputs: [], out: 'content', dryRun: false, force: false, overrides: {}, help: true } };
  if (parsed.positionals.length === 0) return { ok: false, error: 'no input: name at least one file or folder' };
  const overrides: Overrides = {};
  if (v.type !== undefined) {
    if (!(v.type in DOCUMENT_TYPES)) return { ok: false, error: `--type "${v.type}" is unknown: use one of ${Object.keys(DOCUMENT_TYPES).join(', ')}` };
    overrides.type = v.type as DocumentType;
  }
  for (const key of ['date', 'retrieved'] as const) {
    const value = v[key];
    if (value !== undefined && !isPartialDate(value)) return { ok: false, error: `--${key} "${value}" is not a date: write YYYY, YYYY-MM or YYYY-MM-DD` };
  }
  if (v.date !== undefined) overrides.date = v.date;
  if (v['source-url'] !== undefined) {
    if (!/^https?:\/\/\S+$/.test(v['source-url'])) return { ok: false, error: `--source-url "${v['source-url']}" must start with http:// or https://` };
    overrides.sourceUrl = v['source-url'];
  }
  for (const key of ['region', 'issuer'] as const) {
    const value = v[key];
    if (value !== undefined && value.trim() === '') return { ok: false, error: `--${key} is empty` };
    if (value !== undefined) overrides[key] = value.trim();
  }
  if (v.out !== undefined && v.out.trim() === '') return { ok: false, error: '--out is empty' };
  if (v.report !== undefined && v.report.trim() === '') return { ok: false, error: '--report is empty' };
  return {
    ok: true,
    args: {
      inputs: parsed.positionals,
      out: v.out ?? 'content',
      dryRun: v['dry-run'] ?? false,
      force: v.force ?? false,
      ...(v.report !== undefined ? { report: v.report } : {}),
      ...(v.retrieved !== undefined ? { retrieved: v.retrieved } : {}),
      overrides,
      help: false,
    },
  };
}
