package com.waymark.teams;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Roster enrolment ({@code waymark.enrol.*}).
 *
 * @param paceMs pause between welcomes during roster enrolment, in milliseconds (Teams rate limits)
 */
@ConfigurationProperties("waymark.enrol")
record EnrolSettings(@DefaultValue("200") long paceMs) {
}
