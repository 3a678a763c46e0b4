import { z } from 'zod';
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

export const ZAccountResponse = z.object({ account: ZAccount });
export type TAccountResponse = z.infer<typeof ZAccountResponse>;

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
  code: z.string().trim().regex(/^\d{6}$/, { message: 'expected the 6-digit code' }),
  password: z.string().min(1).max(256),
  roles: z
    .array(z.enum(CUSTOMER_ROLES))
    .min(1)
    .max(CUSTOMER_ROLES.length)
    .refine((roles) => new Set(roles).size === roles.length, { message: 'each role once' }),
});
export type TRegisterCompleteRequest = z.infer<typeof ZRegisterCompleteRequest>;

/** Delivery outbox (staff): what was, or would have been, sent — never the address or the text. */
export const DELIVERY_TEMPLATES = ['registration_code', 'registration_already_registered', 'break_glass_alert'] as const;
export type DeliveryTemplate = (typeof DELIVERY_TEMPLATES)[number];
/** outbox_only: no transport is configured for the channel, the outbox is the delivery (local set-up). */
export const DELIVERY_STATUSES = ['outbox_only', 'queued', 'sent', 'failed'] as const;
export type DeliveryStatus = (typeof DELIVERY_STATUSES)[number];

export const ZOutboxQuery = z.object({
  status: z.enum(DELIVERY_STATUSES).optional(),
  page: z.coerce.number().int().min(1).max(100_000).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(50),
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
