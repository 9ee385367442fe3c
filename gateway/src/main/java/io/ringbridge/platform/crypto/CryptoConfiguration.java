package io.ringbridge.platform.crypto;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import io.ringbridge.platform.config.RingBridgeProperties;

@Configuration(proxyBeanMethods = false)
class CryptoConfiguration {

    private static final Logger log = LoggerFactory.getLogger(CryptoConfiguration.class);

    @Bean
    EncryptionKeys encryptionKeys(RingBridgeProperties properties) {
        String spec = properties.encryptionKeys();
        if (spec == null || spec.isBlank()) {
            // Production never gets here: ProductionReadiness refuses to start without keys.
            log.warn("RINGBRIDGE_ENCRYPTION_KEYS is not set: using the development key kept in {}",
                    properties.dataDir().toAbsolutePath().normalize());
            spec = DevelopmentKeyFile.loadOrCreate(properties.dataDir());
        }
        EncryptionKeys keys = EncryptionKeys.parse(spec);
        log.info("Secrets are sealed with key '{}'", keys.primary().id());
        return keys;
    }

    @Bean
    SecretBox secretBox(EncryptionKeys keys) {
        return new SecretBox(keys);
    }
}
