package com.waymark.evaluation;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import com.waymark.outbox.OutboxService;
import com.waymark.privacy.ConsentService;
import com.waymark.privacy.FieldCipher;
import com.waymark.programme.ProgrammeInfo;
import com.waymark.programme.Programmes;
import com.waymark.programme.ProgrammesEnding;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A programme's end-of-programme evaluation: the elements people rate (the standard four and those the coach adds),
 * sending it (by the coach, or by itself {@link EvaluationSettings#daysBeforeEnd} days before the programme's end
 * date), and each person's answer. One round per programme; sending again reaches only members who joined since.
 * What a coach may see of the answers is {@link EvaluationReport}'s.
 */
@Service
public class EvaluationService {

    /** What sending did: how many people it newly reached, and whether the evaluation had gone out before. */
    public record Sent(String programmeName, int invited, boolean sentBefore, Instant firstSentAt, int outcomeInvited) {
    }

    /** What a person's evaluation card asks, when it is sent. */
    public record Invitation(long programmeId, long roundId, String programmeName, List<Element> elements,
                             boolean answered) {
    }

    private final JdbcTemplate jdbc;
    private final FieldCipher cipher;
    private final Programmes programmes;
    private final ProgrammesEnding ending;
    private final OutboxService outbox;
    private final ConsentService consent;
    private final OutcomeMeasureService outcomes;
    private final EvaluationSettings settings;
    private final Clock clock;

    EvaluationService(JdbcTemplate jdbc, FieldCipher cipher, Programmes programmes,
                      ProgrammesEnding ending, OutboxService outbox, ConsentService consent,
                      OutcomeMeasureService outcomes, EvaluationSettings settings, Clock clock) {
        this.jdbc = jdbc;
        this.cipher = cipher;
        this.programmes = programmes;
        this.ending = ending;
        this.outbox = outbox;
        this.consent = consent;
        this.outcomes = outcomes;
        this.settings = settings;
        this.clock = clock;
    }

    /** The elements people of this programme rate, in the card's order: the standard four, then the coach's. */
    @Transactional(readOnly = true)
    public List<Element> elements(long programmeId) {
        List<Element> all = new ArrayList<>(Element.STANDARD);
        all.addAll(jdbc.query("select id, name from evaluation_element where programme_id = ? order by id",
                (rs, i) -> new Element("custom-" + rs.getLong(1), rs.getString(2)), programmeId));
        return all;
    }

    /** A coach names one more element of their programme to be rated, for example "Action learning sets". */
    @Transactional
    public Element addElement(long coachId, long programmeId, String name) {
        ProgrammeInfo programme = programmes.coached(coachId, programmeId);
        String clean = name == null ? "" : name.strip().replaceAll("\\s+", " ");
        if (clean.isEmpty()) {
            throw new EvaluationProblem("Please name the element, for example: evaluation add element Action "
                    + "learning sets");
        }
        if (clean.length() > Element.MAX_NAME) {
            throw new EvaluationProblem("Please keep an element's name to " + Element.MAX_NAME + " characters (it "
                    + "is a label on the card), for example: evaluation add element Action learning sets");
        }
        List<Element> existing = elements(programmeId);
        if (existing.stream().anyMatch(e -> e.name().toLowerCase(Locale.ROOT).equals(clean.toLowerCase(Locale.ROOT)))) {
            throw new EvaluationProblem("\"" + clean + "\" is already on the evaluation of \"" + programme.name()
                    + "\".");
        }
        if (existing.size() - Element.STANDARD.size() >= Element.MAX_ADDED) {
            throw new EvaluationProblem("The evaluation of \"" + programme.name() + "\" already has "
                    + Element.MAX_ADDED + " elements of your own, the most it takes so that it stays quick to answer.");
        }
        if (round(programmeId).isPresent()) {
            throw new EvaluationProblem("The evaluation of \"" + programme.name() + "\" has been sent, so its "
                    + "elements stay as they were: everyone is asked the same questions.");
        }
        long id = Rows.insert(jdbc, "insert into evaluation_element (programme_id, name, added_at) values (?, ?, ?)",
                programmeId, clean, Rows.utc(clock.instant()));
        return new Element("custom-" + id, clean);
    }

    /** When the evaluation was sent, if it has been. */
    @Transactional(readOnly = true)
    public Optional<Instant> sentAt(long programmeId) {
        return round(programmeId).map(Round::sentAt);
    }

    /**
     * The day, in the programme's time zone, from which the tick sends its evaluation by itself: {@link
     * EvaluationSettings#daysBeforeEnd} days before its end date. Empty when it has no end date.
     */
    public Optional<LocalDate> sendsItselfOn(ProgrammeInfo programme) {
        return Optional.ofNullable(programme.settings().endsOn()).map(end -> end.minusDays(settings.daysBeforeEnd()));
    }

    /** The coach sends the evaluation now, to every active member not yet sent it. */
    @Transactional
    public Sent send(long coachId, long programmeId) {
        return send(programmes.coached(coachId, programmeId), false);
    }

    /**
     * The tick: every programme whose end date is within {@link EvaluationSettings#daysBeforeEnd} days, in its own
     * time zone, and whose evaluation has not been sent, is sent it now. Returns how many programmes were.
     */
    @Transactional
    public int sendDue() {
        int sent = 0;
        for (ProgrammeInfo programme : ending.endingWithin(clock.instant(), settings.daysBeforeEnd())) {
            // A programme with nobody in it yet is left for a later tick, or for its coach.
            if (round(programme.id()).isEmpty()
                    && !programmes.activeMemberGroups(programme.id()).isEmpty()) {
                send(programme, true);
                sent++;
            }
        }
        return sent;
    }

    private Sent send(ProgrammeInfo programme, boolean automatic) {
        long programmeId = programme.id();
        Optional<Round> before = round(programmeId);
        Set<Long> members = programmes.activeMemberGroups(programmeId).keySet();
        if (before.isEmpty() && members.isEmpty()) {
            throw new EvaluationProblem("\"" + programme.name() + "\" has no members yet, so there is nobody to "
                    + "send the evaluation to. It is ready for when they have joined.");
        }
        Instant now = clock.instant();
        long roundId = before.map(Round::id).orElseGet(() -> Rows.insert(jdbc,
                "insert into evaluation_round (programme_id, sent_at, automatic) values (?, ?, ?)", programmeId,
                Rows.utc(now), automatic));
        int invited = 0;
        for (long member : members.stream().sorted().toList()) {
            if (outbox.enqueue("evaluation:" + roundId + ":" + member, member,
                    new EvaluationInvite(programmeId, roundId), now)) {
                invited++;
            }
        }
        int outcome = outcomes.queueEnd(programmeId, members);
        return new Sent(programme.name(), invited, before.isPresent(),
                before.map(Round::sentAt).orElse(now), outcome);
    }

    /** What the person's card asks, while they are an active member of a programme whose evaluation was sent. */
    @Transactional(readOnly = true)
    public Optional<Invitation> invitation(long participantId, long programmeId) {
        Optional<Round> round = round(programmeId);
        if (round.isEmpty() || !programmes.activeMemberGroups(programmeId).containsKey(participantId)) {
            return Optional.empty();
        }
        Optional<ProgrammeInfo> programme = programmes.find(programmeId);
        if (programme.isEmpty()) {
            return Optional.empty();
        }
        boolean answered = !jdbc.queryForList("select id from evaluation_response where round_id = ? "
                + "and participant_id = ?", Long.class, round.get().id(), participantId).isEmpty();
        return Optional.of(new Invitation(programmeId, round.get().id(), programme.get().name(),
                elements(programmeId), answered));
    }

    /**
     * Stores a person's answer (replacing an earlier one of theirs, so the last word counts). Consent first; then
     * everything is checked before anything is written.
     */
    @Transactional
    public void answer(long participantId, long programmeId, EvaluationAnswer answer) {
        consent.lockForRecording(participantId);
        Round round = round(programmeId).orElseThrow(() -> new EvaluationProblem(
                "There is no evaluation open for that programme, so nothing was saved."));
        if (!programmes.activeMemberGroups(programmeId).containsKey(participantId)) {
            throw new EvaluationProblem("Only the programme's members answer its evaluation, so nothing was saved.");
        }
        Set<String> keys = new java.util.HashSet<>(elements(programmeId).stream().map(Element::key).toList());
        for (Map.Entry<String, Integer> rating : answer.ratings().entrySet()) {
            if (!keys.contains(rating.getKey())) {
                throw new EvaluationProblem("That card is out of date: the evaluation's elements have changed. "
                        + "Nothing was saved.");
            }
            if (rating.getValue() < 1 || rating.getValue() > 5) {
                throw new EvaluationProblem("Please rate each element from 1 (poor) to 5 (excellent).");
            }
        }
        if (answer.recommend() < 0 || answer.recommend() > 10) {
            throw new EvaluationProblem("Please choose how likely you are to recommend it, from 0 to 10.");
        }
        for (String text : new String[] {answer.mostUseful(), answer.wouldChange()}) {
            if (text != null && text.length() > EvaluationAnswer.MAX_TEXT) {
                throw new EvaluationProblem("Please keep each answer to " + EvaluationAnswer.MAX_TEXT
                        + " characters, so nothing is cut off. Nothing was saved yet.");
            }
        }
        jdbc.update("delete from evaluation_response where round_id = ? and participant_id = ?", round.id(),
                participantId);
        long responseId = Rows.insert(jdbc, "insert into evaluation_response (round_id, programme_id, participant_id, "
                        + "recommend, most_useful, would_change, quote_ok, answered_at) values (?, ?, ?, ?, ?, ?, ?, ?)",
                round.id(), programmeId, participantId, answer.recommend(), seal(answer.mostUseful()),
                seal(answer.wouldChange()), answer.quoteOk(), Rows.utc(clock.instant()));
        answer.ratings().forEach((key, rating) -> jdbc.update("insert into evaluation_rating (response_id, "
                + "element_key, rating) values (?, ?, ?)", responseId, key, rating));
    }

    private String seal(String text) {
        return text == null || text.isBlank() ? null : cipher.encrypt(text.strip());
    }

    record Round(long id, Instant sentAt, boolean automatic) {
    }

    Optional<Round> round(long programmeId) {
        return jdbc.query("select id, sent_at, automatic from evaluation_round where programme_id = ?",
                (rs, i) -> new Round(rs.getLong(1), Rows.instant(rs.getObject(2, OffsetDateTime.class)),
                        rs.getBoolean(3)), programmeId).stream().findFirst();
    }
}
