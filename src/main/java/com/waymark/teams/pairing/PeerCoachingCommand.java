package com.waymark.teams.pairing;

import com.waymark.teams.Command;

/** Peer coaching: a coach's plan, rounds and forbidden pairs; a participant's pairings, rounds and follow-ups. */
public sealed interface PeerCoachingCommand extends Command {

    /** Coach: the peer-coaching plan card. */
    record ShowPlan() implements PeerCoachingCommand {
    }

    /** Coach: the plan card came back. */
    record SavePlan(String everyWeeks, String weekday, String time, String mode, String totalRounds,
                    String followUpDays, String groupId) implements PeerCoachingCommand {
    }

    /** Coach: run the next round now, to try it out. */
    record PairNow() implements PeerCoachingCommand {
    }

    /** Coach: the card to choose two people who must never be paired. */
    record ShowForbidPair() implements PeerCoachingCommand {
    }

    record ForbidPair(String first, String second) implements PeerCoachingCommand {
    }

    /** Coach: the confidential peer-coaching summary. */
    record ShowPairs() implements PeerCoachingCommand {
    }

    record MyPairings() implements PeerCoachingCommand {
    }

    /** {@code memberId} from the nudge card; null when typed (their current round). */
    record CantThisRound(String memberId) implements PeerCoachingCommand {
    }

    record OptOut() implements PeerCoachingCommand {
    }

    record OptIn() implements PeerCoachingCommand {
    }

    /** The follow-up card came back: did you meet (yes, no, not yet), how useful (1–5), one thing. */
    record AnswerFollowUp(String followUpId, String met, String usefulness, String oneThing)
            implements PeerCoachingCommand {
    }
}
