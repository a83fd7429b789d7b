package com.waymark.privacy;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * What participants are promised about changes to their confidentiality ({@code waymark.privacy.*}).
 *
 * @param thresholdNoticeDays how long participants are told in advance before a lowered confidentiality threshold
 *                            applies (it applies from the first whole day after that)
 */
@ConfigurationProperties("waymark.privacy")
public record PrivacySettings(@DefaultValue("14") int thresholdNoticeDays) {
}
