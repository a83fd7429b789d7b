package com.waymark.pairing;

import java.util.Locale;

/**
 * What a round tries to bring together. A group "matches" the mode when every pair in it does:
 * <ul>
 * <li>{@link #SAME_ROLE}: the same role (organisation does not matter);</li>
 * <li>{@link #CROSS_ROLE}: different roles; among those, a pair from the same organisation is preferred
 * (a softer wish than the mode itself), so peers see another part of their own system first;</li>
 * <li>{@link #CROSS_ORGANISATION}: different organisations;</li>
 * <li>{@link #PROGRESSION}: the three above in turn over the programme, see {@link #forRound}.</li>
 * </ul>
 */
public enum PairingMode {

    SAME_ROLE("same-role"),
    CROSS_ROLE("cross-role"),
    CROSS_ORGANISATION("cross-organisation"),
    PROGRESSION("progression");

    private final String label;

    PairingMode(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    /**
     * The mode that applies to round {@code roundIndex} (0-based) of {@code totalRounds}. Fixed modes are
     * themselves. PROGRESSION is in stage {@code floor(3 * roundIndex / totalRounds)}: 0 same-role,
     * 1 cross-role, 2 cross-organisation. So 12 rounds split 4/4/4; when the rounds do not divide by three
     * the earlier stages get the extra round (26 rounds: 9/9/8), and a programme shorter than three rounds
     * simply ends before the later stages.
     */
    public PairingMode forRound(int roundIndex, int totalRounds) {
        if (totalRounds < 1 || roundIndex < 0 || roundIndex >= totalRounds) {
            throw new IllegalArgumentException("round " + roundIndex + " is not within " + totalRounds + " rounds");
        }
        if (this != PROGRESSION) {
            return this;
        }
        int stage = (int) (3L * roundIndex / totalRounds);
        return stage == 0 ? SAME_ROLE : stage == 1 ? CROSS_ROLE : CROSS_ORGANISATION;
    }

    /** Whether a pair fits this (resolved, so not PROGRESSION) mode. */
    public boolean matches(Candidate a, Candidate b) {
        return switch (this) {
            case SAME_ROLE -> a.sameRoleAs(b);
            case CROSS_ROLE -> a.differentRoleFrom(b);
            case CROSS_ORGANISATION -> a.differentOrganisationFrom(b);
            case PROGRESSION -> throw new IllegalStateException("resolve PROGRESSION with forRound first");
        };
    }

    /** The softer wish within a mode: only cross-role has one (same organisation). */
    boolean prefers(Candidate a, Candidate b) {
        return this != CROSS_ROLE || a.sameOrganisationAs(b);
    }

    /** Reads "cross-role", "CROSS_ROLE" or "cross_role"; anything else is an {@link IllegalArgumentException}. */
    public static PairingMode parse(String text) {
        String wanted = text == null ? "" : text.strip().toLowerCase(Locale.ROOT).replace('_', '-');
        for (PairingMode mode : values()) {
            if (mode.label.equals(wanted)) {
                return mode;
            }
        }
        throw new IllegalArgumentException("unknown pairing mode '" + text
                + "' (expected same-role, cross-role, cross-organisation or progression)");
    }
}
