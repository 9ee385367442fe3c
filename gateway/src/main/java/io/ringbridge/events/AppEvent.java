package io.ringbridge.events;

/**
 * An event for apps. Its JSON is {@code type}, the record's own fields, then {@code tenantId} and the
 * {@code timestamp} at which {@link EventOutbox} recorded it.
 */
public sealed interface AppEvent permits SmsStatusEvent, SmsDeliveryEvent, ConnectionEvent {

    String type();

    String tenantId();

    /** The app the event concerns, or {@code null} for every app of the tenant. */
    String audienceAppId();
}
