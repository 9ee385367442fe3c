package io.ringbridge.platform.db;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Cross-instance notifications on PostgreSQL ({@code ringbridge.notifications.*}).
 *
 * @param catchUpInterval How often every listener re-reads the database in case a notification was missed; the
 *        longest a missed change can go unnoticed
 * @param reconnectDelay How long to wait before listening again after the listening connection was lost
 */
@ConfigurationProperties("ringbridge.notifications")
public record NotificationProperties(@DefaultValue("30s") Duration catchUpInterval,
                                     @DefaultValue("1s") Duration reconnectDelay) {
}
