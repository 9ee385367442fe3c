package io.ringbridge.platform.config;

import java.time.Clock;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(RingBridgeProperties.class)
@EnableScheduling // per-instance housekeeping; cluster-wide jobs go through db-scheduler
class PlatformConfiguration {

    /** One clock for the whole gateway, so tests and time-based rules agree on "now". */
    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }
}
