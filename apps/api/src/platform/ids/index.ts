export { newId, newToken } from './ids.ts';
