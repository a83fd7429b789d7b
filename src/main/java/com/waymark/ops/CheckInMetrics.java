package com.waymark.ops;

import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;

import com.waymark.checkin.CheckInSubmission;
import com.waymark.checkin.CheckInRecorded;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * {@code waymark.checkins.answered}, by source (card or text). The check-in domain knows nothing of
 * Micrometer: it publishes {@link CheckInRecorded} and this counts it once the transaction has committed,
 * so a rolled-back check-in is never counted.
 */
@Component
class CheckInMetrics {

    static final String ANSWERED = "waymark.checkins.answered";

    /** Registered once, up front: present at zero, so a rate can be drawn before the first check-in. */
    private final Map<CheckInSubmission.Source, Counter> counters = new EnumMap<>(CheckInSubmission.Source.class);

    CheckInMetrics(MeterRegistry registry) {
        for (CheckInSubmission.Source source : CheckInSubmission.Source.values()) {
            counters.put(source, Counter.builder(ANSWERED).description("Check-ins saved")
                    .tag("source", source.name().toLowerCase(Locale.ROOT)).register(registry));
        }
    }

    /** Counts with the counter kept, not one looked up again by name and tags on every check-in. */
    @TransactionalEventListener
    void answered(CheckInRecorded event) {
        counters.get(event.source()).increment();
    }
}
