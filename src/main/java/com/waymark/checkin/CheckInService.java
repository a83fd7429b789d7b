package com.waymark.checkin;

import java.sql.PreparedStatement;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import com.waymark.privacy.ConsentService;
import com.waymark.privacy.FieldCipher;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Validates and records check-ins, and answers with the participant's own trend. */
@EnableConfigurationProperties(CheckInSettings.class)
@Service
public class CheckInService {

    static final int TREND_LENGTH = 12;

    private final CheckInRepository checkIns;
    private final PromptLibrary prompts;
    private final Clock clock;
    private final ApplicationEventPublisher events;
    private final JdbcTemplate jdbc;
    private final int maxReflectionChars;
    private final ConsentService consent;
    private final FieldCipher cipher;

    public CheckInService(CheckInRepository checkIns, PromptLibrary prompts, Clock clock,
                          ApplicationEventPublisher events, JdbcTemplate jdbc,
                          CheckInSettings settings,
                          ConsentService consent, FieldCipher cipher) {
        this.consent = consent;
        this.cipher = cipher;
        this.checkIns = checkIns;
        this.jdbc = jdbc;
        this.prompts = prompts;
        this.clock = clock;
        this.events = events;
        this.maxReflectionChars = settings.maxReflectionChars();
    }

    /** The prompt this participant should reflect on next. */
    @Transactional(readOnly = true)
    public Prompt nextPrompt(long participantId) {
        return prompts.next(participantId, checkIns.findPromptIds(participantId));
    }

    /**
     * Validates everything before storing so that a bad submission stores nothing at all. Consent comes first, before
     * even the validation: the edge leaves the asking to this method ({@code consentAskedByService}), so someone who
     * has not agreed gets the notice whatever they sent, as when the edge asked.
     */
    @Transactional
    public CheckInResult record(long participantId, CheckInSubmission submission) {
        consent.lockForRecording(participantId);
        List<String> problems = validate(submission);
        if (!problems.isEmpty()) {
            return new CheckInResult.Rejected(problems);
        }
        String reflection = submission.reflection() == null || submission.reflection().isBlank()
                ? null : submission.reflection().strip();
        var clean = new CheckInSubmission(submission.wellbeingRaw(), submission.energyRaw(),
                prompts.find(submission.promptId()).map(Prompt::id).orElse(null), reflection,
                submission.quoteOk() && reflection != null, submission.source(), submission.programmeId(),
                submission.occurrenceId());
        Instant submittedAt = clock.instant();
        long id = insert(participantId, clean, submittedAt);
        events.publishEvent(new CheckInRecorded(id, participantId, submission.occurrenceId(), submittedAt,
                clean.source(), clean.reflection() != null));
        return new CheckInResult.Saved(id, participantId, clean.wellbeing(), clean.reflection(), clean.quoteOk(),
                trend(participantId));
    }

    /**
     * The check-in's row, written as the {@link CheckIn} entity maps it (the reflection encrypted as its converter
     * does), in one plain statement: the turn needs the id and nothing else of Hibernate's persist (an entity in the
     * session, its action queue, the repository's interceptors), which cost more than the insert itself under load.
     */
    private long insert(long participantId, CheckInSubmission clean, Instant submittedAt) {
        KeyHolder key = new GeneratedKeyHolder();
        jdbc.update(connection -> {
            PreparedStatement insert = connection.prepareStatement("insert into check_in (participant_id, wellbeing, "
                    + "energy, prompt_id, reflection, quote_ok, source, submitted_at, programme_id, occurrence_id) "
                    + "values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", new String[] {"id"});
            insert.setLong(1, participantId);
            insert.setShort(2, (short) clean.wellbeing());
            insert.setShort(3, (short) clean.energy());
            insert.setString(4, clean.promptId());
            insert.setString(5, cipher.encrypt(clean.reflection())); // null stays null
            insert.setBoolean(6, clean.quoteOk());
            insert.setString(7, clean.source().name());
            insert.setTimestamp(8, Timestamp.from(submittedAt));
            insert.setObject(9, clean.programmeId(), Types.BIGINT);
            insert.setObject(10, clean.occurrenceId(), Types.BIGINT);
            return insert;
        }, key);
        return key.getKey().longValue();
    }

    /**
     * The latest {@value #TREND_LENGTH} ratings and the total, in one statement on the covering index (every
     * check-in's answer shows it): the index alone answers it, counting the person's entries, and no reflection is
     * loaded or decrypted. Ordered by person as well, as the index is: then H2 returns the rows in index order;
     * ordered by time alone it sorts the whole history. The total is a scalar subquery, evaluated once: a window
     * ({@code count(*) over ()}) would make the database gather the person's whole history before it takes the latest
     * rows, twice the cost at a few hundred entries. Plain JDBC inside the caller's transaction, which sees the
     * check-in just saved.
     */
    @Transactional(readOnly = true)
    public Trend trend(long participantId) {
        List<int[]> recent = new ArrayList<>(jdbc.query("select wellbeing, energy, "
                + "(select count(*) from check_in where participant_id = ?) from check_in "
                + "where participant_id = ? order by participant_id desc, submitted_at desc "
                + "fetch first " + TREND_LENGTH + " rows only",
                (row, n) -> new int[] {row.getInt(1), row.getInt(2), row.getInt(3)}, participantId, participantId));
        Collections.reverse(recent);
        return new Trend(recent.stream().map(r -> r[0]).toList(), recent.stream().map(r -> r[1]).toList(),
                recent.isEmpty() ? 0 : recent.get(0)[2]);
    }

    private List<String> validate(CheckInSubmission submission) {
        List<String> problems = new ArrayList<>();
        if (!isRating(submission.wellbeingRaw())) {
            problems.add("Please choose a wellbeing rating from 1 to 5.");
        }
        if (!isRating(submission.energyRaw())) {
            problems.add("Please choose an energy rating from 1 to 5.");
        }
        if (submission.reflection() != null && submission.reflection().length() > maxReflectionChars) {
            problems.add("Your reflection is longer than " + maxReflectionChars
                    + " characters. Could you shorten it a little? Nothing has been saved yet.");
        }
        return problems;
    }

    private static boolean isRating(String raw) {
        String rating = raw == null ? null : raw.trim();
        return rating != null && rating.length() == 1 && rating.charAt(0) >= '1' && rating.charAt(0) <= '5';
    }
}
