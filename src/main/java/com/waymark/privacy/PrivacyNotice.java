package com.waymark.privacy;

import java.util.List;

/**
 * The plain-language notice every participant reads before anything of theirs is recorded. Changing the
 * wording in a way that matters means raising {@link #VERSION}: everyone is then asked to agree again.
 */
public record PrivacyNotice(int version, String title, List<String> points) {

    /** 2: says how long a programme's answers are kept (the retention sweep), so everyone agrees to that afresh. */
    public static final int VERSION = 2;

    public static PrivacyNotice current() {
        return new PrivacyNotice(VERSION, "Before we start: your privacy", List.of(
                "Waymark records what you choose to share here: your wellbeing and energy ratings, your "
                        + "reflections and your action plan. Nothing is recorded until you agree below.",
                "What you write is confidential, not anonymous: Waymark knows it is yours, so that you can "
                        + "see your own history and trend.",
                "Your coach sees only team-level summaries that combine at least five people. They never see "
                        + "your individual scores or your name next to anything you wrote.",
                "A reflection is quoted to your coach, without your name, only when you tick \"OK to quote me\" "
                        + "on that check-in.",
                "Your answers in a programme (check-ins, reflections, peer-coaching answers) and your place in it "
                        + "are kept until the programme has ended and the days its coach chose have passed (365 "
                        + "unless they changed it), then erased within a day. "
                        + "Your action plan goes when your last programme's answers do. Figures coaches were already "
                        + "shown stay, and so does the record that they looked.",
                "You can see, export or erase everything about you at any time: say \"my data\" or "
                        + "\"delete my data\". Say \"privacy\" to read this again."));
    }
}
