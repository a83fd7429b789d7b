package com.waymark.teams;

import com.waymark.teams.rhythm.RhythmSlice;
import java.time.DayOfWeek;
import java.time.format.TextStyle;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

import com.waymark.programme.GroupInfo;
import com.waymark.programme.Programme;
import com.waymark.schedule.CheckInRhythm;
import com.waymark.schedule.RhythmInfo;

/** The coach's check-in rhythm card. */
public final class ScheduleCards {

    private ScheduleCards() {
    }

    public static AdaptiveCard rhythm(Programme programme, List<RhythmInfo> active, List<GroupInfo> groups) {
        AdaptiveCard card = AdaptiveCard.create().heading("Check-in rhythm for " + PlainText.of(programme.getName()));
        if (active.isEmpty()) {
            card.text("No rhythm yet: nobody gets scheduled check-ins until you set one.");
        } else {
            active.forEach(s -> card.text("• " + (s.groupId() == null ? "Everyone" : "Group "
                    + groups.stream().filter(g -> s.groupId().equals(g.id())).map(GroupInfo::name)
                    .map(PlainText::of)
                    .findFirst().orElse("?")) + ": " + describe(s.rhythm())));
        }
        List<AdaptiveCard.Choice> days = new ArrayList<>();
        for (DayOfWeek day : DayOfWeek.values()) {
            days.add(new AdaptiveCard.Choice(day.getDisplayName(TextStyle.FULL, Locale.ENGLISH), day.name()));
        }
        List<AdaptiveCard.Choice> groupChoices = new ArrayList<>();
        groupChoices.add(new AdaptiveCard.Choice("Everyone in the programme", ProgrammeCards.EVERYONE));
        groups.forEach(g -> groupChoices.add(new AdaptiveCard.Choice(g.name(), Long.toString(g.id()))));
        return card.emphasis("Set the rhythm")
                .subtle("Each person gets it at this time in their own time zone, never in their quiet hours, and "
                        + "only between the programme's start and end dates (00:00 on the first day to 23:59 on the "
                        + "last, in the programme's time zone).")
                .pick("everyWeeks", "How often", List.of(new AdaptiveCard.Choice("Every week", "1"),
                        new AdaptiveCard.Choice("Every two weeks", "2")), "1", true, false)
                .pick("weekdays", "On", days, "MONDAY", true, true)
                .field("time", "At (local time)", "09:00", "09:00", 5, true)
                .number("openHours", "Stays open for (hours)", 48, 1, 336)
                .number("remindAfterHours", "Remind those who haven't answered after (hours, 0 for none)", 24, 0, 335)
                .pick("groupId", "For", groupChoices, ProgrammeCards.EVERYONE, false, false)
                .submit("Save rhythm", RhythmSlice.SAVE_SCHEDULE);
    }

    public static String describe(CheckInRhythm rhythm) {
        return rhythm.rhythm().describe() + ", open " + rhythm.openHours() + " hours"
                + (rhythm.remindAfterHours() > 0 ? ", reminder after " + rhythm.remindAfterHours() + " hours" : "");
    }
}
