package com.waymark.privacy;

/**
 * The encryption key is missing or unusable, so Waymark must not start: its message says what is wrong in one
 * sentence, {@link #action()} what to do. {@link EncryptionKeyFailureAnalyzer} reports the two instead of a stack
 * trace. Neither ever holds a key.
 */
class EncryptionKeyException extends IllegalStateException {

    static final String HOW_TO_SET = "Set WAYMARK_ENCRYPTION_KEY to 32 random bytes in base64 (`openssl rand -base64 32`; "
            + "keep it in your vault), or WAYMARK_ENCRYPTION_KEY_FILE to a file holding it.";

    private final String action;

    EncryptionKeyException(String description, String action) {
        super(description);
        this.action = action;
    }

    EncryptionKeyException(String description, String action, Throwable cause) {
        super(description, cause);
        this.action = action;
    }

    /** What to do about it, for the start-up failure report. */
    public String action() {
        return action;
    }
}
