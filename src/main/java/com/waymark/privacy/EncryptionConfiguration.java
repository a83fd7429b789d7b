package com.waymark.privacy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

/**
 * Where the encryption key comes from, in this order:
 * <ol>
 * <li>{@code waymark.encryption.key} ({@code WAYMARK_ENCRYPTION_KEY}): 32 random bytes, base64;</li>
 * <li>{@code waymark.encryption.key-file} ({@code WAYMARK_ENCRYPTION_KEY_FILE}): a file holding the same, e.g. a
 * mounted secret;</li>
 * <li>in local mode only (no Bot Framework app id), {@code <data dir>/encryption.key}, generated on first start with
 * a loud warning. Anywhere else, a missing key stops the start: data must never be written under a key nobody
 * keeps.</li>
 * </ol>
 * The key's id is {@code waymark.encryption.key-id} ({@code v1}); keys from before a rotation are listed in
 * {@code waymark.encryption.previous-keys} as {@code id=base64,id=base64}.
 */
@Configuration
@EnableConfigurationProperties(EncryptionProperties.class)
class EncryptionConfiguration {

    private static final Logger log = LoggerFactory.getLogger(EncryptionConfiguration.class);
    static final String KEY_FILE_NAME = "encryption.key";

    @Bean
    FieldCipher fieldCipher(EncryptionProperties encryption, Environment env) {
        String id = encryption.keyId();
        Map<String, byte[]> keys = new LinkedHashMap<>();
        for (String entry : encryption.previousKeys().split(",")) {
            if (entry.isBlank()) {
                continue;
            }
            int eq = entry.indexOf('=');
            if (eq <= 0) {
                throw new IllegalStateException("waymark.encryption.previous-keys is a list of id=base64 entries");
            }
            keys.put(entry.substring(0, eq).trim(), decode(entry.substring(eq + 1), "previous key " + entry.substring(0, eq)));
        }
        keys.put(id, currentKey(encryption, env));
        return new FieldCipher(id, keys);
    }

    private static byte[] currentKey(EncryptionProperties encryption, Environment env) {
        String key = encryption.key();
        if (!key.isBlank()) {
            return decode(key, "waymark.encryption.key");
        }
        String file = encryption.keyFile();
        if (!file.isBlank()) {
            return readKeyFile(Path.of(file.trim()));
        }
        if (!env.getProperty("waymark.bot.app-id", "").isBlank()) {
            throw new IllegalStateException("No encryption key: set WAYMARK_ENCRYPTION_KEY (32 random bytes, base64, e.g. "
                    + "`openssl rand -base64 32`) or WAYMARK_ENCRYPTION_KEY_FILE. Reflections and actions are stored "
                    + "encrypted, and only local mode may generate its own key.");
        }
        return localKey(Path.of(env.getProperty("waymark.data-dir", "./data")).resolve(KEY_FILE_NAME));
    }

    private static byte[] localKey(Path file) {
        if (Files.exists(file)) {
            return readKeyFile(file);
        }
        byte[] key = new byte[32];
        new SecureRandom().nextBytes(key);
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            Files.writeString(file, Base64.getEncoder().encodeToString(key) + "\n", StandardCharsets.US_ASCII,
                    java.nio.file.StandardOpenOption.CREATE_NEW);
            try {
                Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
            } catch (UnsupportedOperationException notPosix) {
                // Windows: the data folder's own permissions apply
            }
        } catch (FileAlreadyExistsException raced) {
            return readKeyFile(file);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not write the local encryption key to " + file, e);
        }
        log.warn("""

                ****************************************************************************
                *  No WAYMARK_ENCRYPTION_KEY: LOCAL MODE generated an encryption key for   *
                *  reflections and actions and saved it beside the database:               *
                *  {}
                *  Lose that file and what people wrote can never be read again. Set       *
                *  WAYMARK_ENCRYPTION_KEY (or _KEY_FILE) for anything but a local trial.  *
                ****************************************************************************""",
                file.toAbsolutePath());
        return key;
    }

    private static byte[] readKeyFile(Path file) {
        try {
            return decode(Files.readString(file, StandardCharsets.US_ASCII), "the key file " + file);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not read the encryption key file " + file, e);
        }
    }

    private static byte[] decode(String base64, String what) {
        try {
            byte[] key = Base64.getDecoder().decode(base64.trim());
            if (key.length != 32) {
                throw new IllegalStateException(what + " must be 32 bytes (256 bits), base64 encoded; it is "
                        + key.length + " bytes");
            }
            return key;
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException(what + " is not valid base64", e);
        }
    }
}
