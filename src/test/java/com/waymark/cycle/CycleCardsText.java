package com.waymark.cycle;

/** The card's question, as the test looks for it in what was sent. */
final class CycleCardsText {

    static final String QUESTION = "What will you try before the next session?";

    private CycleCardsText() {
    }
}
