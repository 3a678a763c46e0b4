/**
 * The layering check (npm run lint). STYLE.md: routes → service → repo → db; modules talk through index.ts;
 * platform/ imports no module; no cycles.
 */
module.exports = {
  forbidden: [
    {
      name: 'no-circular',
      severity: 'error',
      comment: 'Cycles make modules impossible to reason about or test alone.',
      from: {},
      to: { circular: true, dependencyTypesNot: ['type-only'] },
    },
    {
      name: 'production-code-imports-no-test-code',
      severity: 'error',
      comment: 'Fakes and fixtures stay out of what ships (ASVS 15.2.3); tests beside the code may use them.',
      from: { path: '^apps/api/src/', pathNot: '\\.test\\.ts$' },
      to: { path: '^apps/api/test/' },
    },
    {
      name: 'routes-never-touch-the-database',
      severity: 'error',
      comment: 'A route calls a service; repositories and Kysely are below it.',
      from: { path: '^apps/api/src/modules/[^/]+/.*-routes\\.ts$' },
      to: { path: ['-repo\\.ts$', '^node_modules/kysely/', '^apps/api/src/platform/db/'] },
    },
    {
      name: 'services-never-import-fastify',
      severity: 'error',
      from: { path: '^apps/api/src/modules/[^/]+/.*-service\\.ts$' },
      to: { path: ['^node_modules/fastify/', '^node_modules/@fastify/'] },
    },
    {
      name: 'platform-imports-no-module',
      severity: 'error',
      comment: 'The platform layer is generic; modules build on it, never the other way round.',
      from: { path: '^apps/api/src/platform/' },
      to: { path: ['^apps/api/src/modules/', '^apps/api/src/db/schema\\.ts$', '^apps/api/src/app\\.ts$'] },
    },
    {
      name: 'modules-talk-through-index',
      severity: 'error',
      comment: "A module may use another module only through that module's index.ts.",
      from: { path: '^apps/api/src/modules/([^/]+)/' },
      to: {
        path: '^apps/api/src/modules/[^/]+/',
        pathNot: ['^apps/api/src/modules/$1/', '^apps/api/src/modules/[^/]+/index\\.ts$'],
      },
    },
    {
      name: 'migrations-are-frozen',
      severity: 'error',
      comment: 'Migrations never import application code.',
      from: { path: '^apps/api/src/db/migrations/' },
      to: { path: '^apps/api/src/' },
    },
    {
      name: 'packages-import-no-app',
      severity: 'error',
      from: { path: '^packages/' },
      to: { path: '^apps/' },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: ['^apps/web/dist/'] },
    tsPreCompilationDeps: true,
  },
};
