package io.ringbridge.connection;

import java.net.URI;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import org.springframework.stereotype.Component;

import io.ringbridge.platform.config.StartupRefusedException;

/**
 * The servers a tenant's own RingCentral app may live on: RingCentral's API servers, the operator's own server (in
 * sandbox mode the built-in simulator) and those the operator allows. The gateway sends a tenant's people to that
 * server's sign-in page and posts the app's credentials to it, so a server of the tenant's choosing would be a
 * phishing page on the gateway's domain and a way to make it call any address.
 */
@Component
class RingCentralServers {

    /** RingCentral's production and developer-sandbox API servers. */
    static final List<URI> RINGCENTRAL = List.of(URI.create("https://platform.ringcentral.com"),
            URI.create("https://platform.devtest.ringcentral.com"));

    private final Set<String> allowed = new HashSet<>();
    private final OperatorRingCentral operator;

    RingCentralServers(RingCentralProperties properties, OperatorRingCentral operator) {
        this.operator = operator;
        RINGCENTRAL.forEach(server -> allowed.add(key(server)));
        for (URI server : properties.allowedServers()) {
            if (!"https".equalsIgnoreCase(server.getScheme()) || server.getHost() == null
                    || server.getRawUserInfo() != null || server.getRawQuery() != null) {
                throw new StartupRefusedException("RINGCENTRAL_ALLOWED_SERVERS must list https:// URLs; not one: " + server);
            }
            allowed.add(key(server));
        }
    }

    boolean allows(URI server) {
        // The operator's server is asked each time: the sandbox's is only known once the web server has its port.
        return server.getHost() != null
                && (allowed.contains(key(server)) || key(server).equals(key(operator.app().server())));
    }

    /** Scheme, host and port as a browser compares origins, and the path (the simulator is mounted under one). */
    private static String key(URI server) {
        String scheme = server.getScheme() == null ? "" : server.getScheme().toLowerCase(Locale.ROOT);
        int port = server.getPort() != -1 ? server.getPort() : "https".equals(scheme) ? 443 : 80;
        String path = server.getRawPath() == null ? "" : server.getRawPath().replaceAll("/+$", "");
        String host = server.getHost() == null ? "" : server.getHost().toLowerCase(Locale.ROOT);
        return scheme + "://" + host + ":" + port + path;
    }
}
