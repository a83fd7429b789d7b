package com.waymark.ops;

import java.util.Locale;

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

    private final MeterRegistry registry;

    CheckInMetrics(MeterRegistry registry) {
        this.registry = registry;
        for (CheckInSubmission.Source source : CheckInSubmission.Source.values()) {
            counter(source); // present at zero from the start, so a rate can be drawn before the first check-in
        }
    }

    @TransactionalEventListener
    void answered(CheckInRecorded event) {
        counter(event.source()).increment();
    }

    private Counter counter(CheckInSubmission.Source source) {
        return Counter.builder(ANSWERED).description("Check-ins saved")
                .tag("source", source.name().toLowerCase(Locale.ROOT)).register(registry);
    }
}
