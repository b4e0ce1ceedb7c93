/**
 * The Content-Security-Policies the archive runs under: the pages' (sent by
 * the static server, or carried in a meta element where a host cannot send
 * headers, csp-meta.ts) and the staff editor's under /admin/.
 */
import path from 'node:path';

/** The Content-Security-Policy the archive runs under (Pagefind needs WebAssembly). */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self' 'wasm-unsafe-eval'",
  "style-src 'self'",
  "img-src 'self' data:",
  "connect-src 'self'",
  "worker-src 'self'",
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'self'",
  "frame-ancestors 'none'",
].join('; ');

/**
 * The policy of the staff editor under /admin/ (Decap CMS), and only there:
 * Decap styles its React components at run time (emotion writes <style>
 * elements: 'unsafe-inline' styles), compiles its configuration's JSON Schema
 * with ajv (new Function: 'unsafe-eval'), talks to the local backend
 * (decap-server on localhost, any port) or to GitHub's or GitLab's API, and
 * shows avatars and previews of uploads (https:, blob:).
 */
export const ADMIN_CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self' 'unsafe-eval' 'wasm-unsafe-eval'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob: https:",
  "connect-src 'self' http://localhost:* http://127.0.0.1:* https://api.github.com https://gitlab.com",
  "worker-src 'self' blob:",
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'self'",
  "frame-ancestors 'none'",
].join('; ');

/** The Content-Security-Policy for a request path: the editor's under /admin/, the archive's everywhere else. */
export function contentSecurityPolicy(urlPath: string): string {
  let pathname: string;
  try {
    // As the file is found: /admin/../search/ is the search page and gets the archive's policy.
    pathname = path.posix.normalize(`/${decodeURIComponent(urlPath.split(/[?#]/)[0]!)}`);
  } catch {
    return CONTENT_SECURITY_POLICY;
  }
  return pathname === '/admin' || pathname.startsWith('/admin/') ? ADMIN_CONTENT_SECURITY_POLICY : CONTENT_SECURITY_POLICY;
}
