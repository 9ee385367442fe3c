package io.ringbridge.connection;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;

import io.ringbridge.ringcentral.RingCentralApp;

@Configuration(proxyBeanMethods = false)
@Conditional(RingCentralConfigured.class)
class ConfiguredRingCentral {

    /** The operator's app from configuration; without one, sandbox mode provides the {@link OperatorRingCentral}. */
    @Bean
    OperatorRingCentral configuredOperatorApp(RingCentralProperties properties) {
        RingCentralApp app = new RingCentralApp(properties.clientId(), properties.clientSecret(), properties.server());
        return new OperatorRingCentral() {
            @Override
            public RingCentralApp app() {
                return app;
            }

            @Override
            public boolean sandbox() {
                return false;
            }
        };
    }
}
