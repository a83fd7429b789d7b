package com.waymark.teams;

/**
 * One line of {@code help}, in Teams markdown: what to say and what it does. A slice lists its own; the help card,
 * and the check against README's command table, are made from every slice's lines. Examples are written as example
 * values, never {@code <name>}: Teams reads angle brackets as an HTML tag and drops them.
 */
public record HelpLine(Audience audience, String markdown) {

    /** Who sees the line: everyone, or only the coaching staff of a programme (in their own section). */
    public enum Audience { PARTICIPANT, COACH }

    public static HelpLine participant(String markdown) {
        return new HelpLine(Audience.PARTICIPANT, markdown);
    }

    public static HelpLine coach(String markdown) {
        return new HelpLine(Audience.COACH, markdown);
    }
}
