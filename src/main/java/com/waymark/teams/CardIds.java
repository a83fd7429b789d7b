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
class CardIds {

    /** What an id names; a token made for one kind never opens as another. */
    enum Kind { PERSON, PROGRAMME }

    private static final Base64.Encoder ENCODE = Base64.getUrlEncoder().withoutPadding();
    private static final Base64.Decoder DECODE = Base64.getUrlDecoder();
    private static final int MAX_TOKEN_CHARS = 200;

    private final FieldCipher cipher;

    CardIds(FieldCipher fieldCipher) {
        this.cipher = fieldCipher.derive("waymark card ids v1");
    }

    /** The token for {@code id}, valid only in a card submitted by {@code viewerId}. */
    String seal(Kind kind, long viewerId, long id) {
        return ENCODE.encodeToString(cipher.seal((prefix(kind, viewerId) + id).getBytes(StandardCharsets.UTF_8)));
    }

    /** The id a token names, when it was made by us for this kind and this viewer; otherwise empty, whatever it was. */
    Optional<Long> open(Kind kind, long viewerId, String token) {
        if (token == null || token.isBlank() || token.length() > MAX_TOKEN_CHARS) {
            return Optional.empty();
        }
        try {
            String plain = new String(cipher.open(DECODE.decode(token.strip())), StandardCharsets.UTF_8);
            String prefix = prefix(kind, viewerId);
            if (!plain.startsWith(prefix)) {
                return Optional.empty();
            }
            return Optional.of(Long.parseLong(plain.substring(prefix.length())));
        } catch (IllegalArgumentException | IllegalStateException e) {
            // Not base64, not sealed by us, altered, or under a key no longer configured: all read as "not yours".
            return Optional.empty();
        }
    }

    private static String prefix(Kind kind, long viewerId) {
        return kind.name() + ":" + viewerId + ":";
    }
}
