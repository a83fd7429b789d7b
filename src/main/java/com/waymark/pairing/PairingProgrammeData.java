package com.waymark.pairing;

import com.waymark.privacy.ProgrammeDataHolder;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * A programme's peer coaching once its retention has passed: its rounds with who was grouped with whom, the
 * follow-up answers (met, usefulness, the one thing), "can't this round" and standing opt-outs, and the pairs the
 * coach forbade (each names two people). The coach's plan (rhythm, mode) stays: it says nothing about anyone.
 */
@Component
class PairingProgrammeData implements ProgrammeDataHolder {

    private static final String ROUNDS = "select id from pairing_round where programme_id = ?";

    private final JdbcTemplate jdbc;

    PairingProgrammeData(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public String name() {
        return "peerCoaching";
    }

    /** Child rows first, each counted, though the foreign keys would cascade from the rounds. */
    @Override
    public int eraseProgrammeData(long programmeId) {
        return jdbc.update("delete from pairing_follow_up where group_id in (select id from pairing_group "
                        + "where round_id in (" + ROUNDS + "))", programmeId)
                + jdbc.update("delete from pairing_opt_out where programme_id = ?", programmeId)
                + jdbc.update("delete from pairing_member where round_id in (" + ROUNDS + ")", programmeId)
                + jdbc.update("delete from pairing_group where round_id in (" + ROUNDS + ")", programmeId)
                + jdbc.update("delete from pairing_round where programme_id = ?", programmeId)
                + jdbc.update("delete from forbidden_pair where programme_id = ?", programmeId);
    }
}
