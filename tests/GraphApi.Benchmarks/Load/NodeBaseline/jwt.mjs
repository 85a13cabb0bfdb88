// HS256 access tokens as the app issues them (sub, username, role; iss and aud "GraphApi"), verified with
// node:crypto alone. A token that fails any check leaves the caller anonymous, as the app's JwtBearer does.
import { createHmac, timingSafeEqual } from 'node:crypto'

const CLOCK_SKEW_SECONDS = 30 // the app's Jwt:ClockSkewSeconds default

export function createVerifier ({ signingKey, issuer = 'GraphApi', audience = 'GraphApi' }) {
  const key = Buffer.from(signingKey, 'utf8')

  /** The caller `{ id, username, role }` of an `Authorization: Bearer …` header, or null. */
  return function verify (authorization) {
    if (typeof authorization !== 'string' || !authorization.startsWith('Bearer ')) return null
    const token = authorization.slice(7).trim()
    const firstDot = token.indexOf('.')
    const lastDot = token.lastIndexOf('.')
    if (firstDot <= 0 || lastDot === firstDot) return null

    const expected = createHmac('sha256', key).update(token.slice(0, lastDot)).digest()
    const actual = Buffer.from(token.slice(lastDot + 1), 'base64url')
    if (actual.length !== expected.length || !timingSafeEqual(actual, expected)) return null

    let header, claims
    try {
      header = JSON.parse(Buffer.from(token.slice(0, firstDot), 'base64url').toString('utf8'))
      claims = JSON.parse(Buffer.from(token.slice(firstDot + 1, lastDot), 'base64url').toString('utf8'))
    } catch {
      return null
    }
    if (header?.alg !== 'HS256' || claims === null || typeof claims !== 'object') return null

    const now = Math.floor(Date.now() / 1000)
    if (typeof claims.exp !== 'number' || claims.exp + CLOCK_SKEW_SECONDS <= now) return null
    if (typeof claims.nbf === 'number' && claims.nbf - CLOCK_SKEW_SECONDS > now) return null
    if (claims.iss !== issuer) return null
    const audiences = Array.isArray(claims.aud) ? claims.aud : [claims.aud]
    if (!audiences.includes(audience)) return null

    const id = Number.parseInt(claims.sub, 10)
    if (!Number.isSafeInteger(id) || String(id) !== String(claims.sub)) return null
    return { id, username: claims.username, role: claims.role }
  }
}
