package io.ringbridge.pacing;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import io.ringbridge.platform.db.SoftStateDatabase;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(PacingProperties.class)
class PacingConfiguration {

    /**
     * In memory on the single-instance H2 setup; in PostgreSQL (on the asynchronously committing soft-state pool)
     * when instances share a database.
     */
    @Bean
    PacingStore pacingStore(SoftStateDatabase softState, PacingProperties properties) {
        long marginMs = properties.margin().toMillis();
        return softState.shared()
                .<PacingStore>map(shared -> new SharedPacingStore(shared, new WindowJson(marginMs)))
                .orElseGet(() -> new LocalPacingStore(marginMs));
    }
}
