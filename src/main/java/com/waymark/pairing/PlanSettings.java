package com.waymark.pairing;

import java.time.DayOfWeek;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import com.waymark.programme.Rhythm;

/**
 * What a coach chooses for peer coaching: a round every 1–4 weeks on one weekday at a local time (the
 * programme's time zone), the pairing mode, how many rounds, the follow-up after so many days, and the
 * group it is for ({@code null}: the whole programme).
 */
public record PlanSettings(int everyWeeks, DayOfWeek weekday, LocalTime localTime, PairingMode mode, int totalRounds,
                           int followUpDays, Long groupId) {

    public static final int MAX_EVERY_WEEKS = 4;
    public static final int MAX_ROUNDS = 52;
    public static final int MAX_FOLLOW_UP_DAYS = 14;

    /** When rounds come, as chosen: not yet placed on the calendar (the plan anchors it at its first round). */
    public Rhythm rhythm() {
        return Rhythm.on(everyWeeks, weekday, localTime, null);
    }

    /** Sentences a coach can act on; empty when the settings are sound. */
    public List<String> problems() {
        List<String> problems = new ArrayList<>();
        Set<Rhythm.Problem> when = rhythm().problems(MAX_EVERY_WEEKS);
        if (when.contains(Rhythm.Problem.EVERY_WEEKS_OUT_OF_RANGE)) {
            problems.add("Rounds can come every 1, 2, 3 or 4 weeks.");
        }
        if (when.contains(Rhythm.Problem.NO_WEEKDAY)) {
            problems.add("Choose the weekday the nudges go out.");
        }
        if (when.contains(Rhythm.Problem.NO_TIME)) {
            problems.add("Give the time the nudges go out, like 09:00.");
        }
        if (mode == null) {
            problems.add("Choose how to pair people: same-role, cross-role, cross-organisation or progression.");
        }
        if (totalRounds < 1 || totalRounds > MAX_ROUNDS) {
            problems.add("Plan between 1 and " + MAX_ROUNDS + " rounds.");
        }
        if (followUpDays < 1 || followUpDays > MAX_FOLLOW_UP_DAYS) {
            problems.add("The follow-up can come 1 to " + MAX_FOLLOW_UP_DAYS + " days after the nudge.");
        } else if (everyWeeks >= 1 && followUpDays >= everyWeeks * 7) {
            problems.add("The follow-up should come before the next round: fewer than " + everyWeeks * 7
                    + " days after the nudge.");
        }
        return problems;
    }
}
