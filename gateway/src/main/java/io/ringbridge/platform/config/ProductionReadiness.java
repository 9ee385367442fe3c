package io.ringbridge.platform.config;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;

import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.core.env.ConfigurableEnvironment;

/**
 * Refuses a production start, before any bean exists, when the deployment lacks what it cannot run
 * safely without. Every problem is named in one line so an operator fixes them in one go.
 */
public class ProductionReadiness implements EnvironmentPostProcessor {

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        Binder binder = Binder.get(environment);
        // The RingCentral settings belong to the connection module; read as plain values, as platform depends on none.
        RingCentralSettings ringCentral = new RingCentralSettings(
                binder.bind("ringcentral.client-id", String.class).orElse(null),
                binder.bind("ringcentral.client-secret", String.class).orElse(null),
                binder.bind("ringcentral.server", String.class).orElse(null));
        binder.bind("ringbridge", RingBridgeProperties.class).ifBound(properties -> check(properties, ringCentral));
    }

    /** The operator's RingCentral app as configured; without it a gateway would fall back to the sandbox. */
    record RingCentralSettings(String clientId, String clientSecret, String server) {
    }

    static void check(RingBridgeProperties properties, RingCentralSettings ringCentral) {
        if (!properties.production()) {
            return;
        }
        List<String> missing = new ArrayList<>();
        if (isBlank(ringCentral.clientId())) {
            missing.add("RINGCENTRAL_CLIENT_ID (production never runs the sandbox)");
        }
        if (isBlank(ringCentral.clientSecret())) {
            missing.add("RINGCENTRAL_CLIENT_SECRET");
        }
        if (ringCentral.server() != null && !isHttpsUrl(ringCentral.server())) {
            missing.add("RINGCENTRAL_SERVER (an https:// URL)");
        }
        if (isBlank(properties.encryptionKeys())) {
            missing.add("RINGBRIDGE_ENCRYPTION_KEYS (kid:base64-32-bytes,...)");
        }
        if (isBlank(properties.adminKey())) {
            missing.add("RINGBRIDGE_ADMIN_KEY (sgw_ + 32 hex)");
        }
        if (!isHttpsUrl(properties.publicUrl())) {
            missing.add("RINGBRIDGE_PUBLIC_URL (an https:// URL)");
        }
        if (!missing.isEmpty()) {
            throw new StartupRefusedException(
                    "RINGBRIDGE_MODE=production refuses to start; missing: " + String.join(", ", missing));
        }
    }

    private static boolean isBlank(String value) {
        return value == null || value.isBlank();
    }

    private static boolean isHttpsUrl(String url) {
        if (isBlank(url)) {
            return false;
        }
        try {
            URI uri = URI.create(url);
            return "https".equalsIgnoreCase(uri.getScheme()) && uri.getHost() != null;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }
}
