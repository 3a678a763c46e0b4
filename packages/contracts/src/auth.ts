import { z } from 'zod';
import { ROLES } from './permissions.ts';

export const ZLoginRequest = z.object({
  loginName: z.string().trim().min(1).max(64),
  password: z.string().min(1).max(256),
});
export type TLoginRequest = z.infer<typeof ZLoginRequest>;

export const ZAccount = z.object({
  id: z.string(),
  loginName: z.string(),
  displayName: z.string(),
  kind: z.enum(['staff', 'customer']),
  roles: z.array(z.enum(ROLES)),
});
export type TAccount = z.infer<typeof ZAccount>;

export const ZAccountResponse = z.object({ account: ZAccount });
export type TAccountResponse = z.infer<typeof ZAccountResponse>;

/** Name of the readable cookie whose value a state-changing request echoes in the x-csrf-token header. */
export const CSRF_COOKIE = 'sb_csrf';
export const CSRF_HEADER = 'x-csrf-token';
export const SESSION_COOKIE = 'sb_session';
