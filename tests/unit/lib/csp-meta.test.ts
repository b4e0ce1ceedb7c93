import { describe, expect, it } from 'vitest';
import { cspMetaEnabled, metaContentSecurityPolicy } from '../../../src/lib/csp-meta.ts';
import { CONTENT_SECURITY_POLICY } from '../../../src/lib/content-security-policy.ts';

describe('the Content-Security-Policy as a meta element', () => {
  it("is the header's policy without frame-ancestors, which a meta element cannot set", () => {
    const meta = metaContentSecurityPolicy(CONTENT_SECURITY_POLICY);
    expect(meta).not.toContain('frame-ancestors');
    expect(meta).toBe(CONTENT_SECURITY_POLICY.replace(/; frame-ancestors 'none'/, ''));
    expect(meta).toContain("script-src 'self' 'wasm-unsafe-eval'");
  });

  it('drops every header-only directive, whatever its case and spacing', () => {
    expect(metaContentSecurityPolicy(" default-src 'self' ;Report-URI /r; sandbox;  img-src data: ; report-to x")).toBe("default-src 'self'; img-src data:");
  });

  it('is written only with WENYUAN_CSP_META=1', () => {
    expect(cspMetaEnabled('1')).toBe(true);
    expect(cspMetaEnabled(undefined)).toBe(false);
    expect(cspMetaEnabled('')).toBe(false);
    expect(cspMetaEnabled('true')).toBe(false);
  });
});
