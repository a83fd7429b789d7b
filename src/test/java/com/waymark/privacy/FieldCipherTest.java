package com.waymark.privacy;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class FieldCipherTest {

    static final byte[] ONE = "0123456789abcdef0123456789abcdef".getBytes(StandardCharsets.US_ASCII);
    static final byte[] TWO = "fedcba9876543210fedcba9876543210".getBytes(StandardCharsets.US_ASCII);

    final FieldCipher v1 = new FieldCipher("v1", Map.of("v1", ONE));

    @Test
    void roundTripsAnyTextUnderTheKeyIdWithAFreshIvEachTime() {
        String text = "Quietly rehearsed the board conversation — «ça va», 😀, \u0000 and all";
        String a = v1.encrypt(text);
        String b = v1.encrypt(text);
        assertThat(a).startsWith("v1:").doesNotContain("board").isNotEqualTo(b);
        assertThat(v1.decrypt(a)).isEqualTo(text);
        assertThat(v1.decrypt(b)).isEqualTo(text);
        assertThat(Base64.getDecoder().decode(a.substring(3))).hasSize(12 + text.getBytes(StandardCharsets.UTF_8).length + 16);
        assertThat(v1.encrypt(null)).isNull();
        assertThat(v1.decrypt(null)).isNull();
        assertThat(v1.decrypt(v1.encrypt(""))).isEmpty();
    }

    @Test
    void sealsBytesUnderTheKeyIdAndOpensThemWithAnyConfiguredKey() {
        byte[] plain = new byte[3072];
        new java.util.Random(7).nextBytes(plain);
        byte[] sealed = v1.seal(plain);
        assertThat(new String(sealed, 0, 3, StandardCharsets.US_ASCII)).isEqualTo("v1:");
        assertThat(sealed).hasSize(3 + 12 + plain.length + 16).isNotEqualTo(v1.seal(plain));
        assertThat(v1.open(sealed)).isEqualTo(plain);
        assertThat(v1.isCurrent(sealed)).isTrue();

        FieldCipher rotated = new FieldCipher("v2", Map.of("v2", TWO, "v1", ONE));
        assertThat(rotated.isCurrent(sealed)).isFalse();
        assertThat(rotated.open(sealed)).isEqualTo(plain);
        assertThatThrownBy(() -> new FieldCipher("v2", Map.of("v2", TWO)).open(sealed))
                .isInstanceOf(FieldCipher.UnreadableValue.class).hasMessageContaining("key 'v1', which is not configured");
        sealed[40] ^= 1;
        assertThatThrownBy(() -> v1.open(sealed)).isInstanceOf(FieldCipher.UnreadableValue.class);
        assertThatThrownBy(() -> v1.open(new byte[] {1, 2, 3})).hasMessageContaining("not in the encrypted form");
    }

    @Test
    void theWorstCaseFitsTheColumns() {
        // 4000 characters of three UTF-8 bytes each (the most per UTF-16 unit) in VARCHAR(16384); 500 in 4096.
        assertThat(v1.encrypt("€".repeat(4000))).hasSizeLessThanOrEqualTo(16384);
        assertThat(v1.encrypt("€".repeat(500))).hasSizeLessThanOrEqualTo(4096);
    }

    @Test
    void aWrongKeyFailsClearly() {
        String stored = v1.encrypt("private");
        FieldCipher wrong = new FieldCipher("v1", Map.of("v1", TWO));
        assertThatThrownBy(() -> wrong.decrypt(stored)).isInstanceOf(FieldCipher.UnreadableValue.class)
                .hasMessageContaining("could not be decrypted with key 'v1'")
                .hasMessageContaining("WAYMARK_ENCRYPTION_KEY")
                .hasMessageNotContaining("private");
    }

    @Test
    void aMissingKeyTamperingAndPlaintextFailClearly() {
        String stored = v1.encrypt("private");
        FieldCipher rotated = new FieldCipher("v2", Map.of("v2", TWO));
        assertThatThrownBy(() -> rotated.decrypt(stored)).hasMessageContaining("key 'v1', which is not configured");
        char[] chars = stored.toCharArray();
        chars[10] = chars[10] == 'A' ? 'B' : 'A';
        assertThatThrownBy(() -> v1.decrypt(new String(chars))).isInstanceOf(FieldCipher.UnreadableValue.class);
        assertThatThrownBy(() -> v1.decrypt("just some words")).hasMessageContaining("not in the encrypted form");
        assertThatThrownBy(() -> v1.decrypt("v1:%%%")).hasMessageContaining("not valid base64");
        assertThatThrownBy(() -> v1.decrypt("v1:AAAA")).hasMessageContaining("too short");
    }

    @Test
    void rotationReadsOldValuesAndWritesNewOnes() {
        String old = v1.encrypt("before the rotation");
        FieldCipher rotated = new FieldCipher("v2", Map.of("v1", ONE, "v2", TWO));
        assertThat(rotated.decrypt(old)).isEqualTo("before the rotation");
        assertThat(rotated.isCurrent(old)).isFalse();
        String fresh = rotated.encrypt("after");
        assertThat(fresh).startsWith("v2:");
        assertThat(rotated.isCurrent(fresh)).isTrue();
    }

    @Test
    void badKeysAreRefusedAtStart() {
        assertThatThrownBy(() -> new FieldCipher("v1", Map.of("v1", new byte[16]))).hasMessageContaining("32 bytes");
        assertThatThrownBy(() -> new FieldCipher("V 1", Map.of("V 1", ONE))).hasMessageContaining("key id");
        assertThatThrownBy(() -> new FieldCipher("v2", Map.of("v1", ONE))).hasMessageContaining("current key id");
    }
}
