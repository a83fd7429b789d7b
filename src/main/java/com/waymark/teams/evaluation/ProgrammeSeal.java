package com.waymark.teams.evaluation;

import java.time.Clock;
import java.util.Optional;

import com.waymark.programme.ProgrammeService;
import com.waymark.teams.CardIds;
import org.springframework.stereotype.Component;

/**
 * What an evaluation card sent later carries of its programme, read when it is sent: the programme's id sealed for
 * its recipient (the answers come back with it) and the threshold the card promises. Empty when the programme has gone.
 */
@Component
class ProgrammeSeal {

    /** The sealed programme id and the threshold now. */
    record Sealed(String token, int threshold) {
    }

    private final ProgrammeService programmes;
    private final CardIds ids;
    private final Clock clock;

    ProgrammeSeal(ProgrammeService programmes, CardIds ids, Clock clock) {
        this.programmes = programmes;
        this.ids = ids;
        this.clock = clock;
    }

    Optional<Sealed> forRecipient(long recipientId, long programmeId) {
        return programmes.find(programmeId).map(programme -> new Sealed(
                ids.seal(CardIds.Kind.PROGRAMME, recipientId, programmeId), programme.thresholdAt(clock.instant())));
    }
}
