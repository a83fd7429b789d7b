package com.waymark.insight;

import java.util.List;

import com.waymark.checkin.ReflectionTexts;
import com.waymark.privacy.PersonalDataHolder;
import com.waymark.privacy.ProgrammeDataHolder;
import com.waymark.programme.ProgrammeLock;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Theme results ({@link ThemeResults}) go with what they were computed from. They are a programme's, computed over
 * many people's reflections together and naming nobody, so they are in nobody's export; but they were computed from
 * the person's words, so erasing a person deletes the results of every programme they wrote in (the next read or the
 * precompute clusters what is left), and a programme's retention deletes its results. A clustering running meanwhile
 * can't store a result after them: erasure locks the programme's row before deleting, as {@link ThemeResults#store}
 * does before storing (lock order: person, programme, check-ins), and storing locks the check-ins it came from,
 * which an erasure or a sweep has deleted (and holds) before it commits.
 */
@Component
class ThemeResultData implements PersonalDataHolder, ProgrammeDataHolder {

    private final JdbcTemplate jdbc;
    private final ReflectionTexts reflections;
    private final ProgrammeLock programmeRows;

    ThemeResultData(JdbcTemplate jdbc, ReflectionTexts reflections, ProgrammeLock programmeRows) {
        this.jdbc = jdbc;
        this.reflections = reflections;
        this.programmeRows = programmeRows;
    }

    @Override
    public String name() {
        return "themeResults";
    }

    /** Aggregated over a programme, naming nobody: not the person's data to hand over. */
    @Override
    public boolean exported() {
        return false;
    }

    @Override
    public Object export(long participantId) {
        return List.of();
    }

    /** Erased before the check-ins (a higher order goes earlier), which tell the programmes the person wrote in. */
    @Override
    public int order() {
        return 10;
    }

    @Override
    public int erase(long participantId) {
        List<Long> programmes = reflections.programmesWrittenIn(participantId);
        int erased = 0;
        for (long programmeId : programmes) {
            programmeRows.lock(programmeId);
            erased += jdbc.update("delete from theme_result where programme_id = ?", programmeId);
        }
        return erased;
    }

    /**
     * The sweep has deleted the programme's check-ins earlier in its transaction (holders go by name): a result being
     * stored meanwhile waits for those rows and finds them gone ({@link ThemeResults#store}). No lock on the programme
     * here: taken after the check-ins' rows, it could deadlock with a store that holds it and waits for them.
     */
    @Override
    public int eraseProgrammeData(long programmeId) {
        return jdbc.update("delete from theme_result where programme_id = ?", programmeId);
    }
}
