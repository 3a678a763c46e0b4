import type { FastifyInstance } from 'fastify';
import { AppError } from '../errors/index.ts';

/** Deepest nesting walked; JSON bodies are already capped by BODY_LIMIT, this caps the walk. */
const MAX_DEPTH = 64;

/** The path of the first string holding NUL or a lone surrogate, or undefined. */
function findUnsafeString(value: unknown, path: string, depth: number): string | undefined {
  if (typeof value === 'string') return value.includes('\u0000') || !value.isWellFormed() ? path : undefined;
  if (depth > MAX_DEPTH || value === null || typeof value !== 'object') return undefined;
  if (Buffer.isBuffer(value)) return undefined;
  for (const [key, child] of Object.entries(value as Record<string, unknown>)) {
    if (key.includes('\u0000') || !key.isWellFormed()) return path ? `${path}.${key.replace(/[^\w.-]/g, '?')}` : '?';
    const found = findUnsafeString(child, path ? `${path}.${key}` : key, depth + 1);
    if (found !== undefined) return found;
  }
  return undefined;
}

/**
 * Before any route's schema runs: a NUL character or a lone UTF-16 surrogate anywhere in the body, query or path
 * parameters is refused (422, naming where). Neither belongs in any field; PostgreSQL cannot store NUL in text (a
 * 500 otherwise), UTF-8 cannot store a lone surrogate (silently replaced, or an audit record that can never be
 * hashed). One check for every route, including those other modules add later.
 */
export function installInputHygiene(app: FastifyInstance): void {
  app.addHook('preValidation', (request, _reply, done) => {
    for (const [location, value] of [
      ['params', request.params],
      ['querystring', request.query],
      ['body', request.body],
    ] as const) {
      const path = findUnsafeString(value, '', 0);
      if (path !== undefined) {
        return done(
          new AppError('VALIDATION_FAILED', 'NUL or lone surrogate in input', {
            issues: [{ path, location, message: 'must not contain NUL or unpaired surrogate characters' }],
          }),
        );
      }
    }
    done();
  });
}
