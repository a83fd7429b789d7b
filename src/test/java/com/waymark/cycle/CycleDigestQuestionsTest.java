package com.waymark.cycle;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.waymark.support.Chat;
import org.junit.jupiter.api.Test;

/**
 * The digest's questions drawn from the cycle too (issue 16, part 6): a low pulse item the policy released brings a
 * question from the bank's cycle section; a figure it hid changes nothing, since questions chosen from a hidden figure
 * would tell the coach what it hid. The attack: two cohorts that differ only in a hidden figure get the same questions.
 */
class CycleDigestQuestionsTest extends CycleChatTest {

    static final List<String> SAID_LOW = bank("cycle-said-what-they-thought-low");

    static List<String> bank(String signal) {
        try {
            JsonNode list = new ObjectMapper().readTree(CycleDigestQuestionsTest.class
                    .getResource("/insight/questions.json")).path("cycle").path(signal);
            List<String> questions = new ArrayList<>();
            list.forEach(q -> questions.add(q.asText()));
            assertThat(questions).as(signal).hasSize(3);
            return questions;
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    static List<String> wholeCycleBank() {
        List<String> all = new ArrayList<>();
        for (String signal : List.of("cycle-said-what-they-thought-low", "cycle-worked-on-what-mattered-low",
                "cycle-leave-with-something-low", "cycle-few-commitments-done", "cycle-commitments-in-the-way")) {
            all.addAll(bank(signal));
        }
        return all;
    }

    @Test
    void aLowReleasedPulseItemBringsAQuestionAboutSayingWhatPeopleThink() {
        Chat.Cohort cohort = cohort(5);
        long session = endedSession(cohort.coach());
        for (var person : cohort.members()) {
            answer(person, session, List.of("Try one thing"), 2, 4, 4);
        }
        Digest digest = digest(cohort.coach());
        assertThat(digest.text()).contains("pulse 2.0 · 4.0 · 4.0");
        assertThat(digest.questions()).hasSize(3);
        assertThat(digest.questions().get(0)).isIn(SAID_LOW);
        assertThat(digest.text()).contains(digest.questions().get(0).substring(0, 20));
        assertThat(digest.questions().subList(1, 3)).noneMatch(wholeCycleBank()::contains);
    }

    /**
     * Four answer the pulse (the threshold is five): hidden. One cohort scores its session 1 throughout, the other 5.
     * If the questions followed the hidden pulse, the first cohort's coach would learn from them what the digest hid.
     */
    @Test
    void twoCohortsThatDifferOnlyInAHiddenPulseGetTheSameQuestions() {
        sameQuestions(answered(4, 1, null), answered(4, 5, null), "pulse hidden");
    }

    /**
     * Six commit and the pulse is shown; how the commitments went is hidden in both cohorts ("all six done" or "all
     * six in the way" says it of each of them). One cohort did everything, the other found everything in the way:
     * the questions are the same.
     */
    @Test
    void twoCohortsThatDifferOnlyInHowTheirCommitmentsWentWhileThatIsHiddenGetTheSameQuestions() {
        sameQuestions(answered(6, 4, "done"), answered(6, 4, "in_the_way"), "6 commitments (how they went: hidden)");
    }

    /**
     * A cohort whose ended session each member answered: one commitment, the pulse at {@code pulse} on all three
     * items, then how the commitment went ({@code how}; null, not said).
     */
    private Chat.Cohort answered(int size, int pulse, String how) {
        Chat.Cohort cohort = cohort(size);
        long session = endedSession(cohort.coach());
        for (Chat.Person person : cohort.members()) {
            answer(person, session, List.of("Try one thing"), pulse, pulse, pulse);
            if (how != null) {
                progress(person, how);
            }
        }
        return cohort;
    }

    /** Both coaches' digests hide the same figure ({@code bothSay}) and ask the same questions, none from the cycle. */
    private void sameQuestions(Chat.Cohort one, Chat.Cohort other, String bothSay) {
        Digest first = digest(one.coach());
        Digest second = digest(other.coach());
        assertThat(first.text()).contains(bothSay);
        assertThat(second.text()).contains(bothSay);
        assertThat(first.questions()).hasSize(3).isEqualTo(second.questions()).noneMatch(wholeCycleBank()::contains);
    }
}
