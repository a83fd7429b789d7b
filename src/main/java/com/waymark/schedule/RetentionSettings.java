package com.waymark.schedule;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The retention sweep ({@code waymark.retention.*}).
 *
 * @param sweepHours how often the retention sweep runs (and once at start-up)
 */
@ConfigurationProperties("waymark.retention")
public record RetentionSettings(@DefaultValue("24") int sweepHours) {
}
