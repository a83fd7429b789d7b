package com.waymark.teams;

/**
 * One line of {@code help}, in Teams markdown: what to say and what it does. A slice lists its own; the help card,
 * and the check against README's command table, are made from every slice's lines. Examples are written as example
 * values, never {@code <name>}: Teams reads angle brackets as an HTML tag and drops them.
 */
public record HelpLine(Audience audience, String markdown) {

    /**
     * Where a line of {@code next session} help shows a command that works today: help puts one for next week, on the
     * reader's own clock, in its place.
     */
    public static final String SESSION_EXAMPLE = "{next session example}";

    /**
     * Who sees the line: everyone, only the coaching staff of a programme (in their own section), or the coaches in a
     * team or group chat (what works there).
     */
    public enum Audience { PARTICIPANT, COACH, TEAM_CHAT }

    public static HelpLine participant(String markdown) {
        return new HelpLine(Audience.PARTICIPANT, markdown);
    }

    public static HelpLine coach(String markdown) {
        return new HelpLine(Audience.COACH, markdown);
    }

    public static HelpLine teamChat(String markdown) {
        return new HelpLine(Audience.TEAM_CHAT, markdown);
    }
}
