package com.waymark.schedule;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The scheduled check-ins' clockwork ({@code waymark.schedule.*}).
 *
 * @param planAheadDays how many days ahead each person's check-ins are planned
 * @param planEveryMinutes how often the planner runs (Quartz, clustered)
 * @param tickSeconds how often due check-ins, reminders and missed windows are looked for
 */
@ConfigurationProperties("waymark.schedule")
public record ScheduleSettings(@DefaultValue("3") int planAheadDays, @DefaultValue("15") int planEveryMinutes,
                               @DefaultValue("30") int tickSeconds) {
}
