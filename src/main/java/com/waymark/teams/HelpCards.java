package com.waymark.teams;

import com.waymark.teams.checkin.CheckInSlice;
import com.waymark.teams.actions.ActionsSlice;
import com.waymark.teams.trend.TrendSlice;
import java.util.List;

/**
 * What {@code help} shows in a 1:1 chat, fitted to who is asking: a participant sees only what they can do, led by
 * the next step (checking in) and offered as buttons; someone on a programme's staff also sees the coaches' commands,
 * in their own section. Placeholders are written as example values or words, never {@code <name>}: Teams reads
 * angle brackets as an HTML tag and drops them.
 */
final class HelpCards {

    static final String COACH = """
            - **programme**, **edit programme**, **create programme** and its name, **use programme** and its name, \
            **add group** and its name, for example: add group Blue
            - **people**, **coaches**, **invite coach**, **invite admin**, **audit** (admins: recent reads of \
            the programme's data); in a team chat, **enrol** or **add people**
            - **schedule**, **next session** and its date and time, for example: %s; **peer coaching**, \
            **pair now**, **forbid pair**, **pairs**
            - Team reports, each figure from at least the programme's threshold of people: **summary**, \
            **themes**, **wellbeing**, **actions**, **participation**, **export**; add a group and a start, \
            for example: summary team Blue since last session""";

    /** The short answer to a message I could not read: a few next steps, not the whole help again. */
    static final String DIDNT_CATCH = "Sorry, I didn't catch that. You could say **check in**, **my actions**, "
            + "or check in in one line, wellbeing then energy (1–5) and your reflection: 4 3 Tried a new huddle "
            + "format. Say **help** for more.";

    static final String DIDNT_CATCH_COACH = "Sorry, I didn't catch that. You could say **programme**, "
            + "**summary** or **check in**. Say **help** for more.";

    private HelpCards() {
    }

    /** Slices' lines, as items of one list. */
    private static String lines(List<String> lines) {
        StringBuilder text = new StringBuilder();
        lines.forEach(line -> text.append("\n- ").append(line));
        return text.toString();
    }

    /**
     * {@code sessionExample}: a "next session" command that works today, from {@code ScheduleService}. The
     * participant's section is every slice's participant lines, in the slices' order (checking in first: the next
     * step); the coaches' section the older conversations' lines, then every slice's coach lines.
     */
    static AdaptiveCard help(boolean coach, boolean consented, String sessionExample, List<String> participantLines,
                             List<String> coachLines) {
        AdaptiveCard card = AdaptiveCard.create().heading("What you can do")
                .text(lines(participantLines).replaceFirst("^\n", ""));
        if (coach) {
            card.emphasis("For coaches").text(COACH.formatted(sessionExample) + lines(coachLines));
        }
        if (!consented) {
            card.subtle("First, please read the privacy notice (say **privacy**) and choose \"I agree\".");
        }
        return card.submit("Check in", CheckInSlice.START_CHECK_IN)
                .submit("My actions", ActionsSlice.SHOW_ACTIONS)
                .submit("My trend", TrendSlice.SHOW_TREND);
    }
}
