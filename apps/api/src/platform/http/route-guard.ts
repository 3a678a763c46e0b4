import { timingSafeEqual } from 'node:crypto';
import { CSRF_HEADER, PERMISSIONS, type Permission, type SessionStage } from '@sealbridge/contracts';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { AppError } from '../errors/index.ts';

/** Who is calling: resolved from the session cookie by the identity module, absent for visitors. */
export type Principal = {
  accountId: string;
  sessionId: string;
  kind: 'staff' | 'customer';
  roles: readonly string[];
  csrfToken: string;
  /** A session waiting for its second factor, or for a staff member's first one, may use only a few routes. */
  stage: SessionStage;
};

export type RouteGuardDeps = {
  authenticate: (request: FastifyRequest) => Promise<Principal | null>;
  isAllowed: (principal: Principal, permission: Permission) => boolean;
  publicOrigin: string;
  /** Host names (no port) requests may be addressed to, from PUBLIC_URL and ALLOWED_HOSTS — never from the request. */
  allowedHosts?: readonly string[];
};

export type RouteEntry = {
  method: string;
  url: string;
  permission: Permission | undefined;
  stages: readonly SessionStage[];
  /** The route's request-body schema, if any (the free-text enumeration test walks it). */
  body?: unknown;
  /** The route's input schemas (zod), for tests that enumerate every route's inputs. */
  schema?: { body?: unknown; querystring?: unknown; params?: unknown };
};

declare module 'fastify' {
  interface FastifyContextConfig {
    /** Required on every route under /api: the one permission that lets a caller in. */
    permission?: Permission;
    /**
     * The unfinished session stages this route serves besides `active` (the second step of a sign-in, a staff
     * member's forced enrolment). Every other route refuses such a session.
     */
    stages?: readonly Exclude<SessionStage, 'active'>[];
  }
  interface FastifyRequest {
    principal: Principal | null;
  }
  interface FastifyInstance {
    routeTable: RouteEntry[];
  }
}

/** Prefixes whose routes come from third-party plugins serving static documentation. */
const PLUGIN_PREFIXES = ['/api/docs'];
const UNSAFE = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);
const NO_STAGES: readonly SessionStage[] = [];

function sameToken(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

/** The host name of a Host header value (`name`, `name:port`, `[v6]:port`), lower-case; undefined when malformed. */
function hostNameOf(host: string | undefined): string | undefined {
  if (!host) return undefined;
  try {
    return new URL(`http://${host}`).hostname.toLowerCase();
  } catch {
    return undefined;
  }
}

/** Paths a load balancer probes by IP address: answered whatever the Host header says. */
const PROBES = new Set(['/healthz', '/readyz']);

/**
 * Deny by default: a route under /api without a declared permission fails at registration, so the server
 * cannot start with one. Each request is authenticated, checked against the route's permission and, when
 * it changes state, against CSRF (session token for signed-in callers, Origin for everyone).
 */
export function installRouteGuard(app: FastifyInstance, deps: RouteGuardDeps): void {
  app.decorate('routeTable', [] as RouteEntry[]);
  app.decorateRequest('principal', null);
  app.addHook('onRoute', (route) => {
    const methods = Array.isArray(route.method) ? route.method : [route.method];
    const permission = route.config?.permission;
    if (permission !== undefined && !Object.hasOwn(PERMISSIONS, permission)) {
      throw new Error(`route ${route.url} declares unknown permission ${String(permission)}`);
    }
    const isPluginRoute = PLUGIN_PREFIXES.some((prefix) => route.url.startsWith(prefix));
    if (route.url.startsWith('/api') && !isPluginRoute && permission === undefined) {
      throw new Error(`route ${methods.join(',')} ${route.url} declares no permission`);
    }
    const schema = route.schema
      ? { body: route.schema.body, querystring: route.schema.querystring, params: route.schema.params }
      : undefined;
    for (const method of methods) {
      app.routeTable.push({
        method,
        url: route.url,
        permission,
        stages: route.config?.stages ?? [],
        body: route.schema?.body,
        ...(schema ? { schema } : {}),
      });
    }
  });
  const publicUrl = new URL(deps.publicOrigin);
  const origin = publicUrl.origin;
  const allowedHosts = new Set(deps.allowedHosts ?? [publicUrl.hostname.toLowerCase()]);
  /** A state change's Origin: same scheme and port as PUBLIC_URL, and an allowed host name (never the Host header). */
  const trustedOrigin = (value: string): boolean => {
    if (value === origin) return true;
    try {
      const url = new URL(value);
      return url.protocol === publicUrl.protocol && url.port === publicUrl.port && allowedHosts.has(url.hostname.toLowerCase());
    } catch {
      return false;
    }
  };
  async function guard(request: FastifyRequest, permission: Permission, stages: readonly SessionStage[]): Promise<void> {
    request.principal = await deps.authenticate(request);
    if (UNSAFE.has(request.method)) {
      const requestOrigin = request.headers.origin;
      if (requestOrigin && !trustedOrigin(requestOrigin)) {
        throw new AppError('CSRF_REJECTED', 'cross-origin state change');
      }
      if (request.principal) {
        const header = request.headers[CSRF_HEADER];
        if (typeof header !== 'string' || !sameToken(header, request.principal.csrfToken)) {
          throw new AppError('CSRF_REJECTED', 'missing or wrong CSRF token');
        }
      }
    }
    const principal = request.principal;
    if (principal && principal.stage !== 'active' && !stages.includes(principal.stage)) {
      // Public routes treat an unfinished sign-in as nobody; the rest refuse it, saying which step is missing.
      request.principal = null;
      if (permission === 'public') return;
      throw new AppError(principal.stage === 'second_factor' ? 'SECOND_FACTOR_PENDING' : 'FACTOR_ENROLMENT_REQUIRED');
    }
    if (permission === 'public') return;
    if (!request.principal) throw new AppError('UNAUTHENTICATED');
    if (!deps.isAllowed(request.principal, permission)) throw new AppError('FORBIDDEN');
  }

  // Host allowlist (ASVS 13.1 / 4.1): a request addressed to a name that is not ours is refused before anything
  // else runs, so no link, redirect or origin check is ever built from an attacker's Host header.
  app.addHook('onRequest', (request, reply, done) => {
    const path = request.url.split('?', 1)[0] ?? '';
    if (PROBES.has(path)) return done();
    const name = hostNameOf(request.headers.host);
    if (name && allowedHosts.has(name)) return done();
    done(new AppError('HOST_NOT_ALLOWED', 'request addressed to a host name that is not allowed'));
  });

  // A callback hook with a synchronous fast path: public reads need neither a session lookup nor a CSRF check
  // (their handlers never see a principal), and skipping the promise keeps them close to Fastify's own speed.
  app.addHook('onRequest', (request, _reply, done) => {
    if (!request.url.startsWith('/api')) return done();
    const permission = request.routeOptions.config.permission ?? 'public';
    if (permission === 'public' && !UNSAFE.has(request.method)) return done();
    guard(request, permission, request.routeOptions.config.stages ?? NO_STAGES).then(() => done(), done);
  });
}

/** The signed-in caller of a route whose permission needs one (the guard has already checked it). */
export function principalOf(p: unknown): Principal {
  if (!p) throw new AppError('UNAUTHENTICATED');
  return p as Principal;
}

/** The signed-in caller, who must be a customer (consents and rights requests are kept for customer accounts). */
export function customerOf(p: unknown): Principal {
  const principal = principalOf(p);
  if (principal.kind !== 'customer') throw new AppError('FORBIDDEN', 'kept for customer accounts');
  return principal;
}
