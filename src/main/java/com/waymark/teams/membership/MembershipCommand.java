package com.waymark.teams.membership;

import com.waymark.teams.Command;

/** A person's ways into and out of programmes: joining, leaving, their details, a coaching team's invitation. */
public sealed interface MembershipCommand extends Command {

    /** {@code code} empty when none was typed. */
    record Join(String code) implements MembershipCommand {
    }

    record MyProgrammes() implements MembershipCommand {
    }

    /** {@code name} null: their current programme. */
    record Leave(String name) implements MembershipCommand {
    }

    record MyDetails() implements MembershipCommand {
    }

    record CorrectDetails(String programmeId, String role, String organisation) implements MembershipCommand {
    }

    /** The code an admin gave them ("accept invitation K7PQ-2MX9-ABCD"); empty when none was typed. */
    record AcceptStaffInvitation(String code) implements MembershipCommand {
    }
}
