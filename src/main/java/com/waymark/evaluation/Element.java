package com.waymark.evaluation;

import java.util.List;

/**
 * One element of a programme people rate from 1 to 5: the four every programme has, and those its coach adds.
 * {@code key} is what a rating is stored under: a standard element's name, or {@code custom-} and the added row's id.
 */
public record Element(String key, String name) {

    /** Every programme's own elements, in the order the card asks about them. */
    public static final List<Element> STANDARD = List.of(
            new Element("team-sessions", "Team coaching sessions"),
            new Element("one-to-one", "1:1 coaching"),
            new Element("peer-coaching", "Peer coaching"),
            new Element("check-ins", "The check-ins in Teams"));

    /** The longest name a coach may give an element: it is a card's label. */
    public static final int MAX_NAME = 60;
    /** How many elements a coach may add: the card stays one that can be answered in a couple of minutes. */
    public static final int MAX_ADDED = 6;
}
