package io.ringbridge.platform.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Base64;

import org.junit.jupiter.api.Test;

import io.ringbridge.platform.config.StartupRefusedException;

class SecretBoxTest {

    static String key(int fill) {
        byte[] bytes = new byte[32];
        java.util.Arrays.fill(bytes, (byte) fill);
        return Base64.getEncoder().encodeToString(bytes);
    }

    SecretBox box = new SecretBox(EncryptionKeys.parse("k1:" + key(1)));

    @Test
    void sealsAndOpensInTheSameContext() {
        String sealed = box.seal("whsec_secret", "app:a:webhook_secret");

        assertThat(sealed).startsWith("v1:k1:").doesNotContain("whsec_secret");
        assertThat(box.open(sealed, "app:a:webhook_secret")).isEqualTo("whsec_secret");
    }

    @Test
    void everySealUsesAFreshIv() {
        assertThat(box.seal("same", "c")).isNotEqualTo(box.seal("same", "c"));
    }

    @Test
    void aCiphertextMovedToAnotherRowDoesNotOpen() {
        String sealed = box.seal("secret", "app:a:webhook_secret");

        assertThatThrownBy(() -> box.open(sealed, "app:b:webhook_secret"))
                .isInstanceOf(SealedSecretException.class).hasMessageNotContaining("secret\"");
    }

    @Test
    void aTamperedCiphertextDoesNotOpen() {
        String sealed = box.seal("secret", "c");
        byte[] data = Base64.getDecoder().decode(sealed.substring("v1:k1:".length()));
        data[data.length - 1] ^= 1;
        String tampered = "v1:k1:" + Base64.getEncoder().encodeToString(data);

        assertThatThrownBy(() -> box.open(tampered, "c")).isInstanceOf(SealedSecretException.class);
    }

    @Test
    void aNewPrimaryKeySealsWhileOldKeysStillOpen() {
        String old = box.seal("secret", "c");
        SecretBox rotated = new SecretBox(EncryptionKeys.parse("k2:" + key(2) + ",k1:" + key(1)));

        assertThat(rotated.open(old, "c")).isEqualTo("secret");
        assertThat(old).doesNotStartWith(rotated.currentPrefix());
        String resealed = rotated.seal("secret", "c");
        assertThat(resealed).startsWith("v1:k2:");
        assertThat(resealed).startsWith(rotated.currentPrefix());
    }

    @Test
    void aRemovedKeyIsNamedWhenItIsNeeded() {
        String old = box.seal("secret", "c");
        SecretBox withoutK1 = new SecretBox(EncryptionKeys.parse("k2:" + key(2)));

        assertThatThrownBy(() -> withoutK1.open(old, "c")).hasMessageContaining("'k1'");
    }

    @Test
    void malformedKeyListsAreRefused() {
        assertThatThrownBy(() -> EncryptionKeys.parse("nokey")).isInstanceOf(StartupRefusedException.class);
        assertThatThrownBy(() -> EncryptionKeys.parse("k1:!!!")).hasMessageContaining("base64");
        assertThatThrownBy(() -> EncryptionKeys.parse("k1:" + key(1) + ",k1:" + key(2))).hasMessageContaining("twice");
        assertThatThrownBy(() -> EncryptionKeys.parse("k 1:" + key(1))).isInstanceOf(StartupRefusedException.class);
    }
}
