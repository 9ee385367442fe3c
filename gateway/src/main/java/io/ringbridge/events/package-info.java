/**
 * The events apps receive (docs/API.md): one record per event type ({@link io.ringbridge.events.SmsStatusEvent},
 * {@link io.ringbridge.events.SmsDeliveryEvent}, {@link io.ringbridge.events.ConnectionEvent}), recorded by
 * {@link io.ringbridge.events.EventOutbox} in the transaction of the change they announce, so an event exists exactly
 * when that change was committed. Delivery over WebSocket and webhooks reads the outbox. The module knows nothing of
 * the modules whose changes it announces.
 */
@ApplicationModule(displayName = "Events", allowedDependencies = "platform :: db")
package io.ringbridge.events;

import org.springframework.modulith.ApplicationModule;
