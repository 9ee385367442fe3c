package io.ringbridge.connection;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties({ConnectionProperties.class, RingCentralProperties.class})
class ConnectionConfiguration {
}
