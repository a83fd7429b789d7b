package com.waymark.programme;

import java.util.Optional;

import com.waymark.privacy.NameDirectory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** Display names of people and programmes, for privacy's audit. */
@Component
class ProgrammeNameDirectory implements NameDirectory {

    private final ParticipantRepository participants;
    private final ProgrammeRepository programmes;

    ProgrammeNameDirectory(ParticipantRepository participants, ProgrammeRepository programmes) {
        this.participants = participants;
        this.programmes = programmes;
    }

    @Override
    @Transactional(readOnly = true)
    public Optional<String> personName(long participantId) {
        return participants.findById(participantId).map(Participant::getDisplayName);
    }

    @Override
    @Transactional(readOnly = true)
    public Optional<String> programmeName(long programmeId) {
        return programmes.findById(programmeId).map(Programme::getName);
    }
}
