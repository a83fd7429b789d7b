package com.waymark.privacy;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;

import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * Encrypts free text people wrote (reflections, actions) for storage: AES-256-GCM, a random 96-bit IV per value,
 * stored as {@code <key id>:base64(iv || ciphertext || tag)}, e.g. {@code v1:3q2+7w…}. The key id names the key a
 * value was written with, so keys can be rotated: new values use the current key, older ones are read with the
 * previous keys until they are re-encrypted ({@code waymark.encryption.reencrypt}).
 */
public final class FieldCipher {

    /** A stored value that cannot be read: wrong key, missing key, or not an encrypted value at all. */
    public static final class UnreadableValue extends IllegalStateException {
        UnreadableValue(String message, Throwable cause) {
            super(message, cause);
        }
    }

    static final Pattern KEY_ID = Pattern.compile("[a-z0-9]{1,16}");
    private static final int IV_BYTES = 12;
    private static final int TAG_BITS = 128;
    private static final SecureRandom RANDOM = new SecureRandom();

    private final String currentId;
    private final Map<String, SecretKey> keys;

    /**
     * @param currentId the id new values are written under; it must be in {@code keys}
     * @param keys every key that may have written a stored value, by id; each 32 bytes (AES-256)
     */
    public FieldCipher(String currentId, Map<String, byte[]> keys) {
        Map<String, SecretKey> checked = new LinkedHashMap<>();
        keys.forEach((id, key) -> {
            if (!KEY_ID.matcher(id).matches()) {
                throw new IllegalArgumentException("An encryption key id is 1 to 16 lower-case letters or digits, not '"
                        + id + "'");
            }
            if (key == null || key.length != 32) {
                throw new IllegalArgumentException("Encryption key '" + id + "' must be 32 bytes (256 bits), base64 "
                        + "encoded; it is " + (key == null ? 0 : key.length) + " bytes");
            }
            checked.put(id, new SecretKeySpec(key.clone(), "AES"));
        });
        if (!checked.containsKey(currentId)) {
            throw new IllegalArgumentException("No key is configured for the current key id '" + currentId + "'");
        }
        this.currentId = currentId;
        this.keys = Map.copyOf(checked);
    }

    /**
     * A cipher for another purpose under keys derived from these (HMAC-SHA256 of the purpose, one per key id), so
     * that the same secret never encrypts two kinds of thing and rotation carries over: what the derived cipher
     * sealed under a previous key still opens while that key is configured.
     */
    public FieldCipher derive(String purpose) {
        Map<String, byte[]> derived = new LinkedHashMap<>();
        keys.forEach((id, key) -> {
            try {
                javax.crypto.Mac mac = javax.crypto.Mac.getInstance("HmacSHA256");
                mac.init(new SecretKeySpec(key.getEncoded(), "HmacSHA256"));
                derived.put(id, mac.doFinal(purpose.getBytes(StandardCharsets.UTF_8)));
            } catch (GeneralSecurityException e) {
                throw new IllegalStateException("HmacSHA256 is not available in this Java runtime", e);
            }
        });
        return new FieldCipher(currentId, derived);
    }

    public String currentKeyId() {
        return currentId;
    }

    /** Null stays null: an absent reflection is not a secret. */
    public String encrypt(String plaintext) {
        if (plaintext == null) {
            return null;
        }
        return currentId + ":" + Base64.getEncoder().encodeToString(sealWith(plaintext.getBytes(StandardCharsets.UTF_8)));
    }

    public String decrypt(String stored) {
        if (stored == null) {
            return null;
        }
        int colon = stored.indexOf(':');
        String id = keyId(colon > 0 ? stored.substring(0, colon) : null);
        byte[] sealed;
        try {
            sealed = Base64.getDecoder().decode(stored.substring(colon + 1));
        } catch (IllegalArgumentException e) {
            throw new UnreadableValue("A stored value under key '" + id + "' is not valid base64", e);
        }
        return new String(openWith(id, sealed, 0), StandardCharsets.UTF_8);
    }

    /**
     * The binary form, for a {@code BYTEA} column: {@code <key id>:} in ASCII, then IV, ciphertext and tag, without
     * base64's third more bytes. For derived data such as sentence embeddings, which give away meaning as text does.
     */
    public byte[] seal(byte[] plaintext) {
        byte[] id = currentId.getBytes(StandardCharsets.US_ASCII);
        byte[] sealed = sealWith(plaintext);
        return ByteBuffer.allocate(id.length + 1 + sealed.length).put(id).put((byte) ':').put(sealed).array();
    }

    /** Reads what {@link #seal(byte[])} wrote, under whichever configured key wrote it. */
    public byte[] open(byte[] stored) {
        int colon = -1;
        for (int i = 0; i < Math.min(stored.length, 17); i++) {
            if (stored[i] == ':') {
                colon = i;
                break;
            }
        }
        String id = keyId(colon > 0 ? new String(stored, 0, colon, StandardCharsets.US_ASCII) : null);
        return openWith(id, stored, colon + 1);
    }

    /** True when the binary value was written under the current key. */
    public boolean isCurrent(byte[] stored) {
        byte[] prefix = (currentId + ":").getBytes(StandardCharsets.US_ASCII);
        return stored == null || (stored.length >= prefix.length
                && Arrays.equals(stored, 0, prefix.length, prefix, 0, prefix.length));
    }

    private static String keyId(String id) {
        if (id == null || !KEY_ID.matcher(id).matches()) {
            throw new UnreadableValue("A stored value is not in the encrypted form 'key id:base64'", null);
        }
        return id;
    }

    /** IV, ciphertext and tag, under the current key with a fresh random IV. */
    private byte[] sealWith(byte[] plaintext) {
        byte[] iv = new byte[IV_BYTES];
        RANDOM.nextBytes(iv);
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, keys.get(currentId), new GCMParameterSpec(TAG_BITS, iv));
            byte[] sealed = cipher.doFinal(plaintext);
            return ByteBuffer.allocate(iv.length + sealed.length).put(iv).put(sealed).array();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM is not available in this Java runtime", e);
        }
    }

    /** Opens IV, ciphertext and tag found in {@code sealed} from {@code offset} on, written under key {@code id}. */
    private byte[] openWith(String id, byte[] sealed, int offset) {
        SecretKey key = keys.get(id);
        if (key == null) {
            throw new UnreadableValue("A stored value was encrypted with key '" + id + "', which is not configured: "
                    + "add it to waymark.encryption.previous-keys (WAYMARK_ENCRYPTION_PREVIOUS_KEYS)", null);
        }
        int length = sealed.length - offset;
        if (length < IV_BYTES + TAG_BITS / 8) {
            throw new UnreadableValue("A stored value under key '" + id + "' is too short to be encrypted", null);
        }
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, sealed, offset, IV_BYTES));
            return cipher.doFinal(sealed, offset + IV_BYTES, length - IV_BYTES);
        } catch (AEADBadTagException e) {
            throw new UnreadableValue("A stored value could not be decrypted with key '" + id + "': the configured key "
                    + "is not the one it was written with (check WAYMARK_ENCRYPTION_KEY), or the value was altered", e);
        } catch (GeneralSecurityException e) {
            throw new UnreadableValue("A stored value under key '" + id + "' could not be decrypted", e);
        }
    }

    /** True when {@code stored} was written under the current key (so re-encryption can skip it). */
    public boolean isCurrent(String stored) {
        return stored == null || stored.startsWith(currentId + ":");
    }
}
