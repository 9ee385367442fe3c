package io.ringbridge.platform.ids;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;

/** Each kind's format (docs/API.md "Conventions"); message ids led by the clock so new rows share index pages. */
class IdKindTest {

    @Test
    void everyKindMakesValuesOfItsOwnFormat() {
        assertThat(IdKind.TENANT.next()).matches("tenant_[0-9a-f]{16}");
        assertThat(IdKind.APP.next()).matches("app_[0-9a-f]{16}");
        assertThat(IdKind.MESSAGE.next()).matches("msg_[0-9a-f]{12}");
        assertThat(IdKind.API_KEY.next()).matches("sgw_[0-9a-f]{32}");
        assertThat(IdKind.WEBHOOK_SECRET.next()).matches("whsec_[0-9a-f]{64}");
        assertThat(IdKind.WEBSOCKET_TOKEN.next()).matches("wst_[0-9a-f]{64}");
        for (IdKind kind : IdKind.values()) {
            assertThat(kind.matches(kind.next())).as("%s", kind).isTrue();
        }
        assertThat(IdKind.MESSAGE.matches("msg_0123456789AB")).isFalse();
        assertThat(IdKind.MESSAGE.matches("msg_0123456789a")).isFalse();
        assertThat(IdKind.MESSAGE.matches(null)).isFalse();
    }

    @Test
    void messageIdsOfOneSecondShareTheirClockDigitsAndDifferInTheRest() {
        long before = System.currentTimeMillis() / 1000;
        List<String> ids = IntStream.range(0, 1_000).mapToObj(i -> IdKind.MESSAGE.next()).toList();
        long after = System.currentTimeMillis() / 1000;

        Set<String> clocks = new HashSet<>();
        for (long second = before; second <= after; second++) {
            clocks.add(String.format("%03x", second & 0xFFF));
        }
        assertThat(ids).allSatisfy(id -> assertThat(clocks).contains(id.substring(4, 7)));
        assertThat(new HashSet<>(ids)).hasSize(ids.size());
        // The 36 bits after the clock are random: each of their hex digits takes every value.
        for (int digit = 7; digit < 16; digit++) {
            int at = digit;
            assertThat(ids.stream().map(id -> id.charAt(at)).distinct().count()).as("digit %d", at).isEqualTo(16);
        }
    }
}
