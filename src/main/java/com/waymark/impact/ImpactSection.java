package com.waymark.impact;

import java.util.Optional;

/**
 * A section another module adds to the impact report, without editing this one: a Spring bean implementing this
 * interface is collected by {@link ImpactReports} and asked for its section each time a report is made (the cohort
 * evaluation's ratings, the outcome measure, commitments, ...).
 * <p>
 * The implementing module owns its figures and their confidentiality: every figure it returns must already be
 * released through the programme's {@code privacy.ConfidentialityPolicy} and release ledger (a hidden figure as a
 * row whose value is null, never left out in a way that gives it away), and the read must be audited by that module
 * with the people whose data it showed, as {@code insight.TeamInsights} does for {@code summary}.
 */
public interface ImpactSection {

    /**
     * Where the section goes: lower first. The report's own sections are participation 10, wellbeing 20, actions
     * 30, peer coaching 40 and themes 50; the page on method and confidentiality always comes last.
     */
    int order();

    /**
     * This section for the reader over the report's period, or empty when the programme has nothing of this kind
     * (the section is then left out and nothing is counted as hidden).
     *
     * @param coachId     the reader: one of the programme's coaching team (already checked)
     * @param programmeId the programme reported on
     * @param period      the whole weeks the report covers
     */
    Optional<ImpactReport.Section> read(long coachId, long programmeId, ImpactPeriod period);
}
