package com.waymark.teams;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Optional;

import com.waymark.privacy.FieldCipher;
import org.springframework.stereotype.Component;

/**
 * Opaque ids for card data. Database ids are sequential, so a raw id in a card's submit data invites guessing the
 * next one ("setStaff" with participant 41, 42, 43…) and every answer then says something about an object that is not
 * the sender's. A card id here is the object's id sealed with AES-GCM under a key derived from the app's encryption
 * key, together with what kind of object it is and who the card was made for: it can't be guessed, forged, changed
 * or passed to someone else, and it says nothing about the id inside. Sealing rather than a MAC beside the plain id
 * (which would also be unforgeable) keeps even the count of people and programmes out of cards. A stored random
 * token per object would do the same but needs a column, a lookup and erasure of its own. A card made before a key
 * rotation still opens while the previous key is configured.
 */
@Component
public class CardIds {

    /** What an id names; a token made for one kind never opens as another. */
    public enum Kind { PERSON, PROGRAMME, FILE, DIAGNOSTIC }

    private static final Base64.Encoder ENCODE = Base64.getUrlEncoder().withoutPadding();
    private static final Base64.Decoder DECODE = Base64.getUrlDecoder();
    private static final int MAX_TOKEN_CHARS = 200;
    /** A file offer's context carries a little more than an id: what to make, for which programme and period. */
    private static final int MAX_VALUE_TOKEN_CHARS = 1_000;

    private final FieldCipher cipher;

    CardIds(FieldCipher fieldCipher) {
        this.cipher = fieldCipher.derive("waymark card ids v1");
    }

    /** The token for {@code id}, valid only in a card submitted by {@code viewerId}. */
    public String seal(Kind kind, long viewerId, long id) {
        return sealValue(kind, viewerId, Long.toString(id));
    }

    /** The same for a short text value (a file offer's description of what to make), sealed as a whole. */
    String sealValue(Kind kind, long viewerId, String value) {
        return ENCODE.encodeToString(cipher.seal((prefix(kind, viewerId) + value).getBytes(StandardCharsets.UTF_8)));
    }

    /** The value a token from {@link #sealValue} holds, when it was made by us for this kind and this viewer. */
    Optional<String> openValue(Kind kind, long viewerId, String token) {
        return openPlain(kind, viewerId, token, MAX_VALUE_TOKEN_CHARS);
    }

    /** The id a token names, when it was made by us for this kind and this viewer; otherwise empty, whatever it was. */
    public Optional<Long> open(Kind kind, long viewerId, String token) {
        try {
            return openPlain(kind, viewerId, token, MAX_TOKEN_CHARS).map(Long::parseLong);
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    private Optional<String> openPlain(Kind kind, long viewerId, String token, int maxChars) {
        if (token == null || token.isBlank() || token.length() > maxChars) {
            return Optional.empty();
        }
        try {
            String plain = new String(cipher.open(DECODE.decode(token.strip())), StandardCharsets.UTF_8);
            String prefix = prefix(kind, viewerId);
            if (!plain.startsWith(prefix)) {
                return Optional.empty();
            }
            return Optional.of(plain.substring(prefix.length()));
        } catch (IllegalArgumentException | IllegalStateException e) {
            // Not base64, not sealed by us, altered, or under a key no longer configured: all read as "not yours".
            return Optional.empty();
        }
    }

    private static String prefix(Kind kind, long viewerId) {
        return kind.name() + ":" + viewerId + ":";
    }
}
