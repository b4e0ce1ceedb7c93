/**
 * The Content-Security-Policy as a `<meta http-equiv>` element, for hosts
 * that cannot send headers (GitHub Pages, GitLab Pages; README "Headers: what
 * each host allows"). Browsers ignore some directives in a meta element, so
 * they are left out rather than sent to be ignored with a console warning.
 */

/** Directives a policy delivered by `<meta>` cannot carry (CSP Level 3, §3.3). */
export const HEADER_ONLY_DIRECTIVES = ['frame-ancestors', 'report-uri', 'report-to', 'sandbox'] as const;

/** `policy` without the directives a meta element cannot carry, e.g. without `frame-ancestors 'none'`. */
export function metaContentSecurityPolicy(policy: string): string {
  return policy
    .split(';')
    .map((directive) => directive.trim())
    .filter((directive) => directive !== '' && !(HEADER_ONLY_DIRECTIVES as readonly string[]).includes(directive.split(/\s+/)[0]!.toLowerCase()))
    .join('; ');
}

/** Whether pages carry the policy as a meta element (WENYUAN_CSP_META=1). */
export function cspMetaEnabled(value: string | undefined): boolean {
  return value === '1';
}
