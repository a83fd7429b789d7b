package com.waymark.evaluation;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import com.waymark.privacy.FieldCipher;
import com.waymark.privacy.PersonalDataHolder;
import com.waymark.privacy.ProgrammeDataHolder;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * A person's evaluation answers and outcome-measure answers: theirs to export and erase, and a programme's to erase
 * once its retention has passed. What a coach was released before stays as the ledger's figures, which name nobody.
 */
@Component
class EvaluationData implements PersonalDataHolder, ProgrammeDataHolder {

    record EvaluationAnswerExport(long programmeId, Instant answeredAt, Map<String, Integer> ratings, int recommend,
                                  String mostUseful, String wouldChange, boolean okToQuote) {
    }

    record OutcomeAnswerExport(long programmeId, String measure, OutcomeMeasure.Phase phase, Instant answeredAt,
                               List<String> answers, double score) {
    }

    record Export(List<EvaluationAnswerExport> evaluations, List<OutcomeAnswerExport> outcomeMeasure) {
    }

    private final JdbcTemplate jdbc;
    private final FieldCipher cipher;

    EvaluationData(JdbcTemplate jdbc, FieldCipher cipher) {
        this.jdbc = jdbc;
        this.cipher = cipher;
    }

    @Override
    public String name() {
        return "evaluation";
    }

    @Override
    public Export export(long participantId) {
        Map<Long, Map<String, Integer>> ratings = new HashMap<>();
        jdbc.query("select r.response_id, r.element_key, r.rating from evaluation_rating r join evaluation_response e "
                + "on e.id = r.response_id where e.participant_id = ?", rs -> {
                    ratings.computeIfAbsent(rs.getLong(1), id -> new HashMap<>()).put(rs.getString(2), rs.getInt(3));
                }, participantId);
        List<EvaluationAnswerExport> evaluations = jdbc.query("select id, programme_id, answered_at, recommend, "
                        + "most_useful, would_change, quote_ok from evaluation_response where participant_id = ? "
                        + "order by id",
                (rs, i) -> new EvaluationAnswerExport(rs.getLong(2),
                        Rows.instant(rs.getObject(3, OffsetDateTime.class)),
                        ratings.getOrDefault(rs.getLong(1), Map.of()), rs.getInt(4), open(rs.getString(5)),
                        open(rs.getString(6)), rs.getBoolean(7)), participantId);
        List<OutcomeAnswerExport> outcomes = jdbc.query("select programme_id, phase, answered_at, answers, score "
                        + "from outcome_response where participant_id = ? order by id",
                (rs, i) -> new OutcomeAnswerExport(rs.getLong(1), OutcomeMeasure.NAME,
                        OutcomeMeasure.Phase.valueOf(rs.getString(2)),
                        Rows.instant(rs.getObject(3, OffsetDateTime.class)), words(rs.getString(4)), rs.getDouble(5)),
                participantId);
        return new Export(evaluations, outcomes);
    }

    /** The options they chose, in the items' own words, so the export reads without this code. */
    private static List<String> words(String stored) {
        List<Integer> answers = OutcomeMeasureService.decode(stored);
        return java.util.stream.IntStream.range(0, answers.size())
                .mapToObj(i -> OutcomeMeasure.ITEMS.get(i).text() + " "
                        + (answers.get(i) == null ? "(not answered)" : OutcomeMeasure.ITEMS.get(i).options()
                        .get(answers.get(i))))
                .toList();
    }

    private String open(String stored) {
        return stored == null ? null : cipher.decrypt(stored);
    }

    @Override
    public int erase(long participantId) {
        return jdbc.update("delete from evaluation_response where participant_id = ?", participantId)
                + jdbc.update("delete from outcome_response where participant_id = ?", participantId);
    }

    @Override
    public int eraseProgrammeData(long programmeId) {
        return jdbc.update("delete from evaluation_response where programme_id = ?", programmeId)
                + jdbc.update("delete from outcome_response where programme_id = ?", programmeId);
    }
}
