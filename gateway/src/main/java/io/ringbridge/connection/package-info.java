/**
 * A tenant's RingCentral connection: connect and invite links, the OAuth flow and its callback (all or nothing: a
 * failed step revokes what it got and stores nothing), the connected extensions with their sealed tokens and
 * numbers, the webhook subscription of each, and disconnecting. Tokens are refreshed at most once at a time per
 * extension across instances (RingCentral rotates refresh tokens), and handed out only while usable
 * ({@code TokenVault}); which extension sends from a number is {@code SenderDirectory}'s answer.
 *
 * <p>RingCentral's webhook notifications are stored raw, once each, and acknowledged; processing them is the
 * business of the modules that care ({@code messaging} syncs delivery receipts). Status changes of an extension are
 * announced to apps as {@code rc_connection} events and, in-process, as
 * {@link io.ringbridge.connection.ConnectionChanged} so caches drop the tenant's entries.
 */
package io.ringbridge.connection;
