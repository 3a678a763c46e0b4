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
  /** The day the account was closed (a rights request): the clock of the `account_end` retention classes. */
  closed_at?: string | null;
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
  /** The handle "my sessions" shows and ends a session by (random; the token's hash never leaves the server). */
  public_id: string;
  /** active, or waiting for the second factor (second_factor), or a staff member who must enrol one (enrol_factor). */
  stage: SessionStage;
  /** Coarse browser and OS family from the User-Agent ("Chrome 156", "Windows"), never the whole string. */
  device_browser: string | null;
  device_os: string | null;
};

export type SessionStage = 'active' | 'second_factor' | 'enrol_factor';

/** Devices an account signed in from: a sign-in from any other device sends a notice. */
export type KnownDevicesTable = {
  account_id: string;
  device_hash: string;
  first_seen_at: string;
  last_seen_at: string;
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
  status: 'draft' | 'submitted' | 'changes_requested' | 'published' | 'under_offer' | 'sold' | 'withdrawn';
  published_at: string | null;
  created_at: string;
  updated_at: string;
  // Issue 6 (migration 20261128180000): the full model; exact values are for the seller and broker only.
  description?: string;
  province_code?: string | null;
  city_code?: string | null;
  district_code?: string | null;
  established_on?: string | null;
  paid_in_capital_wan?: number | null;
  tax_credit_grade?: string | null;
  filing_kind?: string | null;
  bank_account?: string | null;
  /** JSON arrays / object. */
  licences?: string;
  ip_assets?: string;
  social_insurance_headcount?: number | null;
  red_flags?: string;
  handover?: string;
  seller_account_id?: string | null;
  broker_account_id?: string | null;
  /** 'duplicate' when another live listing has the same credit code (blind index, confirmed in the vault). */
  review_flag?: string | null;
  /** The teaser's text (title, description, industry, city, highlights) for full-text search. */
  search_text?: string;
  submitted_at?: string | null;
};

/** The company behind a listing (modules/listings): identifying data sealed by the vault. */
export type ListingCompaniesTable = {
  listing_id: string;
  subject_id: string;
  company_name_ct: string | null;
  credit_code_ct: string | null;
  credit_code_bidx: string | null;
  legal_representative_ct: string | null;
  shareholders_ct: string | null;
  updated_at: string;
};

export type ListingEventsTable = {
  id: string;
  listing_id: string;
  at: string;
  actor_account_id: string | null;
  actor_role: string;
  action: string;
  from_status: string;
  to_status: string;
  comment: string | null;
  checklist: string | null;
};

export type ListingDealsTable = {
  id: string;
  listing_id: string;
  credit_code_bidx: string | null;
  kind: 'loi' | 'deposit';
  recorded_by: string;
  recorded_at: string;
  ended_at: string | null;
  outcome: 'closed' | 'cancelled' | null;
  /** The deal (modules/deals) holding the lock, and its buyer: a sold listing records who bought it. */
  deal_id: string | null;
  buyer_account_id: string | null;
};

export type ListingFavoritesTable = { account_id: string; listing_id: string; created_at: string };
/** One row per licence a listing holds (mirrors listings.licences; the licence filter probes it). */
export type ListingLicencesTable = { licence: string; listing_id: string };
export type ListingSavedSearchesTable = {
  id: string;
  account_id: string;
  name: string;
  query: string;
  email_alerts: number;
  created_at: string;
};
export type ListingAlertsTable = {
  id: string;
  account_id: string;
  saved_search_id: string;
  listing_id: string;
  created_at: string;
  read_at: string | null;
};

/** A person whose data the vault holds; `erased_at` records crypto-shredding (the key is gone). */
export type VaultSubjectsTable = {
  subject_id: string;
  /** 'platform' holds secrets that belong to no person (second-factor secrets). */
  kind: 'customer' | 'staff' | 'company_party' | 'platform' | 'data_room';
  dek_id: string;
  created_at: string;
  erased_at: string | null;
  erased_by: string | null;
  erasure_reason: string | null;
};

/** The append-only, hash-chained audit trail (modules/audit). Values of personal fields never appear here. */
export type AuditLogTable = {
  seq: number;
  at: string;
  type: string;
  actor_account_id: string | null;
  actor_role: string | null;
  actor_session: string | null;
  purpose: string | null;
  action: string;
  decision: 'allowed' | 'denied';
  subject_id: string | null;
  /** JSON array of registry keys of the fields touched. */
  fields: string;
  request_id: string | null;
  /** JSON object: the event type's own payload, parsed with its schema when read back. */
  data: string;
  prev_hash: string;
  leaf_hash: string;
};

/** Signed tree heads (C2SP checkpoints) with the Merkle frontier to resume from. */
export type AuditCheckpointsTable = {
  size: number;
  root_hash: string;
  note: string;
  frontier: string;
  created_at: string;
};

/** The log's origin (the name in its checkpoints), fixed at first start: one row, never changed. */
export type AuditOriginTable = { id: number; origin: string; created_at: string };

/** Witnesses' C2SP cosignatures (cosignature/v1) of our checkpoints, accepted from configured witnesses only. */
export type AuditCosignaturesTable = {
  witness_key_name: string;
  witness_key_id: string;
  size: number;
  root_hash: string;
  cosigned_at: number;
  signature_line: string;
  received_at: string;
};

/**
 * A customer's personal profile. Every personal field is a `_ct` ciphertext column (AES-256-GCM under the
 * subject's data key, bound to table/column/account id) and, where exact lookup is needed, a `_bidx` blind
 * index. No mask is stored: masks are partial personal data, computed inside the vault on read (ADR 0007).
 * Declared in the personal-data registry (modules/vault).
 */
export type AccountProfilesTable = {
  account_id: string;
  subject_id: string;
  real_name_ct: string | null;
  mobile_ct: string | null;
  mobile_bidx: string | null;
  email_ct: string | null;
  email_bidx: string | null;
  wechat_ct: string | null;
  id_number_ct: string | null;
  id_number_bidx: string | null;
  address_ct: string | null;
  updated_at: string;
};

/**
 * A pending one-time code (registration). Neither the address nor the code is stored: both are keyed digests
 * (vault.keyedDigest), so a stolen database cannot be brute-forced for them without the root key.
 */
/** What a one-time code proves: a new customer holds the address, or an account's owner resets the password. */
export type CodePurpose = 'registration' | 'password_reset';

export type IdentityVerificationCodesTable = {
  id: string;
  purpose: CodePurpose;
  channel: 'mobile' | 'email';
  /** Keyed digest of channel + normalized address: finds the live code of an address. */
  address_hash: string;
  /** Keyed digest of id + code. */
  code_hash: string;
  attempts: number;
  expires_at: string;
  consumed_at: string | null;
  created_at: string;
};

/**
 * Failed sign-ins per presented log-in name (keyed digest of the normalized name, whether or not an account has
 * it), for the progressive lockout that every instance reads from the database.
 */
export type IdentityLoginThrottleTable = {
  key_hash: string;
  failures: number;
  locked_until: string | null;
  last_failure_at: string;
};

/**
 * The delivery outbox: every message the platform sends, sealed by the vault under `subject_id` (recipient in
 * `mobile_ct`/`email_ct` with blind indexes, text in `body_ct`); template and status in the clear.
 */
export type DeliveryOutboxTable = {
  id: string;
  subject_id: string;
  channel: 'mobile' | 'email';
  template: string;
  status: 'outbox_only' | 'queued' | 'sent' | 'failed';
  mobile_ct: string | null;
  mobile_bidx: string | null;
  email_ct: string | null;
  email_bidx: string | null;
  body_ct: string;
  created_at: string;
  dispatched_at: string | null;
  /** A short error class from the transport (e.g. smtp_rejected), never its message. */
  failure: string | null;
};

/* Second factors (modules/factors): no personal data — secrets sealed by the vault, recovery codes hashed. */
/** One second factor of an account. A TOTP factor is `pending` until a first valid code confirms it. */
export type FactorsTable = {
  id: string;
  account_id: string;
  kind: 'totp' | 'webauthn';
  status: 'pending' | 'active';
  created_at: string;
  confirmed_at: string | null;
  last_used_at: string | null;
};

/** The TOTP shared secret, sealed by the injected secret box (never the base32 plaintext). */
export type FactorsTotpTable = {
  factor_id: string;
  secret_sealed: string;
  /** The last RFC 6238 time step accepted: a code of this step or an earlier one is refused (single use). */
  last_step: number | null;
};

/** A WebAuthn credential: its id and COSE public key (base64url) are not secret; `sign_count` detects clones. */
export type FactorsWebauthnTable = {
  factor_id: string;
  credential_id: string;
  public_key: string;
  sign_count: number;
  /** JSON array of transports the authenticator reported. */
  transports: string;
  device_type: 'singleDevice' | 'multiDevice';
  backed_up: number;
  aaguid: string;
};

/** One recovery code of the account's current set, as a SHA-256 hash; `used_at` makes it single use. */
export type FactorsRecoveryCodesTable = {
  id: string;
  account_id: string;
  code_hash: string;
  created_at: string;
  used_at: string | null;
};

/** A WebAuthn challenge issued to one session; deleted when consumed, so it works once. */
export type FactorsChallengesTable = {
  id: string;
  account_id: string;
  session_id_hash: string;
  purpose: 'webauthn.register' | 'webauthn.authenticate';
  challenge: string;
  created_at: string;
  expires_at: string;
};

/** One second-factor verification attempt of an account, for the per-account limit (shared by every instance). */
export type FactorsAttemptsTable = {
  id: string;
  account_id: string;
  at: string;
};

/** The latest step-up (or fresh sign-in) of a session, keyed by the session id hash (the sessions primary key). */
export type FactorsStepUpsTable = {
  session_id_hash: string;
  account_id: string;
  method: string;
  stepped_up_at: string;
};

/** Which broker runs which customer (modules/profiles): the scope of a broker's look-ups and reveals. */
export type ClientAssignmentsTable = {
  /** Set when the customer was reassigned: the assignment is history, no longer access. */
  ended_at?: string | null;
  ended_by?: string | null;
  customer_account_id: string;
  broker_account_id: string;
  assigned_at: string;
  assigned_by: string;
};

/** A published privacy-notice version (modules/consent); the 清单 is a snapshot of the registry at publication. */
export type ConsentNoticesTable = {
  version: number;
  published_at: string;
  effective_at: string;
  published_by: string | null;
  prose_zh: string;
  prose_en: string;
  inventory_json: string;
  purpose_versions_json: string;
  changed_purposes_json: string;
  rule_change: number;
};

/** One consent event (given / refused / withdrawn); the row is also its signed receipt. */
export type ConsentEventsTable = {
  id: string;
  account_id: string;
  consent_key: string;
  purpose: string;
  kind: string;
  recipient: string | null;
  categories_json: string;
  decision: 'given' | 'refused' | 'withdrawn';
  at: string;
  channel: string;
  ui_text_hash: string;
  notice_version: number;
  purpose_version: number;
  /** Per (account, consent key) sequence: the latest row is the current state. */
  seq: number;
  signature: string;
};

/** A privacy feedback or rights-request ticket; message and contact are sealed by the vault. */
export type PrivacyTicketsTable = {
  id: string;
  ticket_no: string;
  kind: string;
  topic: string;
  account_id: string | null;
  subject_id: string;
  message_ct: string | null;
  contact_email_ct: string | null;
  status: 'open' | 'closed';
  created_at: string;
  due_at: string;
  closed_at: string | null;
  closed_by: string | null;
  /** The officer's answer (identifier-guarded); a closed ticket with an answer is `answered`. */
  answer?: string | null;
  answered_at?: string | null;
  /** A refusal: reason code (REFUSAL_REASON_CODES) and guarded text; a closed ticket with one is `refused`. */
  refusal_code?: string | null;
  refusal_text?: string | null;
  /** One extension, with the reason sent to the sender. */
  extended_at?: string | null;
  extension_days?: number | null;
  extension_reason?: string | null;
  /** Marks of the clock job: each alert once per due date. */
  reminded_at?: string | null;
  escalated_at?: string | null;
};

/** The history of a privacy ticket, shown to its sender (modules/consent). */
export type PrivacyTicketEventsTable = {
  id: string;
  ticket_id: string;
  /** 1, 2, … per ticket (unique with ticket_id). */
  seq: number;
  at: string;
  event: string;
  status: string;
  by_kind: string;
  note: string | null;
};

/** A typed rights request (modules/rights); the requester's details are sealed by the vault. */
export type RightsRequestsTable = {
  id: string;
  request_no: string;
  kind: string;
  account_id: string | null;
  subject_id: string;
  detail_ct: string | null;
  status: string;
  created_at: string;
  due_at: string;
  identity_confirmed_at: string | null;
  identity_method: string | null;
  extended_at: string | null;
  extension_days: number | null;
  extension_reason: string | null;
  answer: string | null;
  refusal_code: string | null;
  refusal_text: string | null;
  outcome_json: string | null;
  reminded_at: string | null;
  escalated_at: string | null;
  closed_at: string | null;
};

/** One step in a rights request's history, as the requester sees it. */
export type RightsRequestEventsTable = {
  id: string;
  request_id: string;
  /** 1, 2, … per request: the order of the history (unique with request_id). */
  seq: number;
  at: string;
  event: string;
  status: string;
  by_kind: string;
  note: string | null;
};

/**
 * A real-name verification submission (modules/verification). Name, ID number and ID card images are vault
 * ciphertexts under the customer's data key (registered in the personal-data registry); image types and the
 * review outcome are not personal data. `sensitive_consent_*` is the separate consent to process the ID number
 * (PIPL Art. 29), kept here until the consent module takes it over.
 */
export type IdentityVerificationsTable = {
  id: string;
  account_id: string;
  subject_id: string;
  status: 'pending' | 'verified' | 'rejected';
  provider: string;
  full_name_ct: string | null;
  id_number_ct: string | null;
  id_number_bidx: string | null;
  id_front_image_ct: string | null;
  id_front_image_type: 'jpeg' | 'png' | null;
  id_back_image_ct: string | null;
  id_back_image_type: 'jpeg' | 'png' | null;
  /** 1 when another account submitted the same ID number (blind index, confirmed inside the vault). */
  possible_duplicate: number;
  sensitive_consent_given_at: string;
  /** SHA-256 (hex) of the consent statement the customer was shown. */
  sensitive_consent_text_hash: string;
  /** Version key of that statement (contracts: SENSITIVE_CONSENT_STATEMENTS). */
  sensitive_consent_statement: string;
  submitted_at: string;
  decided_at: string | null;
  decided_by: string | null;
  decision_reason: string | null;
  decision_note: string | null;
  /** JSON of the reviewer's checklist answers. */
  checklist: string | null;
};

/* Staff lifecycle (modules/staff). */
/** A staff member's record beside their account: the work e-mail is sealed by the vault under `subject_id`. */
export type StaffMembersTable = {
  account_id: string;
  subject_id: string;
  work_email_ct: string | null;
  created_at: string;
  created_by: string | null;
  offboarded_at: string | null;
  offboarded_by: string | null;
};

/** One acceptance of the confidentiality agreement or completion of a training course (history kept). */
export type StaffAttestationsTable = {
  id: string;
  account_id: string;
  /** `module` and `conduct` (issue 19): a training module passed (score in percent), a code of conduct acknowledged. */
  kind: 'agreement' | 'training' | 'module' | 'conduct';
  course: string;
  version: string;
  score: number | null;
  completed_at: string;
};

/** A client of an offboarded broker, waiting for an admin to assign another broker. */
export type StaffReassignmentsTable = {
  customer_account_id: string;
  from_account_id: string;
  flagged_at: string;
  resolved_at: string | null;
  resolved_by: string | null;
  to_account_id: string | null;
};

export type StaffReviewCampaignsTable = {
  id: string;
  started_at: string;
  /** null when the scheduler started it. */
  started_by: string | null;
  due_at: string;
  closed_at: string | null;
};

/** One staff member's roles under review: recertified, revoked, or expired (roles removed) after the due date. */
export type StaffReviewItemsTable = {
  id: string;
  campaign_id: string;
  account_id: string;
  roles: string;
  decision: 'pending' | 'recertified' | 'revoked' | 'expired';
  decided_at: string | null;
  decided_by: string | null;
};

/** A break-glass grant: one officer, one customer, a written justification (checked free of identifiers), a time box. */
export type StaffBreakGlassTable = {
  id: string;
  actor_account_id: string;
  customer_account_id: string;
  subject_id: string;
  justification: string;
  minutes: number;
  created_at: string;
  expires_at: string;
  ended_at: string | null;
  expiry_recorded_at: string | null;
  acknowledged_at: string | null;
  acknowledged_by: string | null;
};

/** In-app notices: kind + parameters (codes, aliases, stages, dates), rendered by the reader (modules/notifications). */
export type NotificationsTable = {
  id: string;
  account_id: string;
  kind: string;
  topic: string;
  /** JSON object of the kind's parameters. */
  params: string;
  link: string | null;
  created_at: string;
  read_at: string | null;
};

/** An account's channel choices per notification topic (in-app is always on). */
export type NotificationSettingsTable = {
  account_id: string;
  topic: string;
  email: number;
  sms: number;
  updated_at: string;
};
/** The data room (modules/dataroom): rooms, folders, documents, versions, per-grant permissions, watermark renderings. */
export type DataroomRoomsTable = {
  id: string;
  listing_id: string;
  subject_id: string;
  created_at: string;
  created_by: string;
  shredded_at: string | null;
};
export type DataroomFoldersTable = { id: string; room_id: string; parent_id: string | null; name: string; created_at: string };
export type DataroomDocumentsTable = {
  id: string;
  room_id: string;
  folder_id: string | null;
  title: string;
  released_version_id: string | null;
  created_at: string;
  created_by: string;
};
export type DataroomVersionsTable = {
  id: string;
  document_id: string;
  room_id: string;
  number: number;
  kind: 'original' | 'converted' | 'redacted';
  format: 'pdf' | 'jpeg' | 'png' | 'docx' | 'xlsx' | 'doc' | 'xls';
  state: 'ready' | 'original_only' | 'failed';
  page_count: number;
  size_bytes: number;
  has_text_layer: number;
  blob_key: string;
  source_version_id: string | null;
  created_at: string;
  created_by: string;
};
export type DataroomPermissionsTable = {
  grant_id: string;
  document_id: string;
  room_id: string;
  level: 'view' | 'download_watermarked' | 'original';
  granted_at: string;
  granted_by: string;
};
export type DataroomRenderingsTable = {
  code: string;
  room_id: string;
  document_id: string;
  version_id: string;
  page: number;
  grant_id: string | null;
  viewer_account_id: string;
  kind: 'view' | 'download';
  rendered_at: string;
};
export type DataroomDwellTable = {
  id: string;
  room_id: string;
  document_id: string;
  page: number;
  viewer_account_id: string;
  grant_id: string | null;
  dwell_ms: number;
  at: string;
};
export type DataroomQuestionsTable = {
  id: string;
  room_id: string;
  document_id: string | null;
  asker_account_id: string;
  text: string;
  asked_at: string;
  published: number;
  answer_text: string | null;
  answered_by: string | null;
  answered_role: 'broker' | 'seller' | null;
  answered_at: string | null;
};
export type DataroomBlobChunksTable = { blob_key: string; seq: number; data: Uint8Array };

/** A rule for automatic adviser assignment: a province and/or an industry → a broker (modules/advisers). */
export type AdviserRulesTable = {
  id: string;
  province_code: string | null;
  industry: string | null;
  broker_account_id: string;
  created_at: string;
  created_by: string;
};

/** A buyer's 申请查看详情 on one listing (modules/disclosure); the note passed the identifier guard. */
export type InquiriesTable = {
  id: string;
  listing_id: string;
  buyer_account_id: string;
  buyer_type: string;
  budget_band: string;
  timeline: string;
  note: string;
  status: 'open' | 'accepted' | 'declined' | 'withdrawn';
  created_at: string;
  updated_at: string;
  decided_at: string | null;
  decided_by: string | null;
  decision_reason: string | null;
};

export type ListingDisclosureSettingsTable = {
  listing_id: string;
  requires_proof_of_funds: number;
  updated_at: string;
  updated_by: string;
};

/** A buyer's proof of funds for one listing: the document sealed by the vault under the buyer's subject. */
export type ProofOfFundsTable = {
  id: string;
  listing_id: string;
  buyer_account_id: string;
  subject_id: string;
  document_ct: string | null;
  media_type: string;
  status: 'pending' | 'approved' | 'rejected';
  submitted_at: string;
  reviewed_at: string | null;
  reviewed_by: string | null;
  review_reason: string | null;
};

/** Versions of the click-wrap NDA (zh-CN binding text, English reading copy). */
export type NdaTemplatesTable = {
  version: number;
  title_zh: string;
  body_zh: string;
  title_en: string;
  body_en: string;
  term_months: number;
  status: 'draft' | 'published' | 'retired';
  created_at: string;
  created_by: string;
  published_at: string | null;
  published_by: string | null;
};

/**
 * A buyer's signature of an NDA for one listing: template version, the variables that are not personal (codes,
 * alias, dates), the SHA-256 of the exact text shown, and the platform's Ed25519 signature of the record. Masked
 * names in the text are computed on read, never stored.
 */
export type NdaSignaturesTable = {
  id: string;
  listing_id: string;
  buyer_account_id: string;
  template_version: number;
  variables_json: string;
  text_sha256: string;
  signed_at: string;
  device_label: string;
  key_id: string;
  signature: string;
  /** SHA-256 of the certificate PDF as generated (deterministic), so a changed byte is found. */
  certificate_sha256: string | null;
};

/** One level (L1–L3) for one buyer on one listing; its history is in disclosure_grant_events. */
export type DisclosureGrantsTable = {
  id: string;
  listing_id: string;
  buyer_account_id: string;
  inquiry_id: string;
  level: 'L1' | 'L2' | 'L3';
  state: 'requested' | 'approved' | 'declined' | 'expired' | 'revoked';
  requested_at: string;
  decided_at: string | null;
  decided_by: string | null;
  decision_reason: string | null;
  expires_at: string | null;
  updated_at: string;
};

export type DisclosureGrantEventsTable = {
  id: string;
  grant_id: string;
  listing_id: string;
  at: string;
  actor_account_id: string | null;
  actor_role: string;
  action: string;
  reason: string | null;
};

/** A broker opened a listing's company identity for the registry check (purpose listing_review). */
export type ListingCompanyRevealsTable = {
  listing_id: string;
  broker_account_id: string;
  revealed_at: string;
};

/** Messages (modules/messaging, issue 13): a thread per (listing, buyer). */
export type MessageThreadsTable = {
  id: string;
  listing_id: string;
  listing_code: string;
  buyer_account_id: string;
  seller_account_id: string;
  broker_account_id: string | null;
  created_at: string;
  erased_at: string | null;
};
/** A participant of a thread, with the vault subject their own messages in it are sealed under. */
export type MessageThreadPartiesTable = {
  thread_id: string;
  account_id: string;
  role: 'buyer' | 'seller' | 'broker';
  subject_id: string | null;
  created_at: string;
  notified_at: string | null;
};
export type ThreadMessagesTable = {
  id: string;
  thread_id: string;
  lane: 'parties' | 'buyer_broker' | 'seller_broker';
  sender_account_id: string;
  sender_role: 'buyer' | 'seller' | 'broker';
  subject_id: string;
  body_ct: string | null;
  masked_body_ct: string | null;
  masked_kinds: string | null;
  contact_attempt: number;
  created_at: string;
  /** 1 when the message asks for a photo of a seal or licence (issue 19 item 6); nothing else about it is kept. */
  asks_seal_photo: number;
};
export type MessageAttachmentsTable = { message_id: string; position: number; document_id: string };
export type MessageReadsTable = { thread_id: string; account_id: string; lane: string; last_read_message_id: string; read_at: string };
export type MessageFlagsTable = {
  id: string;
  thread_id: string;
  account_id: string;
  party_role: 'buyer' | 'seller' | 'broker';
  attempts: number;
  kinds: string;
  first_at: string;
  last_at: string;
  status: 'open' | 'acknowledged';
  acknowledged_by: string | null;
  acknowledged_at: string | null;
};
export type MessageCallbacksTable = {
  id: string;
  thread_id: string;
  requester_account_id: string;
  requester_role: 'buyer' | 'seller' | 'broker';
  time_window: 'asap' | 'morning' | 'afternoon' | 'evening';
  status: 'open' | 'done' | 'cancelled';
  outcome: 'call_held' | 'unreachable' | 'declined' | null;
  created_at: string;
  done_at: string | null;
  done_by: string | null;
};
/** The deal pipeline (modules/deals). Days are `YYYY-MM-DD` in China Standard Time; amounts hundredths of 万元. */
export type DealsTable = {
  id: string;
  code: string;
  listing_id: string;
  listing_code: string;
  seller_account_id: string;
  buyer_account_id: string;
  broker_account_id: string | null;
  /** The deal's own vault subject (company_party): custody photos and the legal-representative evidence. */
  subject_id: string;
  stage: string;
  status: 'open' | 'closed' | 'cancelled';
  started_at: string;
  stage_entered_at: string;
  intent_kind: string | null;
  intent_signed_on: string | null;
  exclusive_until: string | null;
  agreement_signed_on: string | null;
  seller_kind: string | null;
  price_cents: number | null;
  cost_basis_cents: number | null;
  pledge_registered_on: string | null;
  pledge_released_on: string | null;
  art22_opened_at: string | null;
  art22_due_on: string | null;
  art22_completed_at: string | null;
  art22_completed_by: string | null;
  art22_notified_on: string | null;
  art22_channels: string | null;
  art22_groups: string | null;
  art22_document_id: string | null;
  legal_rep_changed_on: string | null;
  legal_rep_confirmed_at: string | null;
  legal_rep_evidence_ct: string | null;
  legal_rep_evidence_type: string | null;
  legal_rep_last_reminder_at: string | null;
  /** China day the parties were last reminded of overdue checklist items. */
  overdue_reminded_on: string | null;
  closed_at: string | null;
  cancelled_at: string | null;
  cancel_reason: string | null;
  updated_at: string;
};
export type DealEventsTable = {
  id: string;
  deal_id: string;
  at: string;
  actor_account_id: string | null;
  side: string;
  action: string;
  from_stage: string | null;
  to_stage: string | null;
  note: string;
};
export type DealChecklistMarksTable = {
  deal_id: string;
  item_key: string;
  done_at: string;
  done_by_side: string;
  done_by_account_id: string;
  remark: string;
  document_ids: string;
};
export type DealCustodyItemsTable = {
  deal_id: string;
  kind: string;
  applicable: number;
  photo_ct: string | null;
  photo_type: string | null;
  photo_uploaded_by: string | null;
  photo_uploaded_at: string | null;
  seller_confirmed_at: string | null;
  seller_confirmed_by: string | null;
  buyer_confirmed_at: string | null;
  buyer_confirmed_by: string | null;
  old_seal_cancelled_on: string | null;
  new_seal_filed_on: string | null;
  updated_at: string;
};
export type DealMoneyTable = {
  id: string;
  deal_id: string;
  kind: string;
  amount_cents: number;
  due_on: string | null;
  paid_on: string | null;
  released_on: string | null;
  claims_window_ends_on: string | null;
  note: string;
  created_at: string;
};

// Third parties, the sharing gateway, cross-border and impact assessments (issue 17).
export type VendorsTable = {
  id: string;
  vendor_key: string;
  name_zh: string;
  name_en: string;
  role: 'entrusted_processor' | 'independent_handler' | 'joint_handler';
  service: string;
  /** ISO 3166-1 alpha-2; anything other than CN is a cross-border recipient. */
  country: string;
  purposes_json: string;
  categories_json: string;
  sensitive: number;
  source: 'configuration' | 'manual';
  security_assessment: string | null;
  security_assessed_at: string | null;
  review_interval_days: number;
  next_review_at: string;
  status: 'active' | 'ended';
  ended_at: string | null;
  deletion_attested_at: string | null;
  /** Guarded free text (no identifiers). */
  deletion_attestation: string | null;
  created_at: string;
};
export type VendorContractsTable = {
  id: string;
  vendor_id: string;
  kind: 'signed' | 'provisional';
  reference: string;
  clauses_json: string;
  starts_at: string;
  ends_at: string;
  created_at: string;
};
export type ImpactAssessmentsTable = {
  id: string;
  template: string;
  vendor_id: string | null;
  purposes_json: string;
  title: string;
  answers_json: string;
  conclusion: string;
  risk_level: 'low' | 'medium' | 'high';
  assessed_at: string;
  review_due_at: string;
  retain_until: string;
  created_at: string;
};
export type CrossborderMechanismsTable = {
  id: string;
  kind: 'standard_contract' | 'certification' | 'security_assessment';
  reference: string;
  effective_at: string;
  valid_until: string | null;
  filing_due_at: string | null;
  filed_at: string | null;
  created_at: string;
};
export type DataTransfersTable = {
  id: string;
  vendor_key: string;
  vendor_id: string | null;
  purpose: string;
  channel: string;
  /** A keyed digest of the person (vault HMAC): counts distinct persons, names nobody. */
  subject_digest: string;
  categories_json: string;
  sensitive: number;
  country: string;
  cross_border: number;
  consent_checked: number;
  impact_assessment_id: string | null;
  mechanism: string | null;
  outcome: 'allowed' | 'refused';
  reason: string;
  year: number;
  created_at: string;
  retain_until: string;
};

/** Security monitoring (issue 18, migration 20261205200000): the monitor's cursor over the audit log. */
export type SecurityMonitorStateTable = { id: string; last_seq: number; updated_at: string };
/** One alert per rule + actor + episode; `evidence` is a JSON array of audit sequence numbers (at most 200). */
export type SecurityAlertsTable = {
  id: string;
  episode_key: string;
  rule: string;
  severity: string;
  status: string;
  actor_account_id: string | null;
  actor_role: string | null;
  first_at: string;
  last_at: string;
  hits: number;
  evidence: string;
  reason: string | null;
  decided_by: string | null;
  decided_at: string | null;
  incident_id: string | null;
  created_at: string;
};
export type SecurityIncidentsTable = {
  id: string;
  incident_no: string;
  title: string;
  summary: string;
  status: string;
  grade: string;
  affected_count: number;
  detected_at: string;
  suspect_account_id: string | null;
  event_type: string | null;
  window_from: string;
  window_to: string;
  critical_infrastructure: number;
  cause: string | null;
  measures: string | null;
  review: string | null;
  report_due_at: string | null;
  reported_at: string | null;
  follow_up_due_at: string | null;
  followed_up_at: string | null;
  reminded_at: string | null;
  closed_at: string | null;
  created_by: string | null;
  created_at: string;
  updated_at: string;
};
export type SecurityIncidentActionsTable = {
  id: string;
  incident_id: string;
  action: string;
  target: string | null;
  result: number;
  reason: string;
  by_account_id: string | null;
  at: string;
};

export type Database = {
  client_assignments: ClientAssignmentsTable;
  factors: FactorsTable;
  factors_totp: FactorsTotpTable;
  factors_webauthn: FactorsWebauthnTable;
  factors_recovery_codes: FactorsRecoveryCodesTable;
  factors_challenges: FactorsChallengesTable;
  factors_attempts: FactorsAttemptsTable;
  factors_step_ups: FactorsStepUpsTable;
  platform_jobs: PlatformJobsTable;
  accounts: AccountsTable;
  sessions: SessionsTable;
  known_devices: KnownDevicesTable;
  listings: ListingsTable;
  vault_subjects: VaultSubjectsTable;
  audit_log: AuditLogTable;
  audit_checkpoints: AuditCheckpointsTable;
  account_profiles: AccountProfilesTable;
  identity_verification_codes: IdentityVerificationCodesTable;
  identity_login_throttle: IdentityLoginThrottleTable;
  delivery_outbox: DeliveryOutboxTable;
  consent_notices: ConsentNoticesTable;
  consent_events: ConsentEventsTable;
  privacy_tickets: PrivacyTicketsTable;
  rights_requests: RightsRequestsTable;
  rights_request_events: RightsRequestEventsTable;
  privacy_ticket_events: PrivacyTicketEventsTable;
  identity_verifications: IdentityVerificationsTable;
  staff_members: StaffMembersTable;
  staff_attestations: StaffAttestationsTable;
  staff_reassignments: StaffReassignmentsTable;
  staff_review_campaigns: StaffReviewCampaignsTable;
  staff_review_items: StaffReviewItemsTable;
  staff_break_glass: StaffBreakGlassTable;
  listing_companies: ListingCompaniesTable;
  listing_events: ListingEventsTable;
  listing_deals: ListingDealsTable;
  listing_favorites: ListingFavoritesTable;
  listing_saved_searches: ListingSavedSearchesTable;
  listing_alerts: ListingAlertsTable;
  listings_fts: { listing_id: string; body: string };
  listing_licences: ListingLicencesTable;
  notifications: NotificationsTable;
  notification_settings: NotificationSettingsTable;
  adviser_rules: AdviserRulesTable;
  inquiries: InquiriesTable;
  listing_disclosure_settings: ListingDisclosureSettingsTable;
  proof_of_funds: ProofOfFundsTable;
  nda_templates: NdaTemplatesTable;
  nda_signatures: NdaSignaturesTable;
  disclosure_grants: DisclosureGrantsTable;
  disclosure_grant_events: DisclosureGrantEventsTable;
  listing_company_reveals: ListingCompanyRevealsTable;
  // Messages (issue 13).
  message_threads: MessageThreadsTable;
  message_thread_parties: MessageThreadPartiesTable;
  thread_messages: ThreadMessagesTable;
  message_attachments: MessageAttachmentsTable;
  message_reads: MessageReadsTable;
  message_flags: MessageFlagsTable;
  message_callbacks: MessageCallbacksTable;
  deals: DealsTable;
  deal_events: DealEventsTable;
  deal_checklist_marks: DealChecklistMarksTable;
  deal_custody_items: DealCustodyItemsTable;
  deal_money: DealMoneyTable;
  dataroom_rooms: DataroomRoomsTable;
  dataroom_folders: DataroomFoldersTable;
  dataroom_documents: DataroomDocumentsTable;
  dataroom_versions: DataroomVersionsTable;
  dataroom_permissions: DataroomPermissionsTable;
  dataroom_renderings: DataroomRenderingsTable;
  dataroom_dwell: DataroomDwellTable;
  dataroom_questions: DataroomQuestionsTable;
  dataroom_blob_chunks: DataroomBlobChunksTable;
  audit_origin: AuditOriginTable;
  audit_cosignatures: AuditCosignaturesTable;
  vendors: VendorsTable;
  vendor_contracts: VendorContractsTable;
  impact_assessments: ImpactAssessmentsTable;
  crossborder_mechanisms: CrossborderMechanismsTable;
  data_transfers: DataTransfersTable;
  security_monitor_state: SecurityMonitorStateTable;
  security_alerts: SecurityAlertsTable;
  security_incidents: SecurityIncidentsTable;
  security_incident_actions: SecurityIncidentActionsTable;
  retention_holds: RetentionHoldsTable;
  retention_runs: RetentionRunsTable;
  retention_certificates: RetentionCertificatesTable;
  // The privacy program (issue 19).
  staff_training_modules: StaffTrainingModulesTable;
  staff_training_reminders: StaffTrainingRemindersTable;
  staff_conduct_versions: StaffConductVersionsTable;
  staff_conduct_violations: StaffConductViolationsTable;
  disputes: DisputesTable;
  dispute_parties: DisputePartiesTable;
  dispute_evidence: DisputeEvidenceTable;
  dispute_sessions: DisputeSessionsTable;
  dispute_reminders: DisputeRemindersTable;
  education_items: EducationItemsTable;
  transparency_reports: TransparencyReportsTable;
  transparency_authority_requests: TransparencyAuthorityRequestsTable;
};

/** A dispute about a listing (issue 19); summary and outcome pass the identifier guard. */
export type DisputesTable = {
  id: string;
  case_no: string;
  listing_id: string;
  listing_code: string;
  against: 'party' | 'center';
  topic: string;
  summary: string;
  status: 'open' | 'mediation' | 'resolved' | 'referred';
  mediator_account_id: string | null;
  opened_at: string;
  respond_by: string;
  resolve_by: string;
  closed_at: string | null;
  closing: 'resolved' | 'arbitration' | 'court' | null;
  outcome: string | null;
};
export type DisputePartiesTable = { dispute_id: string; account_id: string; side: 'claimant' | 'respondent'; role: 'buyer' | 'seller' };
export type DisputeEvidenceTable = {
  id: string;
  dispute_id: string;
  kind: 'document' | 'message';
  ref_id: string;
  added_by: string;
  added_side: 'claimant' | 'respondent' | 'mediator';
  added_at: string;
};
export type DisputeSessionsTable = { id: string; dispute_id: string; mediator_account_id: string; notes: string; held_at: string };
/** A revision of a guide or tip (issue 19 item 6); the latest revision per code is shown. */
export type EducationItemsTable = {
  code: string;
  revision: number;
  kind: 'guide' | 'tip';
  audience: 'buyer' | 'seller' | 'all';
  position: number;
  text_zh: string;
  text_en: string;
  updated_by: string | null;
  updated_at: string;
};
/** One reminder per dispute, clock and kind (issue 19 item 3): the primary key makes the daily sweep idempotent. */
export type DisputeRemindersTable = { dispute_id: string; clock: 'respond' | 'resolve'; kind: 'due' | 'overdue'; sent_at: string };

/** A training module the privacy officer edits (issue 19): zh-CN texts, the quiz as JSON, pass mark, roles. */
export type StaffTrainingModulesTable = {
  code: string;
  revision: number;
  title: string;
  body: string;
  questions: string;
  pass_mark: number;
  roles: string;
  active: number;
  updated_at: string;
  updated_by: string | null;
};
/** One reminder sent for one completion that is about to run out (`expiring`) or has (`expired`). */
export type StaffTrainingRemindersTable = {
  account_id: string;
  course: string;
  expires_at: string;
  kind: 'expiring' | 'expired';
  sent_at: string;
};
export type StaffConductVersionsTable = {
  version: number;
  title: string;
  body: string;
  published_at: string;
  published_by: string | null;
};
/** 违规处理: a recorded violation of the code of conduct, the audit records it rests on, the decision. */
export type StaffConductViolationsTable = {
  id: string;
  staff_account_id: string;
  conduct_version: number | null;
  description: string;
  audit_seqs: string;
  decision: string;
  decision_note: string | null;
  recorded_by: string;
  recorded_at: string;
};

/** A legal hold (modules/retention): blocks every deletion of one account's data or of one retention class. */
export type RetentionHoldsTable = {
  id: string;
  scope: 'account' | 'class' | 'deal' | 'listing';
  account_id: string | null;
  retention_class: string | null;
  /** Migration 20261207100000: a hold on one deal / one listing (their deal-life records). */
  deal_id?: string | null;
  listing_id?: string | null;
  reason: string;
  placed_at: string;
  placed_by: string | null;
  lifted_at: string | null;
  lifted_by: string | null;
  lift_reason: string | null;
};

/** One sweep of the retention job, or a dry run: counts per class and table (JSON), never a value. */
export type RetentionRunsTable = {
  id: string;
  dry_run: number;
  started_at: string;
  finished_at: string;
  by_kind: 'job' | 'officer';
  scanned: number;
  destroyed: number;
  counts_json: string;
};

/** A signed destruction certificate (C2SP signed note), kept after the data is gone. */
export type RetentionCertificatesTable = {
  id: string;
  certificate_no: string;
  run_id: string;
  retention_class: string;
  table_name: string;
  action: 'shred' | 'anonymize' | 'delete';
  count: number;
  rule: string;
  destroyed_at: string;
  note: string;
};

/**
 * The key store: a separate database (a second SQLite file, or its own PostgreSQL schema) so that restoring a
 * backup of the data store cannot bring back a destroyed data key (docs/adr/0007-vault-keys-and-fields.md).
 */
export type KeyDatabase = {
  vault_kek: { kek_id: string; version: number; status: 'pending' | 'current' | 'retired'; wrapped: string; created_at: string };
  vault_data_key: { dek_id: string; subject_id: string; kek_id: string; wrapped: string; created_at: string };
  /** The erasure journal (replayed after a restore): a shredded subject, or an erased account. Ids only. */
  vault_erasures: {
    id: string;
    kind: 'subject' | 'account';
    subject_id: string | null;
    account_id: string | null;
    reason_ref: string;
    erased_at: string;
  };
};

/** A quarterly transparency report (modules/transparency): aggregate counts as JSON; frozen once published. */
export type TransparencyReportsTable = {
  id: string;
  /** `YYYY-Qn`, a Beijing calendar quarter. */
  period: string;
  status: 'draft' | 'published';
  report_json: string;
  generated_at: string;
  generated_by: string | null;
  published_at: string | null;
  published_by: string | null;
};

/** A request for data from a government or other authority, as the privacy officer records it (no person named). */
export type TransparencyAuthorityRequestsTable = {
  id: string;
  authority: string;
  legal_basis: string;
  /** Beijing calendar day `YYYY-MM-DD`. */
  received_on: string;
  disclosed: number;
  persons_affected: number;
  note: string | null;
  recorded_at: string;
  recorded_by: string | null;
};
