import { z } from 'zod';
import { zQueryInt } from './text-input.ts';
import { ROLES } from './permissions.ts';
import { ZFieldView } from './privacy.ts';

export const ZLoginRequest = z.object({
  /** A log-in name, or the mobile number or e-mail address a customer registered with. */
  loginName: z.string().trim().min(1).max(254),
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

/**
 * Where a session stands after the password (issue 5):
 * - `active` — signed in; every route the account's permissions allow.
 * - `second_factor` — the password was right, a second factor is still owed: only /api/auth/me, /api/auth/logout,
 *   POST /api/auth/step-up/webauthn/options and POST /api/auth/step-up (a success makes the session `active`);
 *   anything else answers 401 SECOND_FACTOR_PENDING.
 * - `enrol_factor` — a staff member without a factor: only me, logout and the enrolment routes /api/me/factors*;
 *   the first confirmed factor makes the session `active`; anything else answers 403 FACTOR_ENROLMENT_REQUIRED.
 */
export const SESSION_STAGES = ['active', 'second_factor', 'enrol_factor'] as const;
export type SessionStage = (typeof SESSION_STAGES)[number];

/** The ways to pass the second sign-in step (a password never stands in for an enrolled factor). */
export const SECOND_FACTOR_METHODS = ['totp', 'webauthn', 'recovery'] as const;
export type SecondFactorMethod = (typeof SECOND_FACTOR_METHODS)[number];

/** What a `second_factor` session may use: the methods the account has (recovery only while codes remain). */
export const ZSecondFactorChallenge = z.object({ methods: z.array(z.enum(SECOND_FACTOR_METHODS)) });
export type TSecondFactorChallenge = z.infer<typeof ZSecondFactorChallenge>;

/**
 * Answer of POST /api/auth/login, GET /api/auth/me and POST /api/auth/register/complete. `stage` is required
 * (no default): a client must never assume a session is active. `secondFactor` is set exactly when the stage is
 * `second_factor`, else null.
 */
export const ZAccountResponse = z.object({
  account: ZAccount,
  stage: z.enum(SESSION_STAGES),
  secondFactor: ZSecondFactorChallenge.nullable(),
});
export type TAccountResponse = z.infer<typeof ZAccountResponse>;

/** One of my sessions (GET /api/me/sessions): device from the User-Agent, never an IP address. */
export const ZSessionSummary = z.object({
  id: z.string(),
  current: z.boolean(),
  createdAt: z.string(),
  lastSeenAt: z.string(),
  device: z.object({ browser: z.string().nullable(), os: z.string().nullable() }),
  stage: z.enum(SESSION_STAGES),
});
export type TSessionSummary = z.infer<typeof ZSessionSummary>;

export const ZSessionsResponse = z.object({ sessions: z.array(ZSessionSummary) });
export type TSessionsResponse = z.infer<typeof ZSessionsResponse>;

/** DELETE /api/me/sessions/:id (204). */
export const ZSessionParams = z.object({ id: z.string().min(1).max(128) });
export type TSessionParams = z.infer<typeof ZSessionParams>;

/** POST /api/me/sessions/end-others: how many of my other sessions were ended. */
export const ZEndOtherSessionsResponse = z.object({ ended: z.number().int().min(0) });
export type TEndOtherSessionsResponse = z.infer<typeof ZEndOtherSessionsResponse>;

/** Name of the readable cookie whose value a state-changing request echoes in the x-csrf-token header. */
export const CSRF_COOKIE = 'sb_csrf';
export const CSRF_HEADER = 'x-csrf-token';
export const SESSION_COOKIE = 'sb_session';

/** Customer registration: a one-time code sent to a mobile number or e-mail address (issue 5). */
export const CONTACT_CHANNELS = ['mobile', 'email'] as const;
export type ContactChannel = (typeof CONTACT_CHANNELS)[number];

/** The roles a customer may pick for themself; staff roles are granted by an admin only. */
export const CUSTOMER_ROLES = ['seller', 'buyer'] as const;

/** Password policy: at least this many characters, not on the common-password list, strength score ≥ 3 of 4. */
export const PASSWORD_MIN_LENGTH = 10;

const ZContactAddress = z.string().trim().min(3).max(254);

export const ZRegisterStartRequest = z.object({ channel: z.enum(CONTACT_CHANNELS), address: ZContactAddress });
export type TRegisterStartRequest = z.infer<typeof ZRegisterStartRequest>;

/** Identical whether or not the address already has an account (no enumeration). */
export const ZRegisterStartResponse = z.object({
  status: z.literal('sent'),
  channel: z.enum(CONTACT_CHANNELS),
  expiresInSeconds: z.number().int(),
  resendAfterSeconds: z.number().int(),
});
export type TRegisterStartResponse = z.infer<typeof ZRegisterStartResponse>;

export const ZRegisterCompleteRequest = z.object({
  channel: z.enum(CONTACT_CHANNELS),
  address: ZContactAddress,
  code: z
    .string()
    .trim()
    .regex(/^\d{6}$/, { message: 'expected the 6-digit code' }),
  password: z.string().min(1).max(256),
  roles: z
    .array(z.enum(CUSTOMER_ROLES))
    .min(1)
    .max(CUSTOMER_ROLES.length)
    .refine((roles) => new Set(roles).size === roles.length, { message: 'each role once' }),
});
export type TRegisterCompleteRequest = z.infer<typeof ZRegisterCompleteRequest>;

/** Password reset: start with ZRegisterStartRequest (same answer whether or not the address has an account). */
export const ZPasswordResetCompleteRequest = z.object({
  channel: z.enum(CONTACT_CHANNELS),
  address: ZContactAddress,
  code: z
    .string()
    .trim()
    .regex(/^\d{6}$/, { message: 'expected the 6-digit code' }),
  password: z.string().min(1).max(256),
});
export type TPasswordResetCompleteRequest = z.infer<typeof ZPasswordResetCompleteRequest>;

/** Delivery outbox (staff): what was, or would have been, sent — never the address or the text. */
export const DELIVERY_TEMPLATES = [
  'registration_code',
  'registration_already_registered',
  'new_device_sign_in',
  'password_reset_code',
  'password_reset_no_account',
  'break_glass_alert',
  'listing_alert',
  'notification',
  'privacy_ticket_reply',
] as const;
export type DeliveryTemplate = (typeof DELIVERY_TEMPLATES)[number];
/** outbox_only: no transport is configured for the channel, the outbox is the delivery (local set-up). */
export const DELIVERY_STATUSES = ['outbox_only', 'queued', 'sent', 'failed'] as const;
export type DeliveryStatus = (typeof DELIVERY_STATUSES)[number];

export const ZOutboxQuery = z.object({
  status: z.enum(DELIVERY_STATUSES).optional(),
  page: zQueryInt(1, 100_000, 1),
  pageSize: zQueryInt(1, 200, 50),
});
export type TOutboxQuery = z.infer<typeof ZOutboxQuery>;

export const ZOutboxMessage = z.object({
  id: z.string(),
  channel: z.enum(CONTACT_CHANNELS),
  recipient: ZFieldView,
  template: z.enum(DELIVERY_TEMPLATES),
  status: z.enum(DELIVERY_STATUSES),
  createdAt: z.string(),
  dispatchedAt: z.string().nullable(),
});
export type TOutboxMessage = z.infer<typeof ZOutboxMessage>;

export const ZOutboxResponse = z.object({
  items: z.array(ZOutboxMessage),
  total: z.number().int(),
  page: z.number().int(),
  pageSize: z.number().int(),
});
export type TOutboxResponse = z.infer<typeof ZOutboxResponse>;
