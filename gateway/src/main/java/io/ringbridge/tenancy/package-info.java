/**
 * Tenants, their apps and the apps' API keys, and who is calling: every {@code /v1} request is authenticated here
 * ({@code AuthInterceptor}), in the contract's order (a usable key, the key's request budget and the one all the
 * tenant's keys share, the tenant's status, the route's role), and controllers of every module receive the result as a {@link io.ringbridge.tenancy.Caller}.
 * Routes reached without a key (browsers, RingCentral) are marked {@link io.ringbridge.tenancy.Unauthenticated};
 * operator routes {@link io.ringbridge.tenancy.AdminOnly}.
 *
 * <p>Only key hashes are stored; what a key and a tenant's status resolve to is cached briefly per instance, and
 * only while the tenant is active. A change to a tenant, its apps or their keys is announced to every instance with
 * its commit ({@code TenantChanges}, a database notification): each drops what it cached at once, so a suspension
 * or a rotated key applies everywhere at once and a reactivated tenant works at once (docs/decisions/0003, 0004).
 * A client with too many failed authentications is blocked on every instance. The first start on an empty database
 * creates a tenant and an app and shows its key once ({@link io.ringbridge.tenancy.TenantBootstrapped} announces it
 * in-process). Other modules ask the status of a tenant through {@code TenantStatuses}, and hear of tenants that are
 * no longer active through {@link io.ringbridge.tenancy.TenantsNotActive}; the countries it may send to through
 * {@code TenantDestinations}.
 *
 * <p>What the operator sets per tenant (its budgets, app cap and countries, {@code TenantSettings}) is kept per
 * instance as briefly as keys are; unset values follow the deployment's defaults ({@code TenantQuotas}). The app cap
 * holds under concurrent registrations because each one locks its tenant's row.
 */
package io.ringbridge.tenancy;
