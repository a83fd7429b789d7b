package com.waymark.teams;

import com.waymark.teams.checkin.CheckInSlice;
import com.waymark.teams.actions.ActionsSlice;
import com.waymark.teams.trend.TrendSlice;
import java.util.List;

import com.microsoft.bot.schema.Activity;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * What {@code help} shows in a 1:1 chat, fitted to who is asking: a participant sees only what they can do, led by
 * the next step (checking in) and offered as buttons; someone on a programme's staff also sees the coaches' commands,
 * in their own section. Placeholders are written as example values or words, never {@code <name>}: Teams reads
 * angle brackets as an HTML tag and drops them.
 */
final class HelpCards {

    /**
     * The participant's lines of the conversations that predate slices (their own clock, joining and leaving
     * programmes, peer coaching), in their place in the list: they move into their slice as each becomes one.
     */
    @Component
    @Order(50)
    static final class OlderLines implements FeatureSlice<Command> {

        @Override
        public List<Activity> handle(Turn turn, Command command) {
            throw new IllegalStateException("Parses nothing: only lines of help");
        }

        @Override
        public List<HelpLine> help() {
            return List.of(HelpLine.participant("""
                    **snooze**, **skip**, **pause 2 weeks**, **resume** – when a check-in doesn't suit; \
                    **my schedule**, **quiet hours 21:00-07:30**, **not mondays**, **time zone Europe/London**"""),
                    HelpLine.participant("""
                    **join** and the code your coach gave you, for example: join ABC-123; **my programmes**, \
                    **my details**, **leave programme** and its name; **accept invitation** and the code an admin \
                    gave you, to join a programme's coaching team"""),
                    HelpLine.participant("**my pairings**, **can't this round**, **opt out of peer coaching**, "
                            + "**opt in** – peer coaching"));
        }
    }

    static final String COACH = """
            - **programme**, **edit programme**, **create programme** and its name, **use programme** and its name, \
            **add group** and its name, for example: add group Blue
            - **people**, **coaches**, **invite coach**, **invite admin**, **audit** (admins: recent reads of \
            the programme's data); in a team chat, **enrol** or **add people**
            - **schedule**, **next session** and its date and time, for example: %s; **peer coaching**, \
            **pair now**, **forbid pair**, **pairs**
            - Team reports, each figure from at least the programme's threshold of people: **summary**, \
            **themes**, **wellbeing**, **actions**, **participation**, **export**; add a group and a start, \
            for example: summary team Blue since last session
            - Shape the themes, for example: **rename theme** Workload **to** Capacity, **merge themes** Rota \
            **into** Workload, **not about** Workload: an example sentence, \
            **more like** Workload: an example sentence""";

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
