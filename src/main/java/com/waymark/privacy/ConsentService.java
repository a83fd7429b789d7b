package com.waymark.privacy;

import java.time.Clock;
import java.time.Instant;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Whether a participant has agreed to the current privacy notice: the gate before anything is recorded. */
@Service
@EnableConfigurationProperties(PrivacySettings.class)
public class ConsentService {

    private final ConsentRepository consents;
    private final JdbcTemplate jdbc;
    private final Clock clock;
    private final PersonLock people;
    private final ApplicationEventPublisher events;

    public ConsentService(ConsentRepository consents, JdbcTemplate jdbc, Clock clock, PersonLock people,
                          ApplicationEventPublisher events) {
        this.people = people;
        this.events = events;
        this.consents = consents;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /**
     * Asked on every turn that records or shows anything, so it is one plain indexed probe rather than a
     * repository query in a transaction of its own (it joins the caller's, if there is one).
     */
    public boolean hasConsented(long participantId) {
        return !jdbc.queryForList("select 1 from consent_record where participant_id = ? and notice_version = ? "
                + "and withdrawn_at is null fetch first 1 rows only", Integer.class, participantId,
                PrivacyNotice.VERSION).isEmpty();
    }

    /**
     * Called by every service before it records something about a person: takes their row lock for the write
     * ({@link PersonLock#lockForWrite}, so an erasure in flight wins) and refuses with {@link ConsentRequired} when
     * they have not agreed to the current notice. Pre-consent flows (privacy, support, "delete my data", stopping
     * peer coaching) do not call it.
     */
    public void lockForRecording(long participantId) {
        people.lockForWrite(participantId);
        if (!hasConsented(participantId)) {
            throw new ConsentRequired(participantId);
        }
    }

    /** When this person agreed to the current notice, if they have (and have not withdrawn since). */
    @Transactional(readOnly = true)
    public Optional<Instant> agreedAt(long participantId) {
        // A person has a record per notice version they agreed to: a handful, read through the entity so the
        // instant is mapped as it was written.
        return consents.findByParticipantIdOrderByGivenAtAsc(participantId).stream()
                .filter(c -> c.getNoticeVersion() == PrivacyNotice.VERSION && c.getWithdrawnAt() == null)
                .map(ConsentRecord::getGivenAt).reduce((first, later) -> later);
    }

    /** How many of these people have agreed to the current notice (a count, for coaches' set-up view). */
    @Transactional(readOnly = true)
    public long countConsented(Collection<Long> participantIds) {
        return participantIds.isEmpty() ? 0 : consents.countConsented(participantIds, PrivacyNotice.VERSION);
    }

    /** Which of these people have agreed to the current notice: one read per thousand people, not one each. */
    @Transactional(readOnly = true)
    public Set<Long> consentedAmong(Collection<Long> participantIds) {
        List<Long> ids = List.copyOf(participantIds);
        Set<Long> consented = new HashSet<>();
        for (int i = 0; i < ids.size(); i += 1000) {
            consented.addAll(consents.findConsented(ids.subList(i, Math.min(ids.size(), i + 1000)),
                    PrivacyNotice.VERSION));
        }
        return consented;
    }

    /** Records consent to the current notice; returns false when it was already given (a double click). */
    @Transactional
    public boolean consent(long participantId) {
        people.lockForWrite(participantId);
        if (hasConsented(participantId)) {
            return false;
        }
        consents.save(new ConsentRecord(participantId, PrivacyNotice.VERSION, clock.instant()));
        events.publishEvent(new ConsentGiven(participantId));
        return true;
    }
}
