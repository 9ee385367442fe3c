package io.ringbridge.messaging;

import java.time.Duration;

import org.springframework.beans.factory.InitializingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Configuration;

import io.ringbridge.platform.config.StartupRefusedException;
import io.ringbridge.ringcentral.RingCentralHttpProperties;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties({SendingProperties.class, ReceiptProperties.class, QueueMetricsProperties.class,
        DestinationProperties.class})
class MessagingConfiguration implements InitializingBean {

    private final SendingProperties sending;
    private final RingCentralHttpProperties ringCentralHttp;

    MessagingConfiguration(SendingProperties sending, RingCentralHttpProperties ringCentralHttp) {
        this.sending = sending;
        this.ringCentralHttp = ringCentralHttp;
    }

    /**
     * Exactly-once sending relies on it: a worker starts a request only in the first half of its lease, so half a
     * lease must outlast the slowest RingCentral request, or a take-over could overlap a request still running.
     */
    @Override
    public void afterPropertiesSet() {
        Duration requestTimeout = ringCentralHttp.requestTimeout();
        if (sending.lease().dividedBy(2).compareTo(requestTimeout.plusSeconds(1)) < 0) {
            throw new StartupRefusedException("ringbridge.sending.lease (" + sending.lease()
                    + ") must be more than twice ringcentral.http.request-timeout (" + requestTimeout + ") plus 2s");
        }
    }
}
