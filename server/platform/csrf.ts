// CSRF defence for every state-changing request (POST/PUT/PATCH/DELETE):
// 1. the browser's own signal: a request the browser marks cross-site (Sec-Fetch-Site) or whose Origin
//    is not this host is refused;
// 2. a synchroniser token: the header `x-csrf-token` must equal the token bound to the session (signed
//    in), or the `cabildo_csrf` cookie (anonymous: Join form, login, setup). The cookie is httpOnly and
//    SameSite=Strict; the page learns the token from GET /api/v1/session, which another origin cannot read.
import { randomBytes, timingSafeEqual } from 'node:crypto';

export const CSRF_COOKIE = 'cabildo_csrf';
export const CSRF_HEADER = 'x-csrf-token';

export function newCsrfToken(): string {
  return randomBytes(24).toString('base64url');
}

export function tokensMatch(a: string | undefined, b: string | undefined): boolean {
  if (!a || !b) return false;
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

export function isCrossSite(
  headers: Record<string, string | string[] | undefined>,
  host: string | undefined,
): boolean {
  const site = headers['sec-fetch-site'];
  if (site === 'cross-site') return true;
  const origin = headers.origin;
  if (typeof origin === 'string' && origin !== 'null' && host) {
    try {
      return new URL(origin).host !== host;
    } catch {
      return true;
    }
  }
  return origin === 'null';
}
