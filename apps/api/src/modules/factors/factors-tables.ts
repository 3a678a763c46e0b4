/**
 * The factors module's tables, declared in db/schema.ts with every other table (migration
 * 20261128130000_factors_tables). Re-exported here so the module's imports stay local.
 */
import type { Database } from '../../db/schema.ts';

export type {
  FactorsTable,
  FactorsTotpTable,
  FactorsWebauthnTable,
  FactorsRecoveryCodesTable,
  FactorsChallengesTable,
  FactorsAttemptsTable,
  FactorsStepUpsTable,
} from '../../db/schema.ts';

export type FactorsTables = Pick<
  Database,
  | 'factors'
  | 'factors_totp'
  | 'factors_webauthn'
  | 'factors_recovery_codes'
  | 'factors_challenges'
  | 'factors_attempts'
  | 'factors_step_ups'
>;
