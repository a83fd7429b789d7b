package com.waymark.insight;

import java.util.List;

/**
 * Action-plan progress of the people in scope. Each figure is a count of actions, shown only when the actions
 * behind it belong to at least the threshold of distinct people; no total is given, so a hidden figure can't
 * be worked out from the others.
 *
 * @param done     actions completed in the period
 * @param onTrack  open actions younger than the at-risk age
 * @param atRisk   open actions older than that
 * @param added    actions added in the period
 * @param atRiskDays the age from which an open action counts as at risk
 * @param blockers what holds open actions up, by kind, most common first: only kinds behind the actions of
 *                 at least the threshold of people
 */
public record ActionReport(Integer done, Integer onTrack, Integer atRisk, Integer added, int atRiskDays,
                           List<Blocker> blockers) {

    public ActionReport {
        blockers = List.copyOf(blockers);
    }

    /** A kind of obstacle ("Waiting on others") and how many open actions it holds up. */
    public record Blocker(String kind, int actions) {
    }
}
