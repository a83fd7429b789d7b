package com.waymark.programme;

import java.time.Clock;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.waymark.privacy.ConsentService;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Recognises the person behind each turn and keeps what we need to reach them later.
 * <p>
 * {@link #recognise} and {@link #find(TeamsIdentity)} return the entity, for the edge alone (the turn carries it, and
 * stores the conversation reference in it); other modules get {@link ParticipantInfo} ({@link #find(long)},
 * {@link #findAll}, {@link #register}).
 */
@Service
public class ParticipantService {

    /** Used until a client tells us better: Waymark's users are overwhelmingly in the UK. */
    public static final String DEFAULT_TIME_ZONE = "Europe/London";

    private final ParticipantRepository participants;
    private final Clock clock;
    private final TransactionTemplate transaction;
    private final TransactionTemplate newTransaction;

    private final ConsentService consent;
    private final JdbcTemplate jdbc;

    public ParticipantService(ParticipantRepository participants, Clock clock, PlatformTransactionManager txManager,
                              ConsentService consent, JdbcTemplate jdbc) {
        this.consent = consent;
        this.jdbc = jdbc;
        this.participants = participants;
        this.clock = clock;
        this.transaction = new TransactionTemplate(txManager);
        this.newTransaction = new TransactionTemplate(txManager);
        this.newTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    }

    /**
     * Finds or registers the participant for this identity, refreshing name, time zone and, when given,
     * the 1:1 conversation reference.
     * <p>
     * Not one transaction around it all: a first contact inserts in a transaction of its own <em>before</em> the
     * one that refreshes, never inside it. Nested, every first contact held one pooled connection while waiting for
     * a second, and a burst of them (an install wave, a roster enrolment) as large as the pool stalled every turn
     * until the pool's timeout.
     */
    public Participant recognise(TeamsIdentity identity, String conversationReference) {
        String zone = validZone(identity.timeZone());
        Participant unchanged = readIfUnchanged(identity, zone, conversationReference);
        if (unchanged != null) {
            return unchanged;
        }
        Participant known = transaction.execute(tx -> participants
                .findByTenantIdAndIdentityKey(identity.tenantOrBlank(), identity.identityKey())
                .map(p -> refreshed(p, identity, zone, conversationReference)).orElse(null));
        if (known != null) {
            return known;
        }
        DataIntegrityViolationException refused = insertUnlessPresent(identity, zone);
        return transaction.execute(tx -> refreshed(participants
                .findByTenantIdAndIdentityKey(identity.tenantOrBlank(), identity.identityKey())
                .orElseThrow(() -> refused != null ? refused : new IllegalStateException("participant not stored")),
                identity, zone, conversationReference));
    }

    /**
     * Most turns come from someone known whose name, ids, time zone and conversation are as stored: then one plain
     * read, without a transaction or a persistence context, answers (a refreshing transaction cost two commits and a
     * Hibernate session on every turn and changed nothing). Null when they are new or something would change; the
     * caller then refreshes in a transaction, deciding afresh on the entity it loads there.
     */
    private Participant readIfUnchanged(TeamsIdentity identity, String zone, String conversationReference) {
        Participant stored = jdbc.query("select " + Participant.COLUMNS + " from participant where tenant_id = ? "
                        + "and identity_key = ?", rows -> rows.next() ? Participant.read(rows) : null,
                identity.tenantOrBlank(), identity.identityKey());
        if (stored == null) {
            return null;
        }
        // The copy is detached: changing it here stores nothing, it only tells whether a refresh would.
        return refresh(stored, identity, zone, conversationReference) ? null : stored;
    }

    /**
     * {@link #recognise} for someone who has not written to Waymark (the demo's sample leaders): no conversation
     * reference, and the person as a value.
     */
    public ParticipantInfo register(TeamsIdentity identity) {
        return recognise(identity, null).info();
    }

    /**
     * The time zone Teams reports is kept only once the person has agreed to the notice: before that, Waymark keeps
     * only what it needs to reach them and remember their answer ({@code PrivacyNotice.BEFORE_AGREEING}).
     */
    private boolean refresh(Participant participant, TeamsIdentity identity, String zone, String conversationReference) {
        var now = clock.instant();
        // Asked only when Teams reports a zone other than the one kept: most turns cost no extra read.
        boolean keepZone = zone != null && !zone.equals(participant.getTimeZone())
                && consent.hasConsented(participant.getId());
        boolean changed = participant.refreshFrom(identity, keepZone ? zone : null, now);
        return participant.rememberConversation(conversationReference, now) || changed;
    }

    private Participant refreshed(Participant participant, TeamsIdentity identity, String zone,
                                  String conversationReference) {
        refresh(participant, identity, zone, conversationReference);
        return participant;
    }

    @Transactional(readOnly = true)
    public Optional<Participant> find(TeamsIdentity identity) {
        return participants.findByTenantIdAndIdentityKey(identity.tenantOrBlank(), identity.identityKey());
    }

    /** A person by id, for modules that hold only the id (empty once they erased their data). */
    @Transactional(readOnly = true)
    public Optional<ParticipantInfo> find(long participantId) {
        return participants.findById(participantId).map(Participant::info);
    }

    /**
     * These people by id, in one read per thousand (PostgreSQL takes at most 32,767 parameters in one statement);
     * those gone are missing.
     */
    @Transactional(readOnly = true)
    public Map<Long, ParticipantInfo> findAll(Collection<Long> participantIds) {
        List<Long> ids = new ArrayList<>(participantIds);
        Map<Long, ParticipantInfo> people = new HashMap<>();
        for (int i = 0; i < ids.size(); i += 1000) {
            participants.findAllById(ids.subList(i, Math.min(ids.size(), i + 1000)))
                    .forEach(p -> people.put(p.getId(), p.info()));
        }
        return people;
    }

    /** Marks the welcome as sent; returns false when someone already welcomed this person (no double welcome). */
    @Transactional
    public boolean claimWelcome(long participantId) {
        // Gone when they erased their data while this turn was on its way: nobody to welcome.
        Participant participant = participants.findById(participantId).orElse(null);
        if (participant == null || participant.getWelcomedAt() != null) {
            return false;
        }
        participant.markWelcomed(clock.instant());
        return true;
    }

    /** The person removed the app or blocked the bot: stop every proactive message to them at once. */
    @Transactional
    public void markUnreachable(TeamsIdentity identity) {
        find(identity).ifPresent(p -> p.markUnreachable(clock.instant()));
    }

    @Transactional
    public void markUnreachable(long participantId) {
        participants.findById(participantId).ifPresent(p -> p.markUnreachable(clock.instant()));
    }

    /**
     * Where to reach each of these people (the opaque 1:1 conversation reference the edge stored), by id; those
     * never reached are missing. One read per thousand people: the outbox asks once per batch it sends.
     */
    @Transactional(readOnly = true)
    public Map<Long, String> conversationReferences(Collection<Long> participantIds) {
        List<Long> ids = new ArrayList<>(participantIds);
        Map<Long, String> references = new HashMap<>();
        for (int i = 0; i < ids.size(); i += 1000) {
            for (Object[] row : participants.findConversationReferences(ids.subList(i, Math.min(ids.size(), i + 1000)))) {
                references.put(((Number) row[0]).longValue(), (String) row[1]);
            }
        }
        return references;
    }

    /**
     * Inserts in a transaction of its own: Teams sends install and first contact together, and when two turns race
     * the loser's insert fails on the unique identity (aborting only this transaction) and it reads the winner's row.
     * Returns the refusal, if any, for when there turns out to be no winner.
     */
    private DataIntegrityViolationException insertUnlessPresent(TeamsIdentity identity, String zone) {
        try {
            newTransaction.executeWithoutResult(tx -> participants.saveAndFlush(
                    new Participant(identity, DEFAULT_TIME_ZONE, clock.instant())));
            return null;
        } catch (DataIntegrityViolationException concurrentInsert) {
            return concurrentInsert;
        }
    }

    /**
     * Teams sends IANA names; anything we cannot parse is ignored rather than stored. So is plain UTC (or GMT): it is
     * what a device set to no zone reports (a server, a virtual desktop, the Agents Playground on a UTC machine), it
     * says nothing about where someone works, and kept it would tell a UK user their check-ins follow "UTC". Someone
     * who really wants UTC says "time zone UTC", their own choice, which comes first anyway.
     */
    static String validZone(String zone) {
        if (zone == null || zone.isBlank()) {
            return null;
        }
        try {
            ZoneId id = ZoneId.of(zone.trim());
            return id.normalized().equals(ZoneOffset.UTC) ? null : id.getId();
        } catch (DateTimeException e) {
            return null;
        }
    }
}
