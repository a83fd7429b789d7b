package com.waymark.evaluation;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The end-of-programme evaluation's clockwork ({@code waymark.evaluation.*}).
 *
 * @param daysBeforeEnd how many days before a programme's end date its evaluation is sent, when its coach has not
 *                      sent it already
 * @param tickMinutes   how often the Quartz job looks for programmes whose evaluation is due
 */
@ConfigurationProperties("waymark.evaluation")
record EvaluationSettings(@DefaultValue("7") int daysBeforeEnd, @DefaultValue("15") int tickMinutes) {
}
