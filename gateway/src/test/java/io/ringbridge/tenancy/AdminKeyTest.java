package io.ringbridge.tenancy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

import io.ringbridge.platform.config.Mode;
import io.ringbridge.platform.config.RingBridgeProperties;
import io.ringbridge.platform.config.StartupRefusedException;

class AdminKeyTest {

    private static final String KEY = "sgw_0123456789abcdef0123456789abcdef";
    private static final String OTHER_KEY = "sgw_ffffffffffffffffffffffffffffffff";

    @Test
    void configuredKeyMatchesItsOwnHashOnly() {
        AdminKey admin = new AdminKey(withAdminKey(KEY));

        assertThat(admin.matches(ApiKeys.hash(KEY))).isTrue();
        assertThat(admin.matches(ApiKeys.hash(OTHER_KEY))).isFalse();
        assertThat(admin.matches("")).isFalse();
    }

    @Test
    void blanksAroundTheConfiguredKeyAreIgnored() {
        AdminKey admin = new AdminKey(withAdminKey("  " + KEY + "\n"));

        assertThat(admin.matches(ApiKeys.hash(KEY))).isTrue();
    }

    @Test
    void withoutAnAdminKeyNothingIsTheAdmin() {
        for (String none : new String[] {null, "", "   "}) {
            AdminKey admin = new AdminKey(withAdminKey(none));

            assertThat(admin.matches(ApiKeys.hash(KEY))).isFalse();
            assertThat(admin.matches(ApiKeys.hash(""))).isFalse();
        }
    }

    @Test
    void malformedKeyRefusesTheStart() {
        assertThatThrownBy(() -> new AdminKey(withAdminKey("letmein")))
                .isInstanceOf(StartupRefusedException.class)
                .hasMessageContaining("RINGBRIDGE_ADMIN_KEY")
                .hasMessageNotContaining("letmein");
        assertThatThrownBy(() -> new AdminKey(withAdminKey(KEY.toUpperCase()))).isInstanceOf(StartupRefusedException.class);
    }

    private static RingBridgeProperties withAdminKey(String adminKey) {
        return new RingBridgeProperties(Mode.DEVELOPMENT, null, adminKey, null, null, null, null, null);
    }
}
