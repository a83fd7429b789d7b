package com.waymark.insight;

/**
 * How many people took part. A null figure is hidden by the confidentiality policy.
 *
 * @param enrolled    active members in scope
 * @param answered    people who checked in at least once in the period
 * @param notAnswered people who did not
 * @param checkIns    check-ins answered in the period (shown with {@code answered})
 */
public record ParticipationReport(Integer enrolled, Integer answered, Integer notAnswered, Integer checkIns) {

    /** Share of enrolled people who checked in, in whole percent; null when hidden. */
    public Integer percent() {
        return enrolled == null || answered == null || enrolled == 0 ? null : Math.round(100f * answered / enrolled);
    }
}
