package com.waymark.schedule;

import java.time.Clock;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.waymark.care.CoachCallRequest;
import com.waymark.care.CoachCallService;
import com.waymark.programme.ProgrammeService;
import com.waymark.programme.StaffMember;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Passes each "please ask my coach to call me" on to the coaches of the person's programme, in their 1:1 chat,
 * through the outbox (so it survives restarts and Teams' throttling), on the tick every 30 seconds, at once (it is
 * not held for the coach's quiet hours). The payload is ids only: the edge names the person and the programme when
 * it sends, so erasing the person leaves no copy of their name in a coach's queue, and a request erased before it
 * is sent is not sent. It never carries anything they wrote. A request whose programme has no coach yet stays
 * pending and goes to the first coach added.
 */
@Component
class CoachCallDelivery {

    private static final Logger log = LoggerFactory.getLogger(CoachCallDelivery.class);

    private final CoachCallService calls;
    private final ProgrammeService programmes;
    private final OutboxService outbox;
    private final TransactionTemplate transaction;
    private final ObjectMapper json;
    private final Clock clock;

    CoachCallDelivery(CoachCallService calls, ProgrammeService programmes, OutboxService outbox,
                      TransactionTemplate transaction, ObjectMapper json, Clock clock) {
        this.calls = calls;
        this.programmes = programmes;
        this.outbox = outbox;
        this.transaction = transaction;
        this.json = json;
        this.clock = clock;
    }

    /** Returns how many requests were passed on; each in a transaction of its own with its messages. */
    int deliverPending() {
        int delivered = 0;
        for (CoachCallRequest request : calls.pending()) {
            Boolean done = transaction.execute(tx -> deliver(request));
            if (Boolean.TRUE.equals(done)) {
                delivered++;
            }
        }
        return delivered;
    }

    private boolean deliver(CoachCallRequest request) {
        long person = request.getParticipantId();
        List<Long> programmeIds = request.getProgrammeId() != null ? List.of(request.getProgrammeId())
                : programmes.programmesOf(person).stream()
                        .filter(m -> m.membership() != null && m.membership().isActive())
                        .map(m -> m.programme().getId()).toList();
        int queued = 0;
        for (long programmeId : programmeIds) {
            String payload = json.createObjectNode().put("requestId", request.getId()).put("programmeId", programmeId)
                    .toString();
            for (long coach : coachesOf(programmeId, person)) {
                outbox.enqueue("coach-call:" + request.getId() + ":c" + coach, coach, OutboxMessage.Kind.COACH_CALL,
                        null, payload, clock.instant());
                queued++;
            }
        }
        if (queued == 0) {
            log.warn("A request for a coach to call is waiting: the person's programme has no coach to tell yet");
            return false;
        }
        calls.markDelivered(request.getId());
        return true;
    }

    /** The programme's coaches; its admins when it has none; never the person themself. */
    private Set<Long> coachesOf(long programmeId, long person) {
        List<StaffMember> staff = programmes.staffOf(programmeId);
        Set<Long> coaches = new LinkedHashSet<>();
        staff.stream().filter(s -> s.getRole() == StaffMember.Role.COACH).forEach(s -> coaches.add(s.getParticipantId()));
        if (coaches.isEmpty()) {
            staff.forEach(s -> coaches.add(s.getParticipantId()));
        }
        coaches.remove(person);
        return coaches;
    }
}
