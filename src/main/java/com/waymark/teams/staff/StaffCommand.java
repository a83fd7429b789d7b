package com.waymark.teams.staff;

import com.waymark.teams.Command;

/** An admin's coaching team: who is on it, appointing members to it, and inviting those who don't take part. */
public sealed interface StaffCommand extends Command {

    record Show() implements StaffCommand {
    }

    /** {@code participantId}: the person's card id; {@code role}: COACH, ADMIN or NONE (off the team). */
    record Appoint(String participantId, String role) implements StaffCommand {
    }

    /** A code for someone who doesn't take part; {@code programmeId} sealed on the card, or null: the current one. */
    record Invite(String programmeId, String role) implements StaffCommand {
    }
}
