package com.waymark.teams;

import java.util.List;

/**
 * What {@code help} shows in a 1:1 chat, fitted to who is asking: a participant sees only what they can do, led by
 * the next step (checking in) and offered as buttons; someone on a programme's staff also sees the coaches' commands,
 * in their own section. Placeholders are written as example values or words, never {@code <name>}: Teams reads
 * angle brackets as an HTML tag and drops them.
 */
final class HelpCards {

    static final String PARTICIPANT = """
            - **check in** – a short check-in: your wellbeing, your energy and one question to reflect on. \
            Or in one line, wellbeing then energy (1–5) and your reflection: 4 3 Tried a new huddle format
            - **add action** and what you will try, for example: add action Protect Friday afternoons
            - **my actions**; mark one done with its number, **done 1**; note what's in the way, \
            **stuck 1 no time this week**
            - **my trend** – your own wellbeing and energy over time
            - **snooze**, **skip**, **pause 2 weeks**, **resume** – when a check-in doesn't suit; **my schedule**, \
            **quiet hours 21:00-07:30**, **not mondays**, **time zone Europe/London**
            - **join** and the code your coach gave you, for example: join ABC-123; **my programmes**, **my details**, \
            **leave programme** and its name; **accept invitation** and the code an admin gave you, to join a \
            programme's coaching team
            - **my pairings**, **can't this round**, **opt out of peer coaching**, **opt in** – peer coaching
            - **privacy**, **my data**, **delete my data**, **who has seen my data** – see, export or erase what \
            I hold about you
            - **support** – people to talk to, in confidence, whenever you need them""";

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

    /** Slices' own lines, as more items of the same list. */
    private static String lines(List<String> lines) {
        StringBuilder text = new StringBuilder();
        lines.forEach(line -> text.append("\n- ").append(line));
        return text.toString();
    }

    /** {@code sessionExample}: a "next session" command that works today, from {@code ScheduleService}. */
    static AdaptiveCard help(boolean coach, boolean consented, String sessionExample, List<String> participantLines,
                             List<String> coachLines) {
        AdaptiveCard card = AdaptiveCard.create().heading("What you can do").text(PARTICIPANT + lines(participantLines));
        if (coach) {
            card.emphasis("For coaches").text(COACH.formatted(sessionExample) + lines(coachLines));
        }
        if (!consented) {
            card.subtle("First, please read the privacy notice (say **privacy**) and choose \"I agree\".");
        }
        return card.submit("Check in", CardActions.START_CHECK_IN)
                .submit("My actions", CardActions.SHOW_ACTIONS)
                .submit("My trend", CardActions.SHOW_TREND);
    }
}
