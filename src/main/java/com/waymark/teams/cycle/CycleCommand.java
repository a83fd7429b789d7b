package com.waymark.teams.cycle;

import java.util.List;
import java.util.Map;

import com.waymark.teams.Command;

/** What the coaching cycle's slice understands. */
sealed interface CycleCommand extends Command {

    /** "next session 2027-01-14 09:30 for 2h meeting https://teams.microsoft.com/l/meetup-join/…". */
    record RecordSession(String date, String time, String length, String meeting) implements CycleCommand {
    }

    /** The after-session card: up to three things to try (or nothing this time), and the pulse. */
    record Answer(String session, boolean nothingThisTime, List<String> tries, String said, String mattered,
                  String leave, String word) implements CycleCommand {
    }

    /** "my commitments": the commitments still open, to say how they went. */
    record MyCommitments() implements CycleCommand {
    }

    /** How commitments went: action id as on the card → done, partly, not yet or in the way. */
    record Progress(Map<String, String> answers) implements CycleCommand {
    }

    /** "session pulse": a coach's view, session by session. */
    record ShowPulse() implements CycleCommand {
    }
}
