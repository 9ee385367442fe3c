/**
 * Secrets at rest: {@code SecretBox} seals them with AES-256-GCM bound to their row, {@code EncryptionKeys}
 * holds the keys, and each module's {@code SealedColumns} lets the key-rotation job re-seal its tables.
 */
@NamedInterface("crypto")
package io.ringbridge.platform.crypto;

import org.springframework.modulith.NamedInterface;
