package com.waymark.cycle;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The coaching cycle ({@code waymark.cycle.*}).
 *
 * @param sessionMinutes how long a coaching session lasts when neither the coach ("next session 2027-01-14 09:30")
 *                       nor the programme's settings give a length; its end sends the after-session card, unless Teams
 *                       says the meeting ended first
 * @param maxWordChars   the longest optional word a person adds to the after-session pulse
 */
@ConfigurationProperties("waymark.cycle")
public record CycleSettings(@DefaultValue("120") int sessionMinutes, @DefaultValue("500") int maxWordChars) {
}
