-- Per-tenant settings the operator (and, for destinations, the tenant) may set. NULL means the deployment's
-- default: a tenant keeps following the configured defaults until someone sets a value of its own.
ALTER TABLE tenant ADD COLUMN requests_per_minute INTEGER;
ALTER TABLE tenant ADD COLUMN app_requests_per_minute INTEGER;
ALTER TABLE tenant ADD COLUMN max_apps INTEGER;
-- Comma-separated ISO 3166-1 alpha-2 codes: the countries the tenant chose to send to, and those the operator
-- allows it; a destination must be in both lists that are set.
ALTER TABLE tenant ADD COLUMN destination_countries VARCHAR(1024);
ALTER TABLE tenant ADD COLUMN operator_destination_countries VARCHAR(1024);
ALTER TABLE tenant ADD CONSTRAINT tenant_requests_per_minute CHECK (requests_per_minute > 0);
ALTER TABLE tenant ADD CONSTRAINT tenant_app_requests_per_minute CHECK (app_requests_per_minute > 0);
ALTER TABLE tenant ADD CONSTRAINT tenant_max_apps CHECK (max_apps >= 0);
