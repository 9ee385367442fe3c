package io.ringbridge.platform.web;

import org.apache.catalina.core.StandardHost;
import org.springframework.boot.tomcat.TomcatContextCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import tools.jackson.databind.json.JsonMapper;

import io.ringbridge.platform.config.RingBridgeProperties;

@Configuration(proxyBeanMethods = false)
class TomcatConfiguration {

    /**
     * Tomcat's host adds its HTML error report valve on start unless one of the configured class is already in its
     * pipeline: ours is put there first, and named as that class.
     */
    @Bean
    TomcatContextCustomizer jsonContainerErrors(JsonMapper json, RingBridgeProperties properties) {
        return context -> {
            if (context.getParent() instanceof StandardHost host) {
                host.getPipeline().addValve(new ContainerErrorValve(json, properties.production()));
                host.setErrorReportValveClass(ContainerErrorValve.class.getName());
            }
        };
    }
}
