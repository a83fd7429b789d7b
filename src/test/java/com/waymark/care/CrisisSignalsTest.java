package com.waymark.care;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

class CrisisSignalsTest {

    @ParameterizedTest
    @ValueSource(strings = {
            "I can't go on",
            "I CAN’T   go on",                                   // curly apostrophe, shouting, extra spaces
            "i cant go on",
            "Honestly I cannot go on.",
            "Some days I think about ending it all.",
            "There's no point anymore",
            "there’s no point any more",
            "I just want to disappear",
            "I've been self-harming again",
            "thinking about self harm",
            "I've had thoughts of suicide this week",
            "Feeling suicidal after the CQC report",
            "I don't want to be here anymore",
            "Everyone would be better off without me",
            "I keep thinking I want to die",
            "Tired. No, I want to disappear.",                    // a denial in another clause doesn't count
            "Nothing to live for outside work",
            "A patient suicide on the ward has hit the whole team hard",
            "I can't cope anymore with the board and home",
            "Not sure whether I even want to disappear"})         // a denial further back than three words is not one
    void signalsAreFound(String reflection) {
        assertThat(CrisisSignals.in(reflection)).as(reflection).isTrue();
    }

    /**
     * Deliberately a signal: we can't tell "can't go on like this" about a rota from distress in general, and
     * the cost of offering support to someone who is only exhausted is one kind card.
     */
    @Test
    void exhaustionPhrasedAsNotCopingStillOffersSupport() {
        assertThat(CrisisSignals.in("I can't go on like this with the rota")).isTrue();
        assertThat(CrisisSignals.in("Honestly, I can't do this anymore. The rota is broken.")).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "I'm not suicidal, just very tired",
            "No suicidal thoughts, but exhausted",
            "I would never hurt myself",
            "never had suicidal thoughts",
            "We launched the suicide prevention strategy at board",
            "Reviewed the self-harm pathway with the ED team",
            "The suicide risk assessment audit came back clean",
            "The rota is a nightmare but I'll go on",
            "Going on leave next week, can go on with the plan after",
            "There's no point in the 8am huddle running that long",
            "It was the end of it all for the old structure",
            "Blend it all into one agenda",
            "Disappearing budgets again",
            "Killing it at the system board today",
            ""})
    void ordinaryReflectionsAreNot(String reflection) {
        assertThat(CrisisSignals.in(reflection)).as(reflection).isFalse();
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"   ", "\n\t"})
    void nothingWrittenIsNoSignal(String reflection) {
        assertThat(CrisisSignals.in(reflection)).isFalse();
    }

    @Test
    void thePhraseListIsWrittenInItsMatchedForm() {
        // Lower case, no apostrophes or hyphens, "any more" as two words: otherwise a phrase could never match.
        assertThat(CrisisSignals.phrases()).allSatisfy(phrase ->
                assertThat(CrisisSignals.isNormalised(phrase)).as(phrase).isTrue());
        assertThat(CrisisSignals.phrases()).doesNotHaveDuplicates();
    }
}
