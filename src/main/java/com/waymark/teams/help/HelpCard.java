package com.waymark.teams.help;

import java.util.List;

import com.waymark.teams.AdaptiveCard;
import com.waymark.teams.actions.ActionsSlice;
import com.waymark.teams.checkin.CheckInSlice;
import com.waymark.teams.trend.TrendSlice;

/**
 * What {@code help} shows, fitted to who is asking: a participant sees only what they can do, led by the next step
 * (checking in) and offered as buttons; someone on a programme's staff also sees the coaches' commands, in their own
 * section; coaches in a team or group chat see what works there. Every command line is a slice's {@code HelpLine}.
 */
final class HelpCard {

    /** Around the slices' team-chat lines: how to be heard there, and that nothing private happens there. */
    static final String TEAM_CHAT_OPENING = "In a team or group chat, @mention me so I see your message (for example "
            + "@Waymark programme). Coaches can say:";
    static final String TEAM_CHAT_CLOSING = "Check-ins, reflections and action plans are private: they happen in each "
            + "person's 1:1 chat with me.";

    private HelpCard() {
    }

    /**
     * The 1:1 help card: the participant's section is every slice's participant lines, in the slices' order (checking
     * in first: the next step); the coaches' section every slice's coach lines.
     */
    static AdaptiveCard card(boolean coach, boolean consented, List<String> participantLines,
                             List<String> coachLines) {
        AdaptiveCard card = AdaptiveCard.create().heading("What you can do")
                .text(items(participantLines).replaceFirst("^\n", ""));
        if (coach) {
            card.emphasis("For coaches").text(items(coachLines).replaceFirst("^\n", ""));
        }
        if (!consented) {
            card.subtle("First, please read the privacy notice (say **privacy**) and choose \"I agree\".");
        }
        return card.submit("Check in", CheckInSlice.START_CHECK_IN)
                .submit("My actions", ActionsSlice.SHOW_ACTIONS)
                .submit("My trend", TrendSlice.SHOW_TREND);
    }

    /** Help in a team or group chat, as one message. */
    static String teamChat(List<String> lines) {
        return TEAM_CHAT_OPENING + items(lines) + "\n" + TEAM_CHAT_CLOSING;
    }

    /** Lines as the items of one list. */
    private static String items(List<String> lines) {
        StringBuilder text = new StringBuilder();
        lines.forEach(line -> text.append("\n- ").append(line));
        return text.toString();
    }
}
