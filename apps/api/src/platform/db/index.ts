export { openDatabase, type DatabaseHandle, type DatabaseOptions, type DialectName } from './database.ts';
export { migrateToLatest, pendingMigrations, folderMigrationProvider, type MigrationReport } from './migrator.ts';
export { nowIso } from './time.ts';
export { prepared, type Placeholder } from './prepared.ts';
