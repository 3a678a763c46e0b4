-- First start of the PostgreSQL container (docker-entrypoint-initdb.d): two roles.
--   sealbridge_owner  owns the schemas and tables; only the one-shot `migrate` service connects as it.
--   sealbridge_app    serves requests; owns no table, so REVOKEs on the audit tables bind it (README, ADR 0021).
-- Passwords come from the environment of the container (compose.yaml), never from this file.
\set owner_password `echo "$SEALBRIDGE_OWNER_PASSWORD"`
\set app_password `echo "$SEALBRIDGE_APP_PASSWORD"`
CREATE ROLE sealbridge_owner LOGIN PASSWORD :'owner_password';
CREATE ROLE sealbridge_app LOGIN PASSWORD :'app_password';
CREATE DATABASE sealbridge OWNER sealbridge_owner;
\connect sealbridge
ALTER SCHEMA public OWNER TO sealbridge_owner;
CREATE SCHEMA sealbridge_keys AUTHORIZATION sealbridge_owner;
-- Job state: pg-boss installs and upgrades its own tables at start, in a schema the serving role owns; its installer
-- says CREATE SCHEMA IF NOT EXISTS, which needs CREATE on the database (it still owns no Sealbridge table).
CREATE SCHEMA pgboss AUTHORIZATION sealbridge_app;
GRANT CREATE ON DATABASE sealbridge TO sealbridge_app;
GRANT USAGE ON SCHEMA public, sealbridge_keys TO sealbridge_app;
ALTER DEFAULT PRIVILEGES FOR ROLE sealbridge_owner IN SCHEMA public, sealbridge_keys
  GRANT SELECT, INSERT, UPDATE, DELETE ON TABLES TO sealbridge_app;
ALTER DEFAULT PRIVILEGES FOR ROLE sealbridge_owner IN SCHEMA public, sealbridge_keys
  GRANT USAGE, SELECT ON SEQUENCES TO sealbridge_app;
