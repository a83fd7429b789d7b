package com.waymark.care;

import java.time.Instant;
import java.util.List;

import com.waymark.privacy.PersonalDataHolder;
import com.waymark.privacy.ProgrammeDataHolder;
import org.springframework.stereotype.Component;

/** The person's requests for a coach call; those made in a programme go once its retention has passed. */
@Component
class CoachCallData implements PersonalDataHolder, ProgrammeDataHolder {

    record Request(Instant requestedAt, CoachCallRequest.Status status, Instant deliveredAt) {
    }

    private final CoachCallRequestRepository requests;

    CoachCallData(CoachCallRequestRepository requests) {
        this.requests = requests;
    }

    @Override
    public String name() {
        return "coachCallRequests";
    }

    @Override
    public List<Request> export(long participantId) {
        return requests.findByParticipantIdOrderByRequestedAtAsc(participantId).stream()
                .map(r -> new Request(r.getRequestedAt(), r.getStatus(), r.getDeliveredAt())).toList();
    }

    @Override
    public int erase(long participantId) {
        return requests.deleteByParticipant(participantId);
    }

    @Override
    public int eraseProgrammeData(long programmeId) {
        return requests.deleteByProgramme(programmeId);
    }
}
