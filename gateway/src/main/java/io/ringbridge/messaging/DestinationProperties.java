package io.ringbridge.messaging;

import java.util.Set;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Which destinations no tenant may send to ({@code ringbridge.destinations.*}).
 *
 * @param refusedKinds Kinds of numbers refused at accept time, as libphonenumber classifies them: any of
 *        {@code premium-rate}, {@code satellite}, {@code shared-cost}, {@code toll-free}, {@code personal-number},
 *        {@code pager}, {@code uan}, {@code voicemail}, {@code voip}; empty refuses none
 */
@ConfigurationProperties("ringbridge.destinations")
record DestinationProperties(@DefaultValue("premium-rate,satellite") Set<NumberKind> refusedKinds) {
}
