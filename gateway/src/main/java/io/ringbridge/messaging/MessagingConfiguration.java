package io.ringbridge.messaging;

import java.time.Duration;

import org.springframework.beans.factory.InitializingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

import io.ringbridge.platform.config.StartupRefusedException;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(SendingProperties.class)
class MessagingConfiguration implements InitializingBean {

    private final SendingProperties sending;
    private final Environment environment;

    MessagingConfiguration(SendingProperties sending, Environment environment) {
        this.sending = sending;
        this.environment = environment;
    }

    /**
     * Exactly-once sending relies on it: a worker starts a request only in the first half of its lease, so half a
     * lease must outlast the slowest RingCentral request, or a take-over could overlap a request still running.
     */
    @Override
    public void afterPropertiesSet() {
        Duration requestTimeout = environment.getProperty("ringcentral.http.request-timeout", Duration.class,
                Duration.ofSeconds(20));
        if (sending.lease().dividedBy(2).compareTo(requestTimeout.plusSeconds(1)) < 0) {
            throw new StartupRefusedException("ringbridge.sending.lease (" + sending.lease()
                    + ") must be more than twice ringcentral.http.request-timeout (" + requestTimeout + ") plus 2s");
        }
    }
}
