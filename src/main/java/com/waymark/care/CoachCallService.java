package com.waymark.care;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import com.waymark.privacy.PersonLock;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Records requests for a coach to call; delivering them to the coach is scheduling's job. */
@Service
public class CoachCallService {

    private final CoachCallRequestRepository requests;
    private final Clock clock;
    private final PersonLock people;

    public CoachCallService(CoachCallRequestRepository requests, Clock clock, PersonLock people) {
        this.people = people;
        this.requests = requests;
        this.clock = clock;
    }

    /**
     * Records the request unless one is already waiting to be passed on (a double click, or pressing the button
     * on two cards): the coach needs to call once, not twice. Returns true when a new request was recorded.
     *
     * @param programmeId the programme whose coach should call, when the person is in exactly one; else null
     */
    @Transactional
    public boolean request(long participantId, Long programmeId) {
        people.lockForWrite(participantId);
        if (requests.existsByParticipantIdAndStatus(participantId, CoachCallRequest.Status.PENDING)) {
            return false;
        }
        requests.save(new CoachCallRequest(participantId, programmeId, clock.instant()));
        return true;
    }

    /** The coach has been told (scheduling queued the message in the same transaction). */
    @Transactional
    public void markDelivered(long requestId) {
        requests.findById(requestId).filter(r -> r.getStatus() == CoachCallRequest.Status.PENDING)
                .ifPresent(r -> r.delivered(clock.instant()));
    }

    /** A request, while it exists: erasing the person erases it, and then there is nothing to tell the coach. */
    @Transactional(readOnly = true)
    public Optional<Request> find(long requestId) {
        return requests.findById(requestId).map(CoachCallService::request);
    }

    /** A request as other modules see it: ids and when it was made, nothing the person said. */
    public record Request(long id, long participantId, Long programmeId, Instant requestedAt) {
    }

    /** Requests not yet passed on, oldest first: what scheduling delivers. */
    @Transactional(readOnly = true)
    public List<Request> pending() {
        return requests.findByStatusOrderByRequestedAtAsc(CoachCallRequest.Status.PENDING).stream()
                .map(CoachCallService::request).toList();
    }

    private static Request request(CoachCallRequest r) {
        return new Request(r.getId(), r.getParticipantId(), r.getProgrammeId(), r.getRequestedAt());
    }
}
