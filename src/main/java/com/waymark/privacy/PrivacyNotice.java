package com.waymark.privacy;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The plain-language notice every participant reads before anything of theirs is recorded, stating the actual
 * confidentiality threshold and retention of the programmes they are in. Changing the wording in a way that
 * matters means raising {@link #VERSION}: everyone is then asked to agree again. A programme's own figures are not
 * the wording: a coach raising them protects people more, and lowering the threshold is announced to each
 * participant in advance ({@link #thresholdNoticeDays}), so neither asks everyone to agree again.
 *
 * @param version             what consent is recorded against
 * @param thresholdNoticeDays how long before a lowered threshold applies participants are told of it
 */
public record PrivacyNotice(int version, String title, List<String> points, int thresholdNoticeDays) {

    /**
     * 2: says how long a programme's answers are kept (the retention sweep), what is kept before anyone agrees, and
     * each programme's own threshold rather than "five", so everyone agrees to that afresh.
     */
    public static final int VERSION = 2;

    /** Never fewer people in a figure a coach sees, whatever the coach chooses. */
    public static final int LOWEST_THRESHOLD = 3;
    public static final int DEFAULT_THRESHOLD = 5;
    public static final int DEFAULT_RETENTION_DAYS = 365;

    /** What one programme a person is in has set: its name as written, already made safe to show by the caller. */
    public record ProgrammeTerms(String programme, int threshold, Integer lowerThreshold, String lowerFrom,
                                 int retentionDays) {
    }

    /** What is kept about someone who has not agreed: only what it takes to reach them and remember their answer. */
    public static final String BEFORE_AGREEING = "Until you agree, Waymark keeps only what it needs to reach you and "
            + "to remember your answer: your name and ids as Teams gives them, this chat, and the programmes you "
            + "were invited to (and the group in each). Nothing you say, no time zone, role, organisation, line manager or schedule.";

    /** The notice for someone in no programme yet: the figures stated are the defaults and the floor. */
    public static PrivacyNotice current(int thresholdNoticeDays) {
        return current(List.of(), thresholdNoticeDays);
    }

    /** The notice for someone in these programmes, with each one's own threshold and retention. */
    public static PrivacyNotice current(List<ProgrammeTerms> terms, int thresholdNoticeDays) {
        List<String> points = new ArrayList<>();
        points.add("Once you agree, Waymark records what you choose to share here: your wellbeing and energy "
                + "ratings, your reflections, your action plan and the times that suit you. Your coach may add your "
                + "role, organisation, group and line manager; \"my details\" shows them to you.");
        points.add(BEFORE_AGREEING);
        points.add("What you write is confidential, not anonymous: Waymark knows it is yours, so that you can "
                + "see your own history and trend.");
        points.add(thresholdPoint(terms, thresholdNoticeDays));
        points.add("A reflection is quoted to your coach, without your name, only when you tick \"OK to quote me\" "
                + "on that check-in.");
        points.add(retentionPoint(terms));
        points.add("You can see, export or erase everything about you at any time: say \"my data\" or "
                + "\"delete my data\". Say \"privacy\" to read this again.");
        return new PrivacyNotice(VERSION, "Before we start: your privacy", List.copyOf(points), thresholdNoticeDays);
    }

    private static String thresholdPoint(List<ProgrammeTerms> terms, int noticeDays) {
        String lowering = " A coach may lower it (never below " + LOWEST_THRESHOLD + "): you are told in this chat "
                + noticeDays + " days before that applies.";
        String never = " They never see your individual scores or your name next to anything you wrote.";
        if (terms.isEmpty()) {
            return "Your coach sees only team-level summaries, each combining at least the number of people your "
                    + "programme sets (" + DEFAULT_THRESHOLD + " unless its coach chose another, never fewer than "
                    + LOWEST_THRESHOLD + "); you'll see your programme's own when you join." + lowering + never;
        }
        return "Your coach sees only team-level summaries, each combining at least " + terms.stream()
                .map(t -> t.threshold() + " people in " + t.programme() + (t.lowerThreshold() == null ? ""
                        : " (" + t.lowerThreshold() + " from " + t.lowerFrom() + ")"))
                .collect(Collectors.joining("; ")) + "." + lowering + never;
    }

    private static String retentionPoint(List<ProgrammeTerms> terms) {
        String kept = terms.isEmpty()
                ? "the days its coach chose have passed (" + DEFAULT_RETENTION_DAYS + " unless they changed it)"
                : terms.stream().map(t -> t.retentionDays() + " days have passed for " + t.programme())
                .collect(Collectors.joining("; "));
        return "Your answers in a programme (check-ins, reflections, peer-coaching answers) and your place in it "
                + "are kept until the programme has ended and " + kept + ", then erased within a day. "
                + "Your action plan goes when your last programme's answers do. Figures coaches were already "
                + "shown stay, and so does the record that they looked.";
    }
}
