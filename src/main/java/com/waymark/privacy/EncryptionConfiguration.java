package com.waymark.privacy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
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
        Map<String, byte[]> keys = previousKeys(encryption);
        byte[] configured = configuredKey(encryption, env);
        keys.put(encryption.keyId(), configured != null ? configured
                : localKey(Path.of(env.getProperty("waymark.data-dir", "./data")).resolve(KEY_FILE_NAME)));
        return new FieldCipher(encryption.keyId(), keys);
    }

    /**
     * Everything about the keys that can be told from the settings, without writing anything: {@link
     * EncryptionKeyCheck} runs it before the database is opened, so a key that is missing or mistyped stops the start
     * at once, with one clear report. Throws {@link EncryptionKeyException}.
     */
    static void check(EncryptionProperties encryption, Environment env) {
        previousKeys(encryption);
        configuredKey(encryption, env);
    }

    private static Map<String, byte[]> previousKeys(EncryptionProperties encryption) {
        Map<String, byte[]> keys = new LinkedHashMap<>();
        for (String entry : encryption.previousKeys().split(",")) {
            if (entry.isBlank()) {
                continue;
            }
            int eq = entry.indexOf('=');
            // A key pasted without its id has '=' padding: checking the id keeps the key itself out of the report.
            if (eq <= 0 || !FieldCipher.KEY_ID.matcher(entry.substring(0, eq).trim()).matches()) {
                throw new EncryptionKeyException("WAYMARK_ENCRYPTION_PREVIOUS_KEYS (waymark.encryption.previous-keys) "
                        + "is not a list of id=base64 entries.", "Write it as id=base64,id=base64 (for example "
                        + "v1=OLDKEY,v2=NEWERKEY), each key as it was when it was in use.");
            }
            String id = entry.substring(0, eq).trim();
            keys.put(id, decode(entry.substring(eq + 1), "The previous key " + id + " in WAYMARK_ENCRYPTION_PREVIOUS_KEYS"));
        }
        return keys;
    }

    /** The key the settings give, or null where local mode keeps its own in the data folder. */
    private static byte[] configuredKey(EncryptionProperties encryption, Environment env) {
        String key = encryption.key();
        if (!key.isBlank()) {
            return decode(key, "WAYMARK_ENCRYPTION_KEY (waymark.encryption.key)");
        }
        String file = encryption.keyFile();
        if (!file.isBlank()) {
            return readKeyFile(Path.of(file.trim()));
        }
        if (!env.getProperty("waymark.bot.app-id", "").isBlank()) {
            throw new EncryptionKeyException("No encryption key is set. Reflections and actions are stored encrypted, "
                    + "and only local mode (no MicrosoftAppId) may generate a key of its own.",
                    EncryptionKeyException.HOW_TO_SET);
        }
        return null;
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
            throw new EncryptionKeyException("Could not save a generated encryption key as " + file.toAbsolutePath()
                    + " (" + e.getClass().getSimpleName() + ").", "Make the data folder (WAYMARK_DATA_DIR, "
                    + "waymark.data-dir) writable by this user, or set WAYMARK_ENCRYPTION_KEY.", e);
        }
        // One plain line, not a box: boxes break on a narrow terminal and in JSON logs.
        log.warn("No WAYMARK_ENCRYPTION_KEY: local mode generated an encryption key for reflections and actions and "
                + "saved it as {}. Keep that file with the database: without it, what people wrote can never be read "
                + "again. Set WAYMARK_ENCRYPTION_KEY (or WAYMARK_ENCRYPTION_KEY_FILE) for anything but a local trial.",
                file.toAbsolutePath());
        return key;
    }

    private static byte[] readKeyFile(Path file) {
        String text;
        try {
            text = Files.readString(file, StandardCharsets.US_ASCII);
        } catch (NoSuchFileException e) {
            throw new EncryptionKeyException("The encryption key file " + file.toAbsolutePath() + " does not exist.",
                    "Point WAYMARK_ENCRYPTION_KEY_FILE at the file that holds the key, or set WAYMARK_ENCRYPTION_KEY.", e);
        } catch (IOException e) {
            throw new EncryptionKeyException("Could not read the encryption key file " + file.toAbsolutePath() + " ("
                    + e.getClass().getSimpleName() + ").", "Make the file readable by this user.", e);
        }
        return decode(text, "The encryption key file " + file.toAbsolutePath());
    }

    private static byte[] decode(String base64, String what) {
        String action = "Use the key as `openssl rand -base64 32` printed it. Data already written can only be read "
                + "with the key it was written with: to change keys, see docs/security.md.";
        byte[] key;
        try {
            key = Base64.getDecoder().decode(base64.trim());
        } catch (IllegalArgumentException e) {
            throw new EncryptionKeyException(what + " is not valid base64.", action, e);
        }
        if (key.length != 32) {
            throw new EncryptionKeyException(what + " holds " + key.length + " bytes; an encryption key is 32 random "
                    + "bytes (256 bits), in base64.", action);
        }
        return key;
    }
}
