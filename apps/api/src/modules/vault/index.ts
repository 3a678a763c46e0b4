/**
 * The vault: the only module that decrypts personal data (DESIGN.md invariants 1, 2, 3, 7, 8). Other modules
 * store what `sealFields` returns, show `_mask` columns, find records by `blindIndexOf`, and get plaintext only
 * through `reveal` with a purpose. Crypto primitives stay inside (`./crypto` is not re-exported).
 */
export {
  createVault,
  type Vault,
  type VaultKeyEvent,
  type Actor,
  type Subject,
  type SubjectExportRecord,
  type RevealRequest,
  type RevealGate,
  type RevealRefusal,
  type ConsentGate,
  consentBased,
} from './vault-service.ts';
export { VAULT_AUDIT_EVENTS } from './vault-audit-events.ts';
export {
  PERSONAL_FIELDS,
  PLANNED_POPULATION,
  personalField,
  fieldsOfTable,
  BREAK_GLASS_ROLES,
  type PersonalField,
} from './personal-data-registry.ts';
export { PERSONAL_TABLE_RECORD_IDS, personalTables, recordIdColumns } from './personal-tables.ts';
export { PERSONAL_DATA_COPIES, ERASED_TEXT, type PersonalDataCopy } from './personal-data-copies.ts';
export type { DealPath } from './personal-data-copies.ts';
export { buildDataMap } from './data-map.ts';
export { vaultRoutes } from './vault-routes.ts';
export { keyProviderFor } from './key-provider.ts';
export { isErasedError, KeyProviderError } from './crypto/index.ts';
