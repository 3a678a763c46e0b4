/**
 * Every table of the application, as Kysely sees it. Migrations never import this file (they are frozen in
 * time); repositories do. Columns are snake_case; timestamps are ISO-8601 UTC text on both dialects;
 * booleans are 0/1 integers (docs/adr/0003-portable-schema.md).
 */
import type { PlatformJobsTable } from '../platform/jobs/index.ts';

export type AccountsTable = {
  id: string;
  kind: 'staff' | 'customer';
  login_name: string;
  /** A pseudonymous staff number (工号) or customer number; never a person's name. */
  account_no: string;
  roles: string;
  password_hash: string;
  status: 'active' | 'disabled';
  created_at: string;
  updated_at: string;
};

export type SessionsTable = {
  /** SHA-256 of the session token: a stolen database does not yield usable cookies. */
  id_hash: string;
  account_id: string;
  csrf_token: string;
  created_at: string;
  last_seen_at: string;
  expires_at: string;
  revoked_at: string | null;
};

export type ListingsTable = {
  id: string;
  code: string;
  title: string;
  province: string;
  city: string;
  industry: string;
  company_type: string;
  established_year: number;
  registered_capital_wan: number;
  taxpayer_type: string;
  price_kind: 'fixed' | 'negotiable';
  price_wan: number | null;
  highlights: string;
  status: 'draft' | 'published' | 'withdrawn';
  published_at: string | null;
  created_at: string;
  updated_at: string;
};

export type Database = {
  platform_jobs: PlatformJobsTable;
  accounts: AccountsTable;
  sessions: SessionsTable;
  listings: ListingsTable;
};
