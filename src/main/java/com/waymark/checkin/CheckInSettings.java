package com.waymark.checkin;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Limits on what people write ({@code waymark.checkin.*}).
 *
 * @param maxReflectionChars the longest reflection a check-in keeps; a longer one gets a kind reply and nothing is
 *                           stored
 * @param maxActionChars the longest action text (and what is in its way); a longer one gets a kind reply
 */
@ConfigurationProperties("waymark.checkin")
public record CheckInSettings(@DefaultValue("4000") int maxReflectionChars, @DefaultValue("500") int maxActionChars) {
}
