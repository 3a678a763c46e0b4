import { fileURLToPath } from 'node:url';

export const MIGRATIONS_DIR = fileURLToPath(new URL('./db/migrations/', import.meta.url));
export const KEY_MIGRATIONS_DIR = fileURLToPath(new URL('./db/key-migrations/', import.meta.url));
export const WEB_DIST_DIR = fileURLToPath(new URL('../../web/dist/', import.meta.url));
export const API_PACKAGE_JSON = fileURLToPath(new URL('../package.json', import.meta.url));
