/**
 * The front matter of an archive document. One schema per document kind,
 * discriminated on `type`, so a wrong field names the kind it does not fit.
 * Used by the content collection (build) and by the importer (before writing).
 */
import { z } from 'astro/zod';
import { parsePartialDate } from '../lib/partial-date.ts';
import {
  DOCUMENT_TYPES,
  QUALITY_FLAG_KINDS,
  STATUSES,
  TYPES_WITH_STATUS,
  type DocumentType,
} from '../lib/vocabulary.ts';

export { DOCUMENT_TYPES, QUALITY_FLAG_KINDS, STATUSES, TYPES_WITH_STATUS, type DocumentType };

/** A date as precise as the source: `2019`, `2019-10` or `2019-10-29`. */
export const partialDate = z.preprocess(
  // YAML reads `date: 2019` as a number and `date: 2019-10-29` as a Date;
  // both mean the text the staff member wrote. (Impossible dates such as
  // 2023-13-01 are caught before YAML by lib/front-matter-dates.)
  (value) => {
    if (typeof value === 'number' && Number.isInteger(value)) return String(value);
    if (value instanceof Date && !Number.isNaN(value.getTime())) return value.toISOString().slice(0, 10);
    return value;
  },
  z.string({ error: 'a date must be written as YYYY, YYYY-MM or YYYY-MM-DD' }).superRefine((value, ctx) => {
    const parsed = parsePartialDate(value);
    if ('error' in parsed) ctx.addIssue({ code: 'custom', message: parsed.error });
  }),
);

/** One quality problem, with where it is in the body when it has a place. */
export const qualityFlag = z.object({
  /** What kind of problem, e.g. `garbled` (乱码). */
  kind: z.enum(Object.keys(QUALITY_FLAG_KINDS) as [keyof typeof QUALITY_FLAG_KINDS]),
  /** A sentence a reader understands, e.g. 第5段含无法恢复的乱码. */
  note: z.string().min(1),
  /** 1-based line in the Markdown body where the problem is, when it has a place. */
  line: z.number().int().positive().optional(),
  /** 1-based column on that line. */
  column: z.number().int().positive().optional(),
  /** The affected text exactly as it stands, e.g. `?!耙桓晃瘍稍骸`. */
  text: z.string().optional(),
  /** For `uncertain`: the front-matter field the importer was not sure of, e.g. `title`. */
  field: z.string().min(1).optional(),
  /** For `uncertain`: the other values it weighed, best first, e.g. two title lines. */
  candidates: z.array(z.string()).optional(),
});

/** Where the copy in the archive came from. */
export const source = z.object({
  /** Publisher or site, e.g. 北京市人民代表大会常务委员会. */
  name: z.string().min(1).optional(),
  /** Address of the original, e.g. http://www.bjrd.gov.cn/…/t20220405_2654062.html. */
  url: z
    .url({ protocol: /^https?$/, message: 'source.url must be a full address starting with http:// or https://' })
    .optional(),
  /** When the copy was taken, e.g. 2024-05-01. */
  retrieved: partialDate.optional(),
  /** SHA-256 of the raw file the document was imported from (64 hex digits). */
  sha256: z.string().regex(/^[0-9a-f]{64}$/, 'sha256 must be 64 lowercase hex digits').optional(),
}).strict();

/** Fields every document kind has. */
const base = z.object({
  /**
   * Stable ASCII id that fixes the URL (/documents/<id>/); moving or renaming
   * the file never changes it. e.g. `2019-10-29-haidian-renda-gongzuo-huiyi`.
   */
  id: z.string().regex(/^[a-z0-9][a-z0-9-]*$/, 'id may use only lowercase a–z, digits and hyphens, e.g. 2019-10-29-haidian-renda'),
  /** Title, e.g. 区委召开第五次人大工作会议. */
  title: z
    .string({
      error: (issue) =>
        issue.input === undefined ? 'title is missing: every document needs a title' : 'title must be text',
    })
    .trim()
    .min(1, 'title is empty: every document needs a title'),
  /** Subtitle or lead title, e.g. 以新担当新作为奋力开创新时代海淀人大工作新局面. */
  subtitle: z.string().min(1).optional(),
  /** Date as precise as the source: 2019, 2019-10 or 2019-10-29. Leave out when unknown. */
  date: partialDate.optional(),
  /** What the source says about the date when it is incomplete, e.g. 原文仅有"10月29日". */
  date_note: z.string().min(1).optional(),
  /** Issuing body or author's unit (发文机关/作者单位), e.g. 海淀区人大常委会. */
  issuer: z.string().min(1).optional(),
  /** Administrative division (行政区划), e.g. 北京市海淀区. */
  region: z.string().min(1).optional(),
  /** Document number (发文字号), e.g. 青人常发〔2023〕4号. */
  doc_number: z.string().min(1).optional(),
  /** Speaker (讲话人), e.g. 于军. */
  speaker: z.string().min(1).optional(),
  /** Meeting (会议), e.g. 区委第五次人大工作会议. */
  meeting: z.string().min(1).optional(),
  /** Date it takes effect (施行日期), e.g. 2023-03-01. */
  effective: partialDate.optional(),
  /** Provenance of the copy. */
  source: source.optional(),
  /** Script of the original: zh-Hant when it was converted from Traditional Chinese. */
  original_script: z.enum(['zh-Hans', 'zh-Hant']).default('zh-Hans'),
  /** Free keywords, e.g. [人大工作, 全过程人民民主]. */
  tags: z.array(z.string().min(1)).default([]),
  /** Other titles the document is cited by, e.g. [区委《意见》]. */
  aliases: z.array(z.string().min(1)).default([]),
  /** Known problems of this copy. */
  quality: z.object({
    /** e.g. [{ kind: garbled, note: 第5段含乱码, line: 9 }]. */
    flags: z.array(qualityFlag).default([]),
  }).strict().default({ flags: [] }),
});

/** Validity (时效性), e.g. 现行有效. */
const status = z.enum(STATUSES, {
  message: `status must be one of ${STATUSES.join(' / ')}`,
});

/** Id shared by all versions of one rule (a document id without the date), e.g. `beijing-beian-shencha-tiaoli`. */
const work = z.string().regex(
  /^[a-z0-9][a-z0-9-]*$/,
  'work may use only lowercase a–z, digits and hyphens, e.g. beijing-beian-shencha-tiaoli; give every version of the rule the same work',
);

/** The fields only a rule has: which rule it is a version of, and when this version was adopted. */
const versionFields = {
  /**
   * Versions of one rule share a `work`: 北京市…备案审查条例 of 2021 and of
   * 2024 both have `work: beijing-beian-shencha-tiaoli`. Each keeps its own id and URL.
   */
  work: work.optional(),
  /** When this version was adopted or amended (通过/修订/修正日期), e.g. 2024-09-27; orders the versions. */
  adopted: partialDate.optional(),
};

function onlyForRules(field: string, type: string) {
  return z
    .never({ message: `${field} applies only to rule documents (versions of a rule); a ${type} has none, remove the field` })
    .optional();
}

function kindWithStatus<T extends DocumentType>(type: T) {
  const versions = type === 'rule' ? versionFields : { work: onlyForRules('work', type), adopted: onlyForRules('adopted', type) };
  return base.extend({ type: z.literal(type), status: status.optional(), ...versions }).strict();
}

function kindWithoutStatus<T extends DocumentType>(type: T) {
  return base.extend({
    type: z.literal(type),
    status: z
      .never({
        message: `status (时效性) applies only to ${TYPES_WITH_STATUS.join(', ')}; a ${type} has none, remove the field`,
      })
      .optional(),
    work: onlyForRules('work', type),
    adopted: onlyForRules('adopted', type),
  }).strict();
}

/** The front matter of any archive document, discriminated on `type`. */
export const documentSchema = z.discriminatedUnion(
  'type',
  [
    kindWithoutStatus('meeting-report'),
    kindWithoutStatus('speech'),
    kindWithStatus('rule'),
    kindWithStatus('opinion'),
    kindWithStatus('decision'),
    kindWithStatus('notice'),
    kindWithoutStatus('article'),
  ],
  {
    error: (issue) => {
      const given = (issue.input as { type?: unknown } | undefined)?.type;
      const kinds = Object.keys(DOCUMENT_TYPES).join(', ');
      return given === undefined
        ? `type is missing: add one of ${kinds}`
        : `type "${String(given)}" is unknown: use one of ${kinds}`;
    },
  },
);

/** Validated front matter of one document. */
export type DocumentData = z.infer<typeof documentSchema>;

/** True when the kind carries a validity status. */
export function hasStatus(type: DocumentType): type is (typeof TYPES_WITH_STATUS)[number] {
  return (TYPES_WITH_STATUS as readonly string[]).includes(type);
}

/** One problem found in front matter, phrased for the staff member who fixes it. */
export interface FrontMatterProblem {
  /** Dotted path of the field, e.g. `source.url`; empty for the whole document. */
  field: string;
  message: string;
}

/** Validates front matter and returns the data or every problem found. */
export function validateFrontMatter(
  data: unknown,
): { ok: true; data: DocumentData } | { ok: false; problems: FrontMatterProblem[] } {
  const result = documentSchema.safeParse(data);
  if (result.success) return { ok: true, data: result.data };
  return {
    ok: false,
    problems: result.error.issues.map((issue) => ({
      field: issue.path.join('.'),
      message: issue.code === 'unrecognized_keys'
        ? `unknown field${issue.keys.length > 1 ? 's' : ''} ${issue.keys.join(', ')}: check the spelling or remove ${issue.keys.length > 1 ? 'them' : 'it'}`
        : issue.message,
    })),
  };
}
