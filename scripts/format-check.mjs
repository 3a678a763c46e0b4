#!/usr/bin/env node
// `npm run format:check` (part of `npm run lint`): Prettier over the files listed here — for now only the files
// issue 15 created, so that parallel branches do not conflict over formatting. After every branch is merged the
// lead runs `npx prettier --write .` once and replaces FILES by ['.'] (see README, "Formatting").
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

export const FILES = [
  '.prettierrc.json',
  'apps/api/src/cli/audit-witness.ts',
  'apps/api/src/cli/cli-args.ts',
  'apps/api/src/db/migrations/20261203600000_audit_origin_cosignatures.ts',
  'apps/api/src/modules/audit/audit-evidence.ts',
  'apps/api/src/modules/audit/audit-origin.ts',
  'apps/api/src/modules/audit/audit-witness-client.ts',
  'apps/api/src/modules/audit/audit-witnesses.ts',
  'apps/api/src/modules/audit/integrity/consistency-and-cosignature.test.ts',
  'apps/api/src/modules/audit/integrity/consistency-ranges.ts',
  'apps/api/src/modules/audit/integrity/cosignature.ts',
  'apps/api/src/platform/http/early-errors.ts',
  'apps/api/src/platform/http/input-hygiene.ts',
  'apps/api/test/audit/audit-fixture.ts',
  'apps/api/test/audit/audit-outside-evidence.test.ts',
  'apps/api/test/audit/tamper.ts',
  'apps/api/test/audit/witness.test.ts',
  'apps/api/test/fakes/zod-arbitrary.ts',
  'apps/api/test/http/early-errors-and-hosts.test.ts',
  'apps/api/test/http/input-validation.test.ts',
  'apps/api/test/http/route-inputs.property.test.ts',
  'apps/api/test/identity/lockout-per-account.test.ts',
  'apps/api/test/repo/dependency-audit.test.ts',
  'apps/web/src/features/audit/components/witnesses-card.tsx',
  'packages/contracts/src/audit-witness.ts',
  'packages/contracts/src/text-input.test.ts',
  'packages/contracts/src/text-input.ts',
  'scripts/dependency-audit-policy.mjs',
  'scripts/dependency-audit.mjs',
  'scripts/format-check.mjs',
  'scripts/sbom.mjs',
  'scripts/sqlmap-scan.mjs',
  'security/audit-allowlist.json',
];

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const write = process.argv.includes('--write');
  const root = fileURLToPath(new URL('../', import.meta.url));
  const run = spawnSync(
    process.execPath,
    [fileURLToPath(import.meta.resolve('prettier/bin/prettier.cjs')), write ? '--write' : '--check', ...FILES],
    { cwd: root, stdio: 'inherit' },
  );
  process.exit(run.status ?? 1);
}
