package com.waymark.teams;

import java.security.SecureRandom;
import java.util.Map;

import com.waymark.privacy.FieldCipher;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** A card id opens only for the kind and the person it was made for, and says nothing about the id inside. */
class CardIdsTest {

    private static final byte[] OLD = key();
    private static final byte[] NEW = key();
    private final CardIds ids = new CardIds(new FieldCipher("v1", Map.of("v1", OLD)));

    @Test
    void opensForItsKindAndViewerOnly() {
        String token = ids.seal(CardIds.Kind.PERSON, 7, 42);
        assertThat(ids.open(CardIds.Kind.PERSON, 7, token)).contains(42L);
        assertThat(ids.open(CardIds.Kind.PERSON, 8, token)).as("another person's card").isEmpty();
        assertThat(ids.open(CardIds.Kind.PROGRAMME, 7, token)).as("another kind").isEmpty();
        assertThat(ids.seal(CardIds.Kind.PERSON, 7, 42)).as("fresh each time").isNotEqualTo(token);
    }

    @Test
    void guessedAlteredAndJunkTokensOpenToNothing() {
        String token = ids.seal(CardIds.Kind.PROGRAMME, 1, 12345);
        char last = token.charAt(token.length() - 1);
        String altered = token.substring(0, token.length() - 1) + (last == 'A' ? 'B' : 'A');
        for (String junk : new String[] {"42", "12345", altered, "", " ", null, "not base64 !", "x".repeat(500),
                "djE6AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA"}) {
            assertThat(ids.open(CardIds.Kind.PROGRAMME, 1, junk)).as(String.valueOf(junk)).isEmpty();
        }
        assertThat(token).doesNotContain("12345");
    }

    @Test
    void aCardFromBeforeAKeyRotationStillOpens() {
        String before = ids.seal(CardIds.Kind.PERSON, 3, 9);
        CardIds rotated = new CardIds(new FieldCipher("v2", Map.of("v1", OLD, "v2", NEW)));
        assertThat(rotated.open(CardIds.Kind.PERSON, 3, before)).contains(9L);
        assertThat(new CardIds(new FieldCipher("v1", Map.of("v1", NEW))).open(CardIds.Kind.PERSON, 3, before))
                .as("under a key nobody configured").isEmpty();
    }

    private static byte[] key() {
        byte[] key = new byte[32];
        new SecureRandom().nextBytes(key);
        return key;
    }
}
