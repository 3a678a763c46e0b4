-- Run as sealbridge_owner after every `npm run migrate` (compose service db-grants): the default privileges gave the
-- serving role UPDATE and DELETE on every new table; the append-only audit tables take them back, so the grants,
-- not only the triggers, stop the serving role from rewriting history.
REVOKE UPDATE, DELETE, TRUNCATE ON audit_log, audit_checkpoints, audit_origin, audit_cosignatures FROM sealbridge_app;
