export * from './errors.ts';
export * from './locale.ts';
export * from './health.ts';
export * from './listings.ts';
export * from './permissions.ts';
export * from './auth.ts';
export * from './privacy.ts';
export * from './audit.ts';
