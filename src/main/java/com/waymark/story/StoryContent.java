package com.waymark.story;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * Everything a learning story holds, all of it the person's own: their check-in ratings over time, their actions
 * (made, done), the reflections they chose, and the prompts for their learning outcomes. Nothing of anyone else's.
 */
public record StoryContent(String name, List<String> programmes, LocalDate madeOn, List<Point> trend,
                           List<Action> actions, List<Reflection> reflections, List<String> prompts) {

    /** One check-in's ratings, 1 to 5. */
    public record Point(LocalDate on, int wellbeing, int energy) {
    }

    public record Action(String text, boolean done, LocalDate madeOn, LocalDate doneOn) {
    }

    public record Reflection(LocalDate on, String question, String text) {
    }

    /** A reflection they may choose to include, for the card that asks which. */
    public record Choice(long checkInId, Instant at, String text) {
    }

    public long actionsDone() {
        return actions.stream().filter(Action::done).count();
    }
}
