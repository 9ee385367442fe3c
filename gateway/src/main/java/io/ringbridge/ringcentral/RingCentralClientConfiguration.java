package io.ringbridge.ringcentral;

import java.net.http.HttpClient;
import java.time.Duration;
import java.util.concurrent.Executors;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

/** One shared HTTP client (connection pool, virtual threads) behind every RingCentral call of every tenant. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(RingCentralHttpProperties.class)
class RingCentralClientConfiguration {

    @Bean
    RingCentralHttp ringCentralHttp(RingCentralHttpProperties timeouts) {
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
