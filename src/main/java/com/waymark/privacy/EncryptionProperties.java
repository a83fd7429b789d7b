package com.waymark.privacy;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Encryption at rest ({@code waymark.encryption.*}, or {@code WAYMARK_ENCRYPTION_*} in the environment).
 *
 * @param key the AES-256 key for what people write (reflections, actions, blockers, follow-up notes, theme examples):
 *            32 random bytes, base64 ({@code openssl rand -base64 32}); required with Bot Framework credentials, and
 *            generated into the data folder in local mode
 * @param keyFile a file holding the key instead, e.g. a mounted secret
 * @param keyId the id new values are written under; raise it when rotating the key
 * @param previousKeys keys from before a rotation, still read, as {@code id=base64,id=base64}
 * @param reencrypt at start, rewrite every stored value not under the current key (once, on one instance, after a
 *                  rotation)
 */
@ConfigurationProperties("waymark.encryption")
public record EncryptionProperties(String key, String keyFile, @DefaultValue("v1") String keyId,
                                   String previousKeys, boolean reencrypt) {

    public EncryptionProperties {
        key = key == null ? "" : key;
        keyFile = keyFile == null ? "" : keyFile;
        keyId = keyId == null || keyId.isBlank() ? "v1" : keyId.trim();
        previousKeys = previousKeys == null ? "" : previousKeys;
    }
}
