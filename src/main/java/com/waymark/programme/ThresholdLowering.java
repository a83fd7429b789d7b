package com.waymark.programme;

import java.time.Instant;

/**
 * A coach lowered a programme's confidentiality threshold: from {@code from} on, figures may combine as few as
 * {@code to} people (until then, {@code was}). Published when the coach saves it, so participants are told first.
 */
public record ThresholdLowering(long programmeId, String programmeName, int was, int to, Instant from) {
}
