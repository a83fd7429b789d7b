package com.waymark.question;

import java.util.List;

import com.waymark.privacy.EncryptedColumn;
import com.waymark.privacy.EncryptedColumns;
import com.waymark.privacy.ProgrammeDataHolder;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The cohort questions' share of privacy's registries. Not a {@code PersonalDataHolder}: a question is the programme's,
 * not data about its author or any participant (see {@link CohortQuestions}); its one link to a person, who asked it,
 * goes with that person through the foreign key. Retention takes a programme's questions with the answers to them, and
 * key rotation re-encrypts their text.
 */
@Component
class CohortQuestionData implements ProgrammeDataHolder, EncryptedColumns {

    static final EncryptedColumn QUESTION = EncryptedColumn.text("cohort_question", "question");

    private final JdbcTemplate jdbc;

    CohortQuestionData(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public String name() {
        return "cohortQuestions";
    }

    /** Once the programme's answers are erased, nobody needs the questions they answered. */
    @Override
    public int eraseProgrammeData(long programmeId) {
        return jdbc.update("delete from cohort_question where programme_id = ?", programmeId);
    }

    @Override
    public List<EncryptedColumn> encryptedColumns() {
        return List.of(QUESTION);
    }
}
