package com.waymark.evaluation;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Collectors;

import com.waymark.outbox.OutboxService;
import com.waymark.privacy.ConsentService;
import com.waymark.programme.MembershipStarted;
import com.waymark.programme.ProgrammeInfo;
import com.waymark.programme.Programmes;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The optional outcome measure ({@link OutcomeMeasure}): off unless the coach turns it on. Turned on, every current
 * member is asked its items once as a baseline, and so is everyone who joins afterwards (on
 * {@link MembershipStarted}, in the enrolment's own transaction); at the end, sending the evaluation asks them again.
 */
@Service
public class OutcomeMeasureService {

    /** What turning it on or off did. */
    public record Switched(String programmeName, boolean enabled, boolean changed, int invited) {
    }

    /** What a person's outcome card asks. */
    public record Invitation(long programmeId, String programmeName, OutcomeMeasure.Phase phase, boolean answered) {
    }

    /** One stored answer set, for the cohort's figures and for the person's own export. */
    record Scored(long id, long participantId, OutcomeMeasure.Phase phase, double score, Instant answeredAt) {
    }

    private final JdbcTemplate jdbc;
    private final Programmes programmes;
    private final OutboxService outbox;
    private final ConsentService consent;
    private final Clock clock;

    OutcomeMeasureService(JdbcTemplate jdbc, Programmes programmes,
                          OutboxService outbox, ConsentService consent, Clock clock) {
        this.jdbc = jdbc;
        this.programmes = programmes;
        this.outbox = outbox;
        this.consent = consent;
        this.clock = clock;
    }

    @Transactional(readOnly = true)
    public boolean enabled(long programmeId) {
        return jdbc.queryForList("select enabled from outcome_measure_setting where programme_id = ?", Boolean.class,
                programmeId).stream().anyMatch(Boolean.TRUE::equals);
    }

    /** The coach turns the measure on (asking every current member for a baseline) or off (asking nobody more). */
    @Transactional
    public Switched setEnabled(long coachId, long programmeId, boolean on) {
        ProgrammeInfo programme = programmes.coached(coachId, programmeId);
        boolean was = enabled(programmeId);
        if (jdbc.update("update outcome_measure_setting set enabled = ?, changed_at = ? where programme_id = ?", on,
                Rows.utc(clock.instant()), programmeId) == 0) {
            jdbc.update("insert into outcome_measure_setting (programme_id, enabled, changed_at) values (?, ?, ?)",
                    programmeId, on, Rows.utc(clock.instant()));
        }
        int invited = 0;
        if (on) {
            for (long member : programmes.activeMemberGroups(programmeId).keySet().stream().sorted().toList()) {
                invited += queue(programmeId, member, OutcomeMeasure.Phase.START) ? 1 : 0;
            }
        }
        return new Switched(programme.name(), on, was != on, invited);
    }

    /** A new member of a programme that measures outcomes is asked for their baseline, in the same commit. */
    @EventListener
    void onMembershipStarted(MembershipStarted started) {
        if (enabled(started.programmeId())) {
            queue(started.programmeId(), started.participantId(), OutcomeMeasure.Phase.START);
        }
    }

    /** The end of the programme: each member is asked again (by the evaluation's sending); returns how many. */
    int queueEnd(long programmeId, Collection<Long> members) {
        if (!enabled(programmeId)) {
            return 0;
        }
        int queued = 0;
        for (long member : members.stream().sorted().toList()) {
            queued += queue(programmeId, member, OutcomeMeasure.Phase.END) ? 1 : 0;
        }
        return queued;
    }

    private boolean queue(long programmeId, long participantId, OutcomeMeasure.Phase phase) {
        if (answered(programmeId, participantId, phase)) {
            return false;
        }
        return outbox.enqueue("outcome:" + phase.name().toLowerCase() + ":" + programmeId + ":" + participantId,
                participantId, new OutcomeInvite(programmeId, phase), clock.instant());
    }

    private boolean answered(long programmeId, long participantId, OutcomeMeasure.Phase phase) {
        return !jdbc.queryForList("select id from outcome_response where programme_id = ? and participant_id = ? "
                + "and phase = ?", Long.class, programmeId, participantId, phase.name()).isEmpty();
    }

    /** What the person's card asks, while the measure is on and they are an active member. */
    @Transactional(readOnly = true)
    public Optional<Invitation> invitation(long participantId, long programmeId, OutcomeMeasure.Phase phase) {
        if (!enabled(programmeId) || !programmes.activeMemberGroups(programmeId).containsKey(participantId)) {
            return Optional.empty();
        }
        return programmes.find(programmeId).map(p -> new Invitation(programmeId, p.name(), phase,
                answered(programmeId, participantId, phase)));
    }

    /**
     * Stores a person's answers (each the option chosen, or null when skipped), scored by the published rule;
     * a second answer for the same phase replaces the first. Consent first; everything checked before writing.
     */
    @Transactional
    public void record(long participantId, long programmeId, OutcomeMeasure.Phase phase, List<Integer> answers) {
        consent.lockForRecording(participantId);
        if (!enabled(programmeId) || !programmes.activeMemberGroups(programmeId).containsKey(participantId)) {
            throw new EvaluationProblem("That questionnaire is no longer being asked in this programme, so nothing "
                    + "was saved.");
        }
        if (answers.size() != OutcomeMeasure.ITEMS.size()
                || answers.stream().filter(Objects::nonNull).anyMatch(a -> a < 0 || a > 4)) {
            throw new EvaluationProblem("That card is not one I can read, so nothing was saved. Please use the "
                    + "buttons on the questionnaire.");
        }
        if (answers.stream().filter(Objects::nonNull).count() < OutcomeMeasure.MIN_ANSWERED) {
            throw new EvaluationProblem("Please answer at least " + OutcomeMeasure.MIN_ANSWERED + " of the "
                    + OutcomeMeasure.ITEMS.size() + " questions: with fewer, the questionnaire's authors count it as "
                    + "not answered. Nothing was saved yet.");
        }
        double score = OutcomeMeasure.score(answers);
        jdbc.update("delete from outcome_response where programme_id = ? and participant_id = ? and phase = ?",
                programmeId, participantId, phase.name());
        jdbc.update("insert into outcome_response (programme_id, participant_id, phase, answers, score, answered_at) "
                        + "values (?, ?, ?, ?, ?, ?)", programmeId, participantId, phase.name(), encode(answers), score,
                Rows.utc(clock.instant()));
    }

    /** Every scored answer set of the programme, by person and phase. */
    List<Scored> scored(long programmeId) {
        return jdbc.query("select id, participant_id, phase, score, answered_at from outcome_response "
                        + "where programme_id = ? order by id",
                (rs, i) -> new Scored(rs.getLong(1), rs.getLong(2), OutcomeMeasure.Phase.valueOf(rs.getString(3)),
                        rs.getDouble(4), Rows.instant(rs.getObject(5, java.time.OffsetDateTime.class))), programmeId);
    }

    /** Each answer as one character: the option's index, or "-" for a skipped item ("0-243-1"). */
    static String encode(List<Integer> answers) {
        return answers.stream().map(a -> a == null ? "-" : Integer.toString(a)).collect(Collectors.joining());
    }

    static List<Integer> decode(String stored) {
        List<Integer> answers = new ArrayList<>();
        for (char c : stored.toCharArray()) {
            answers.add(c == '-' ? null : c - '0');
        }
        return answers;
    }

    static Map<OutcomeMeasure.Phase, Scored> byPhase(List<Scored> scored, long participantId) {
        return scored.stream().filter(s -> s.participantId() == participantId)
                .collect(Collectors.toMap(Scored::phase, s -> s, (a, b) -> b));
    }
}
