package com.waymark.diagnostic;

import java.util.List;
import java.util.Optional;

/**
 * The questions of the diagnostic before a programme's first session: what a coach asks in a half-hour 1:1 interview
 * before designing the team's sessions (what works, what is hard, what success would look like, the relationships
 * that matter, what they want from the programme). Their ids are stored with each answer: never change an id.
 */
public final class DiagnosticQuestions {

    /** One question; {@code text} is what the person reads, {@code hint} a line under it. */
    public record Question(String id, String text, String hint) {
    }

    static final List<Question> ALL = List.of(
            new Question("working", "What is working well for you in your role at the moment?",
                    "Something you'd want to keep, however small."),
            new Question("hard", "What feels hardest right now?",
                    "In your work, your organisation or the system around it."),
            new Question("success", "Imagine it is a year from now and this programme was worth your time. "
                    + "What has changed?", "For you, your team or the people you serve."),
            new Question("relationships", "Which relationships across the system matter most to your work, and how "
                    + "are they going?", "Roles or organisations, rather than names."),
            new Question("want", "What would you most like from this programme and its coaches?",
                    "Support, challenge, space to think: whatever would help."),
            new Question("anything", "Is there anything else you'd like your coach to know before the first session?",
                    "Optional: \"nothing\" is a fine answer."));

    private DiagnosticQuestions() {
    }

    public static List<Question> all() {
        return ALL;
    }

    public static int count() {
        return ALL.size();
    }

    public static Optional<Question> find(String id) {
        return ALL.stream().filter(q -> q.id().equals(id)).findFirst();
    }

    /** The question at this position (counted from 0). */
    public static Question at(int position) {
        return ALL.get(position);
    }
}
