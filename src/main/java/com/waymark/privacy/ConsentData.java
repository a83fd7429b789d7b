package com.waymark.privacy;

import java.time.Instant;
import java.util.List;

import org.springframework.stereotype.Component;

/** Consent history: which notice the person agreed to, and when. */
@Component
class ConsentData implements PersonalDataHolder {

    record Consent(int noticeVersion, Instant givenAt, Instant withdrawnAt) {
    }

    private final ConsentRepository consents;

    ConsentData(ConsentRepository consents) {
        this.consents = consents;
    }

    @Override
    public String name() {
        return "consents";
    }

    @Override
    public List<Consent> export(long participantId) {
        return consents.findByParticipantIdOrderByGivenAtAsc(participantId).stream()
                .map(c -> new Consent(c.getNoticeVersion(), c.getGivenAt(), c.getWithdrawnAt())).toList();
    }

    @Override
    public int erase(long participantId) {
        return consents.deleteByParticipant(participantId);
    }
}
