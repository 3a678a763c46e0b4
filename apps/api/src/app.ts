import cookie from '@fastify/cookie';
import rateLimit from '@fastify/rate-limit';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import { Redis } from 'ioredis';
import Fastify, { type FastifyInstance } from 'fastify';
import { jsonSchemaTransform, serializerCompiler, validatorCompiler } from 'fastify-type-provider-zod';
import { sql } from 'kysely';
import { SESSION_COOKIE } from '@sealbridge/contracts';
import type { Config } from './platform/config/index.ts';
import { pendingMigrations, type DatabaseHandle } from './platform/db/index.ts';
import {
  earlyErrorOptions,
  installErrorHandler,
  installInputHygiene,
  installRequestLog,
  installRouteGuard,
  installSecurityHeaders,
  installCompression,
  installWebApp,
} from './platform/http/index.ts';
import { newId } from './platform/ids/index.ts';
import { createRedisPubSub } from './platform/pubsub/index.ts';
import type { JobRunner } from './platform/jobs/index.ts';
import type { Logger } from './platform/logger/index.ts';
import type { Database, KeyDatabase } from './db/schema.ts';
import { createServices, type Services } from './services.ts';
import { auditRoutes } from './modules/audit/index.ts';
import { factorsRoutes } from './modules/factors/index.ts';
import { consentRoutes } from './modules/consent/index.ts';
import { deliveryRoutes, type DeliveryTransport } from './modules/delivery/index.ts';
import { identityRoutes, registrationRoutes, sessionCookies } from './modules/identity/index.ts';
import { findabilityRoutes, listingsRoutes, publicPageData } from './modules/listings/index.ts';
import { renderPublicPage } from '../../web/src/prerender/public-pages.ts';
import { profilesRoutes } from './modules/profiles/index.ts';
import { systemRoutes } from './modules/system/index.ts';
import { vaultRoutes } from './modules/vault/index.ts';
import { verificationRoutes } from './modules/verification/index.ts';
import { staffRoutes } from './modules/staff/index.ts';
import { notificationsRoutes } from './modules/notifications/index.ts';
import { advisersRoutes } from './modules/advisers/index.ts';
import { disclosureRoutes, disclosureStaffRoutes } from './modules/disclosure/index.ts';
import { messagingRoutes } from './modules/messaging/index.ts';
import { dealsRoutes } from './modules/deals/index.ts';
import { dataroomRoutes } from './modules/dataroom/index.ts';
import { rightsRoutes } from './modules/rights/index.ts';
import { retentionRoutes } from './modules/retention/index.ts';
import { transparencyPageData, transparencyRoutes } from './modules/transparency/index.ts';
import { vendorsRoutes } from './modules/vendors/index.ts';
import { securityRoutes } from './modules/security/index.ts';
import { disputesRoutes } from './modules/disputes/index.ts';
import { educationRoutes } from './modules/education/index.ts';
import { MIGRATIONS_DIR, WEB_DIST_DIR } from './paths.ts';

export type AppDeps = {
  config: Config;
  database: DatabaseHandle<Database>;
  /** The key store, apart from the data (ADR 0007). */
  keys: DatabaseHandle<KeyDatabase>;
  logger: Logger;
  /** When given, the app registers its background jobs on it. */
  jobs?: JobRunner;
  version: string;
  webDistDir?: string;
  /** Extra delivery transports (an SMS provider gateway; a capturing fake in tests). */
  deliveryTransports?: readonly DeliveryTransport[];
};

declare module 'fastify' {
  interface FastifyInstance {
    /** The composed services, for the demo seed and operator commands that run beside the server. */
    services: Services;
  }
}

const REQUEST_ID = /^[A-Za-z0-9._-]{8,64}$/;

/** Composes the application. Never listens: main.ts does, tests use inject(). */
export async function buildApp(deps: AppDeps): Promise<FastifyInstance> {
  const { config, database } = deps;
  // Fastify's logger stays off: it would create a child logger for every request. The platform logs requests
  // and errors itself through the root logger (platform/http), with the request id in each line.
  const app = Fastify({
    logger: false,
    bodyLimit: config.bodyLimit,
    trustProxy: config.trustProxy,
    requestIdHeader: false,
    genReqId: (req) => {
      const incoming = req.headers['x-request-id'];
      return typeof incoming === 'string' && REQUEST_ID.test(incoming) ? incoming : newId();
    },
    routerOptions: { ignoreTrailingSlash: true },
    // Errors before any hook (431, 414, a malformed URL…) still get the app's format and security headers.
    ...earlyErrorOptions({ https: config.publicUrl.startsWith('https:') }),
  });
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);

  // With REDIS_URL, rate-limit counters are shared by every instance; otherwise they live in this process.
  const redis = config.redisUrl ? new Redis(config.redisUrl, { maxRetriesPerRequest: 2, enableOfflineQueue: true }) : undefined;
  const pubsub = redis ? createRedisPubSub(redis, deps.logger) : undefined;
  if (redis) {
    app.addHook('onClose', async () => {
      await pubsub?.close();
      await redis.quit();
    });
  }
  const services = await createServices({
    config,
    database,
    reconcileConfiguredVendors: true,
    keys: deps.keys,
    logger: deps.logger,
    ...(deps.jobs ? { jobs: deps.jobs } : {}),
    ...(redis ? { redis } : {}),
    ...(pubsub ? { pubsub } : {}),
    ...(deps.deliveryTransports ? { deliveryTransports: deps.deliveryTransports } : {}),
  });
  app.decorate('services', services);
  services.auditLog.start();
  await services.security.monitor.start();
  // In-flight message hand-offs settle (and record their status) before the audit log stops.
  app.addHook('onClose', async () => {
    await services.security.monitor.stop();
    await services.listings.settled();
    await services.closeDelivery();
    await services.auditLog.stop();
  });

  installErrorHandler(app, deps.logger);
  installRequestLog(app, deps.logger);
  installInputHygiene(app);
  installSecurityHeaders(app, { https: config.publicUrl.startsWith('https:') });
  await installCompression(app);
  await app.register(cookie);
  await app.register(rateLimit, { global: false, ...(redis ? { redis, nameSpace: 'sealbridge:rl:' } : {}) });
  installRouteGuard(app, {
    authenticate: (request) => services.identity.authenticate(request.cookies[SESSION_COOKIE]),
    isAllowed: (principal, permission) => services.identity.isAllowed(principal, permission),
    publicOrigin: config.publicUrl,
    allowedHosts: config.allowedHosts,
  });

  await app.register(swagger, {
    openapi: {
      openapi: '3.1.0',
      info: { title: 'Sealbridge API', version: deps.version, description: '公司转让交易中心 — privacy-first API' },
    },
    transform: jsonSchemaTransform,
  });
  await app.register(swaggerUi, { routePrefix: '/api/docs', staticCSP: true });
  app.get('/api/openapi.json', { config: { permission: 'public' }, schema: { hide: true } }, async () => app.swagger());

  await app.register(
    systemRoutes({
      ping: async () => {
        await sql`select 1`.execute(database.db);
      },
      pendingMigrations: () => pendingMigrations(database.db, MIGRATIONS_DIR, database.pgSchema),
      meta: { name: 'Sealbridge', version: deps.version, dialect: database.dialect, demo: config.demo },
    }),
  );
  await app.register(identityRoutes(services.identity, { secureCookies: config.publicUrl.startsWith('https:') }));
  await app.register(registrationRoutes(services.registration, { secureCookies: config.publicUrl.startsWith('https:') }));
  await app.register(deliveryRoutes(services.delivery));
  await app.register(listingsRoutes(services.listings, services.companyReveal));
  await app.register(findabilityRoutes(services.listings, { publicUrl: config.publicUrl }));
  await app.register(vaultRoutes());
  await app.register(profilesRoutes(services.profiles));
  const cookies = sessionCookies({ secureCookies: config.publicUrl.startsWith('https:') });
  await app.register(factorsRoutes(services.factors, { setSession: (reply, session) => cookies.set(reply, session) }));
  await app.register(
    auditRoutes({
      service: services.audit,
      witnesses: services.auditWitnesses,
      log: services.auditLog,
      resolveSubjects: services.resolveSubjects,
      subjectsOfAccount: services.subjectsOfAccount,
    }),
  );
  await app.register(
    consentRoutes(services.consent, { customerNo: async (principal) => (await services.identity.getAccount(principal)).displayName }),
  );
  await app.register(rightsRoutes(services.rights));
  await app.register(retentionRoutes(services.retention));
  await app.register(verificationRoutes(services.verification));
  await app.register(staffRoutes(services.staff));
  await app.register(notificationsRoutes(services.notifications));
  await app.register(advisersRoutes(services.advisers));
  await app.register(disclosureRoutes(services.disclosure));
  await app.register(disclosureStaffRoutes(services.disclosure));
  await app.register(
    messagingRoutes({
      service: services.messaging,
      stillSignedIn: async (request) => (await services.identity.authenticate(request.cookies[SESSION_COOKIE]))?.stage === 'active',
    }),
  );
  // Live message streams never end on their own: close them before the server waits for open connections.
  app.addHook('preClose', async () => {
    services.messaging.stream.closeAll();
  });
  await app.register(dealsRoutes(services.deals));
  await app.register(dataroomRoutes(services.dataroom, { uploadMaxBytes: config.dataroom.uploadMaxBytes }));
  await app.register(vendorsRoutes(services.vendors));
  await app.register(securityRoutes(services.security));
  await app.register(disputesRoutes(services.disputes));
  await app.register(educationRoutes(services.education));
  await app.register(transparencyRoutes(services.transparency));
  // The public pages arrive as HTML with their content (teasers, published transparency reports only), rendered from
  // the public API's own answers.
  const pageData = { ...publicPageData(services.listings), ...transparencyPageData(services.transparency) };
  await installWebApp(app, {
    distDir: deps.webDistDir ?? WEB_DIST_DIR,
    prerender: (pathname, query) => renderPublicPage(pathname, query, pageData),
  });
  return app;
}
