package com.waymark.schedule;

import java.time.Clock;
import java.time.Duration;
import java.util.List;

import com.waymark.care.CoachCallService;
import com.waymark.programme.ProgrammeService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;
import com.waymark.outbox.OutboxService;
import com.waymark.outbox.OutboxPayload;

/**
 * Passes each "please ask my coach to call me" on to the coaches of the person's programme, in their 1:1 chat,
 * through the outbox (so it survives restarts and Teams' throttling), on the tick every 30 seconds, at once (it is
 * not held for the coach's quiet hours). The payload is ids only: the edge names the person and the programme when
 * it sends, so erasing the person leaves no copy of their name in a coach's queue, and a request erased before it
 * is sent is not sent. It never carries anything they wrote. Who is told is {@code ProgrammeService.callRecipients},
 * the same rule that decides whether the offer is made at all; a request whose coaching team has since left stays
 * pending and goes to the first coach added.
 */
@Component
class CoachCallDelivery {

    private static final Logger log = LoggerFactory.getLogger(CoachCallDelivery.class);

    private final CoachCallService calls;
    private final ProgrammeService programmes;
    private final OutboxService outbox;
    private final TransactionTemplate transaction;
    private final Clock clock;
    /** A request that waits is logged when first found, then daily: not on every 30-second tick. */
    private final WaitingNotices waiting = new WaitingNotices(Duration.ofDays(1));

    CoachCallDelivery(CoachCallService calls, ProgrammeService programmes, OutboxService outbox,
                      TransactionTemplate transaction, Clock clock) {
        this.calls = calls;
        this.programmes = programmes;
        this.outbox = outbox;
        this.transaction = transaction;
        this.clock = clock;
    }

    /** Returns how many requests were passed on; each in a transaction of its own with its messages. */
    int deliverPending() {
        int delivered = 0;
        List<CoachCallService.Request> pending = calls.pending();
        waiting.retainOnly(pending.stream().map(CoachCallService.Request::id).toList());
        for (CoachCallService.Request request : pending) {
            Boolean done = transaction.execute(tx -> deliver(request));
            if (Boolean.TRUE.equals(done)) {
                delivered++;
                if (waiting.done(request.id())) {
                    log.info("Request {} for a coach to call, waiting since {}, has been passed on", request.id(),
                            request.requestedAt());
                }
            }
        }
        return delivered;
    }

    private boolean deliver(CoachCallService.Request request) {
        long person = request.participantId();
        int queued = 0;
        for (var programme : programmes.callRecipients(person, request.programmeId()).entrySet()) {
            var payload = new OutboxPayload.CoachCall(request.id(), programme.getKey());
            for (long coach : programme.getValue()) {
                outbox.enqueue("coach-call:" + request.id() + ":c" + coach, coach, payload, clock.instant());
                queued++;
            }
        }
        if (queued == 0) {
            // Only possible when the coaching team left after the request was made: it is offered only when someone
            // will be told (ProgrammeService.callRecipients).
            // Ids and times only: nothing about the person. Logged once, then daily while it waits.
            if (waiting.due(request.id(), clock.instant())) {
                log.warn("Request {} for a coach to call has waited since {}: the person's programme has no coach to "
                        + "tell any more. It goes to the first coach added to the programme.", request.id(),
                        request.requestedAt());
            }
            return false;
        }
        calls.markDelivered(request.id());
        return true;
    }
}
