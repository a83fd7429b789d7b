package com.waymark.pairing;

import java.util.Locale;

/**
 * Someone to be paired this round. Role and organisation are free text, compared without regard to case
 * or surrounding spaces; blank means unknown, and an unknown value never counts towards a mode (we cannot
 * claim two people share a role, or differ in one, without knowing it).
 *
 * <p>Only people who are active belong in a round: the caller leaves out anyone paused, on leave or opted
 * out, so the engine never has to guess from a status.
 */
public record Candidate(long id, String role, String organisation) {

    public Candidate {
        role = role == null ? "" : role.strip();
        organisation = organisation == null ? "" : organisation.strip();
    }

    boolean sameRoleAs(Candidate other) {
        return !role.isEmpty() && key(role).equals(key(other.role));
    }

    boolean differentRoleFrom(Candidate other) {
        return !role.isEmpty() && !other.role.isEmpty() && !key(role).equals(key(other.role));
    }

    boolean sameOrganisationAs(Candidate other) {
        return !organisation.isEmpty() && key(organisation).equals(key(other.organisation));
    }

    boolean differentOrganisationFrom(Candidate other) {
        return !organisation.isEmpty() && !other.organisation.isEmpty()
                && !key(organisation).equals(key(other.organisation));
    }

    private static String key(String value) {
        return value.toLowerCase(Locale.ROOT);
    }
}
