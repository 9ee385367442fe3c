package io.ringbridge.connection;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.util.List;

import org.junit.jupiter.api.Test;

import io.ringbridge.platform.config.StartupRefusedException;
import io.ringbridge.ringcentral.RingCentralApp;

class RingCentralServersTest {

    private static final URI OPERATOR = URI.create("https://platform.ringcentral.com");

    @Test
    void ringCentralsServersTheOperatorsAndTheAllowListAreAllowedAsOrigins() {
        RingCentralServers servers = servers(URI.create("http://localhost:8080/sandbox/ringcentral"),
                List.of(URI.create("https://rc-proxy.example.com/"), URI.create("https://eu.rc.example.com:8443")));

        assertThat(List.of("https://platform.ringcentral.com", "https://platform.devtest.ringcentral.com/",
                "https://Platform.RingCentral.com:443", "http://localhost:8080/sandbox/ringcentral/",
                "https://rc-proxy.example.com", "https://eu.rc.example.com:8443"))
                .allSatisfy(server -> assertThat(servers.allows(URI.create(server))).as(server).isTrue());
        assertThat(List.of("https://169.254.169.254", "http://platform.ringcentral.com", "https://platform.ringcentral.com:444",
                "http://localhost:8080", "http://localhost:8081/sandbox/ringcentral", "https://eu.rc.example.com",
                "https://rc-proxy.example.com/x", "http://rc-proxy.example.com", "mailto:x@example.com"))
                .allSatisfy(server -> assertThat(servers.allows(URI.create(server))).as(server).isFalse());
    }

    @Test
    void theAllowListTakesHttpsOnly() {
        for (String entry : List.of("http://rc.example.com", "ftp://rc.example.com", "https://u:p@rc.example.com")) {
            assertThatThrownBy(() -> servers(OPERATOR, List.of(URI.create(entry)))).as(entry)
                    .isInstanceOf(StartupRefusedException.class)
                    .hasMessage("RINGCENTRAL_ALLOWED_SERVERS must list https:// URLs; not one: " + entry);
        }
    }

    private static RingCentralServers servers(URI operatorServer, List<URI> allowed) {
        RingCentralApp app = new RingCentralApp("id", "secret", operatorServer);
        return new RingCentralServers(new RingCentralProperties("id", "secret", operatorServer, allowed),
                new OperatorRingCentral() {
                    @Override
                    public RingCentralApp app() {
                        return app;
                    }

                    @Override
                    public boolean sandbox() {
                        return false;
                    }
                });
    }
}
