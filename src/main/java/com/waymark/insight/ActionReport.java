package com.waymark.insight;

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
 */
public record ActionReport(Integer done, Integer onTrack, Integer atRisk, Integer added, int atRiskDays) {
}
