package io.ringbridge.ringcentral;

import java.net.http.HttpClient;
import java.time.Duration;
import java.util.concurrent.Executors;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

/** One shared HTTP client (connection pool, virtual threads) behind every RingCentral call of every tenant. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(RingCentralClientConfiguration.Timeouts.class)
class RingCentralClientConfiguration {

    /**
     * {@code ringcentral.http.connect-timeout} and {@code request-timeout}; the request timeout bounds a whole
     * exchange, the answer's body included.
     */
    @ConfigurationProperties("ringcentral.http")
    record Timeouts(@DefaultValue("5s") Duration connectTimeout, @DefaultValue("20s") Duration requestTimeout) {
    }

    @Bean
    RingCentralHttp ringCentralHttp(Timeouts timeouts) {
        return http(timeouts.connectTimeout(), timeouts.requestTimeout());
    }

    /** The plumbing exactly as the bean is built, for callers without a Spring context (the client's tests). */
    static RingCentralHttp http(Duration connectTimeout, Duration requestTimeout) {
        HttpClient client = HttpClient.newBuilder()
                .connectTimeout(connectTimeout)
                .followRedirects(HttpClient.Redirect.NEVER)
                .executor(Executors.newVirtualThreadPerTaskExecutor())
                .build();
        JsonMapper json = JsonMapper.builder().disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).build();
        return new RingCentralHttp(client, json, requestTimeout);
    }

    @Bean
    RingCentralOAuth ringCentralOAuth(RingCentralHttp http) {
        return new RingCentralOAuth(http);
    }

    @Bean
    RingCentralApi ringCentralApi(RingCentralHttp http) {
        return new RingCentralApi(http);
    }

    @Bean
    RingCxApi ringCxApi(RingCentralHttp http) {
        return new RingCxApi(http);
    }
}
