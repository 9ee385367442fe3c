package io.ringbridge.platform.web;

import org.apache.catalina.Lifecycle;
import org.apache.catalina.Pipeline;
import org.apache.catalina.Valve;
import org.apache.catalina.valves.ErrorReportValve;
import org.springframework.boot.tomcat.TomcatContextCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import tools.jackson.databind.json.JsonMapper;

import io.ringbridge.platform.config.RingBridgeProperties;

@Configuration(proxyBeanMethods = false)
class TomcatConfiguration {

    /**
     * Replaces the host's HTML error report valve with the JSON one. The host adds its own when it starts, just
     * before it starts the application's context; the context is not yet attached to the host when customised.
     */
    @Bean
    TomcatContextCustomizer jsonContainerErrors(JsonMapper json, RingBridgeProperties properties) {
        return context -> context.addLifecycleListener(event -> {
            if (Lifecycle.BEFORE_START_EVENT.equals(event.getType()) && context.getParent() != null) {
                Pipeline host = context.getParent().getPipeline();
                for (Valve valve : host.getValves()) {
                    if (valve instanceof ErrorReportValve && !(valve instanceof ContainerErrorValve)) {
                        host.removeValve(valve);
                    }
                }
                host.addValve(new ContainerErrorValve(json, properties.production()));
            }
        });
    }
}
