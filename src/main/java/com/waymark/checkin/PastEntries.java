package com.waymark.checkin;

import java.sql.PreparedStatement;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;

import com.waymark.privacy.ConsentService;
import com.waymark.privacy.FieldCipher;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * History written as history: check-ins and actions with the times they happened, for seeding a sample programme (the
 * {@code demo} profile). No chat reaches it. Texts are encrypted as the entities store them, and each person's consent
 * is checked first, as for anything recorded about them ({@link ConsentService#lockForRecording}). The SQL stays here,
 * with the tables it writes.
 */
@Component
public class PastEntries {

    /** A check-in as it was submitted on a card, at {@code submittedAt}, counting for {@code programmeId}. */
    public record PastCheckIn(long participantId, long programmeId, int wellbeing, int energy, String promptId,
                              String reflection, boolean quoteOk, Instant submittedAt) {
    }

    /** An action in someone's plan, made at {@code createdAt}; done at {@code completedAt}, or still open (null). */
    public record PastAction(long participantId, int number, String text, Instant createdAt, Instant completedAt) {
    }

    private final JdbcTemplate jdbc;
    private final FieldCipher cipher;
    private final ConsentService consent;

    PastEntries(JdbcTemplate jdbc, FieldCipher cipher, ConsentService consent) {
        this.jdbc = jdbc;
        this.cipher = cipher;
        this.consent = consent;
    }

    /** Writes these check-ins in one batch, inside the caller's transaction. */
    @Transactional(propagation = Propagation.MANDATORY)
    public void checkIns(List<PastCheckIn> checkIns) {
        checkIns.stream().map(PastCheckIn::participantId).distinct().sorted().forEach(consent::lockForRecording);
        jdbc.batchUpdate("insert into check_in (participant_id, wellbeing, energy, prompt_id, reflection, quote_ok, "
                        + "source, submitted_at, programme_id) values (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                checkIns.stream().map(c -> new Object[] {c.participantId(), c.wellbeing(), c.energy(), c.promptId(),
                        cipher.encrypt(c.reflection()), c.quoteOk(), CheckInSubmission.Source.CARD.name(),
                        Timestamp.from(c.submittedAt()), c.programmeId()}).toList());
    }

    /**
     * Writes these actions with their history (created, and done when it was), inside the caller's transaction;
     * returns their ids in the same order (a commitment made after a past session names its action).
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public List<Long> actions(List<PastAction> actions) {
        List<Long> ids = new java.util.ArrayList<>();
        actions.stream().map(PastAction::participantId).distinct().sorted().forEach(consent::lockForRecording);
        for (PastAction action : actions) {
            boolean done = action.completedAt() != null;
            KeyHolder key = new GeneratedKeyHolder();
            jdbc.update(connection -> {
                PreparedStatement insert = connection.prepareStatement("insert into action_item (participant_id, "
                        + "number, text, status, created_at, completed_at) values (?, ?, ?, ?, ?, ?)", new String[] {"id"});
                insert.setLong(1, action.participantId());
                insert.setInt(2, action.number());
                insert.setString(3, cipher.encrypt(action.text()));
                insert.setString(4, (done ? ActionItem.Status.DONE : ActionItem.Status.OPEN).name());
                insert.setTimestamp(5, Timestamp.from(action.createdAt()));
                insert.setTimestamp(6, done ? Timestamp.from(action.completedAt()) : null);
                return insert;
            }, key);
            long actionId = key.getKey().longValue();
            ids.add(actionId);
            jdbc.update("insert into action_event (action_id, type, at) values (?, 'CREATED', ?)", actionId,
                    Timestamp.from(action.createdAt()));
            if (done) {
                jdbc.update("insert into action_event (action_id, type, at) values (?, 'DONE', ?)", actionId,
                        Timestamp.from(action.completedAt()));
            }
        }
        return ids;
    }
}
