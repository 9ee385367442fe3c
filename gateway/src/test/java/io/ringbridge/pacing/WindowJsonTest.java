package io.ringbridge.pacing;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The shared store's JSON keeps everything a window knows. */
class WindowJsonTest {

    static final long WINDOW = 10_000;
    static final int LIMIT = 40;

    WindowJson json = new WindowJson(0);

    @Test
    void aWindowReadBackKeepsEveryKindOfEntry() {
        PacingWindow window = PacingWindow.fresh(40, 0);
        window.reserve(0, 1);
        window.observe(0, 10, LIMIT, WINDOW, LIMIT - 11); // 10 others' requests besides ours
        window.reserve(20, 2);
        window.block(30, 1_000);

        String stored = json.write(window);
        PacingWindow copy = json.read(stored);

        assertThat(copy.state()).isEqualTo(window.state());
        assertThat(copy.state().answered()).containsExactly(10L);
        assertThat(copy.state().pending()).containsExactly(20L, 20L);
        assertThat(copy.state().foreign()).hasSize(10);
        assertThat(copy.state().penalties()).isEqualTo(1);
        assertThat(json.write(copy)).isEqualTo(stored);
        long after = 30 + 1_000 + 1;
        assertThat(copy.nextSlot(after)).isEqualTo(window.nextSlot(after));
    }

    @Test
    void theStoredFormIsNamedJson() {
        String stored = json.write(PacingWindow.fresh(40, 0));

        assertThat(stored).isEqualTo("{\"limit\":40,\"windowMs\":60000,\"blockedUntil\":0,\"penalties\":0,"
                + "\"answered\":[],\"pending\":[],\"foreign\":[],\"reportedAt\":0}");
    }
}
