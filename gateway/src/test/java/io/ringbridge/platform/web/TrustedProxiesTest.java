package io.ringbridge.platform.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

import org.junit.jupiter.api.Test;

import io.ringbridge.platform.config.StartupRefusedException;

class TrustedProxiesTest {

    private final TrustedProxies proxies = TrustedProxies.of(List.of("127.0.0.1", "10.0.0.0/8", " 2001:db8::/32 "));

    @Test
    void addressesAndRangesOfBothFamilies() {
        assertThat(proxies.trusts("127.0.0.1")).isTrue();
        assertThat(proxies.trusts("127.0.0.2")).isFalse();
        assertThat(proxies.trusts("10.255.3.4")).isTrue();
        assertThat(proxies.trusts("11.0.0.1")).isFalse();
        assertThat(proxies.trusts("2001:db8:0:0:0:0:0:7")).isTrue();
        assertThat(proxies.trusts("2001:db9::7")).isFalse();
        assertThat(TrustedProxies.of(List.of("192.168.4.0/22")).trusts("192.168.7.255")).isTrue();
        assertThat(TrustedProxies.of(List.of("192.168.4.0/22")).trusts("192.168.8.0")).isFalse();
    }

    @Test
    void nothingIsTrustedByDefault() {
        TrustedProxies none = TrustedProxies.of(null);

        assertThat(none.isEmpty()).isTrue();
        assertThat(none.trusts("127.0.0.1")).isFalse();
        assertThat(none.client("127.0.0.1", List.of("198.51.100.7"))).isEqualTo("127.0.0.1");
    }

    @Test
    void aConnectionFromAnUntrustedAddressIsTheClientWhateverItForwards() {
        assertThat(proxies.client("203.0.113.9", List.of("198.51.100.7"))).isEqualTo("203.0.113.9");
    }

    @Test
    void theClientIsTheRightMostAddressThatIsNotATrustedProxy() {
        // The client wrote 198.51.100.7 itself; the proxy appended the address it really connected from.
        assertThat(proxies.client("127.0.0.1", List.of("198.51.100.7", "203.0.113.9"))).isEqualTo("203.0.113.9");
        // Two trusted proxies in a row are stepped over.
        assertThat(proxies.client("127.0.0.1", List.of("198.51.100.7", "203.0.113.9", "10.1.2.3")))
                .isEqualTo("203.0.113.9");
        assertThat(proxies.client("127.0.0.1", List.of())).isEqualTo("127.0.0.1");
        assertThat(proxies.client("127.0.0.1", List.of("10.1.2.3"))).isEqualTo("10.1.2.3");
    }

    @Test
    void anEntryThatIsNotAnAddressEndsTheWalkAtTheLastKnownHop() {
        assertThat(proxies.client("127.0.0.1", List.of("evil", "10.1.2.3"))).isEqualTo("10.1.2.3");
        assertThat(proxies.client("127.0.0.1", List.of("localhost"))).isEqualTo("127.0.0.1");
    }

    @Test
    void namesAreNeverLookedUp() {
        assertThat(TrustedProxies.literal("localhost")).isEmpty();
        assertThat(TrustedProxies.literal("example.com")).isEmpty();
        assertThat(TrustedProxies.literal("1.2.3")).isEmpty();
        assertThat(TrustedProxies.literal("999.1.1.1")).isEmpty();
        assertThat(TrustedProxies.literal("dead:beef:::")).isEmpty();
        assertThat(TrustedProxies.literal("::1")).isPresent();
    }

    @Test
    void anEntryThatIsNeitherAnAddressNorARangeRefusesTheStart() {
        for (String bad : List.of("proxy.internal", "10.0.0.0/33", "10.0.0.0/x", "::1/129")) {
            assertThatThrownBy(() -> TrustedProxies.of(List.of(bad)))
                    .isInstanceOf(StartupRefusedException.class)
                    .hasMessageContaining("RINGBRIDGE_TRUSTED_PROXIES")
                    .hasMessageContaining(bad);
        }
    }
}
