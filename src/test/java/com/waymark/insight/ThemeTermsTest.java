package com.waymark.insight;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import com.waymark.checkin.TeamCheckIns.Reflection;
import com.waymark.privacy.ConfidentialityPolicy;
import org.junit.jupiter.api.Test;

/** The words a coach sees for a theme: ones a threshold of people used and that read as a subject, or none. */
class ThemeTermsTest {

    private static final ConfidentialityPolicy FIVE = ConfidentialityPolicy.withThreshold(5);

    @Test
    void aTermOfOnePersonsIsNeverShownHoweverDistinctive() {
        List<Reflection> members = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            members.add(reflection(i, "Back-to-back meetings again and the winter plan still slipping."));
        }
        members.add(reflection(6, "The board keeps asking about Dr Okafor's rota at Riverside, every single week."));
        members.add(reflection(6, "Riverside again: Dr Okafor and the board keeps asking. My diary is wall-to-wall."));

        List<String> shown = ThemeTerms.shown(List.of("okafor", "riverside", "board keeps", "meetings", "winter plan",
                "wall"), members, FIVE);

        assertThat(shown).containsExactly("meetings", "winter plan");
    }

    @Test
    void aTermFewerThanTheThresholdUsedIsLeftOutAndTheCountIsByPeopleNotReflections() {
        List<Reflection> members = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            members.add(reflection(i, "Rota gaps on the wards all week."));
            members.add(reflection(i, "Rota gaps again."));
        }
        members.add(reflection(4, "Covering vacancies."));
        assertThat(ThemeTerms.shown(List.of("rota gaps", "rota"), members, FIVE)).as("four people, eight times")
                .isEmpty();
        members.add(reflection(5, "The rota gaps are the story of my month."));
        assertThat(ThemeTerms.shown(List.of("rota gaps", "rota"), members, FIVE)).containsExactly("rota gaps", "rota");
        assertThat(ThemeTerms.shown(List.of("rota gaps"), members, ConfidentialityPolicy.withThreshold(6))).isEmpty();
    }

    @Test
    void generalWordsAndFragmentsDoNotReadAsSubjects() {
        assertThat(ThemeTerms.readsAsSubject("every")).isFalse();
        assertThat(ThemeTerms.readsAsSubject("board keeps")).isFalse();
        assertThat(ThemeTerms.readsAsSubject("ed")).isFalse();
        assertThat(ThemeTerms.readsAsSubject("41")).isFalse();
        assertThat(ThemeTerms.readsAsSubject("board")).isTrue();
        assertThat(ThemeTerms.readsAsSubject("psychological safety")).isTrue();
        assertThat(ThemeTerms.readsAsSubject("one-to-ones")).isTrue();
    }

    @Test
    void themesLeftWithTheSameNameAreNumberedSoTheirBarsStayApart() {
        List<ThemeReport.Line> lines = new ArrayList<>();
        for (String name : List.of("Workload and capacity", "Other", "Other", "About rota gaps", "Other")) {
            lines.add(new ThemeReport.Line(name, name, List.of(), 5, 0.5, ThemeReport.Direction.NEW, List.of()));
        }
        TeamThemes.distinctNames(lines);
        assertThat(lines).extracting(ThemeReport.Line::name).containsExactly("Workload and capacity", "Other",
                "Other (2)", "About rota gaps", "Other (3)");
    }

    private static Reflection reflection(long person, String text) {
        return new Reflection(person * 100 + text.length(), person, text, false, Instant.parse("2026-12-01T10:00:00Z"));
    }
}
