package com.waymark.teams.rhythm;

import java.time.Clock;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import com.microsoft.bot.schema.Activity;
import com.waymark.programme.Programme;
import com.waymark.programme.ProgrammeProblem;
import com.waymark.programme.ProgrammeService;
import com.waymark.schedule.CheckInRhythm;
import com.waymark.schedule.RhythmInfo;
import com.waymark.schedule.ScheduleProblem;
import com.waymark.schedule.ScheduleService;
import com.waymark.teams.CalendarInput;
import com.waymark.teams.CardSubmit;
import com.waymark.teams.FeatureSlice;
import com.waymark.teams.HelpLine;
import com.waymark.teams.Phrase;
import com.waymark.teams.PlainText;
import com.waymark.teams.ProgrammeCards;
import com.waymark.teams.Reply;
import com.waymark.teams.ScheduleCards;
import com.waymark.teams.Turn;
import com.waymark.teams.myclock.MyClockSlice;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * A coach's check-in rhythm ("schedule"): the card for the programme or a group, and saving it. The session dates
 * beside it are the session cycle's ({@code next session}).
 */
@Component
@Order(100)
public class RhythmSlice implements FeatureSlice<RhythmCommand> {

    public static final String SAVE_SCHEDULE = "saveSchedule";

    private final ScheduleService schedules;
    private final ProgrammeService programmes;
    private final Clock clock;

    RhythmSlice(ScheduleService schedules, ProgrammeService programmes, Clock clock) {
        this.schedules = schedules;
        this.programmes = programmes;
        this.clock = clock;
    }

    @Override
    public Optional<RhythmCommand> parse(Phrase phrase) {
        return phrase.is("schedule", "check-in schedule", "checkin schedule", "set schedule", "rhythm")
                ? Optional.of(new RhythmCommand.Show()) : Optional.empty();
    }

    @Override
    public Optional<RhythmCommand> parseCard(CardSubmit submit) {
        return SAVE_SCHEDULE.equals(submit.action()) ? Optional.of(new RhythmCommand.Save(submit.value("everyWeeks"),
                submit.value("weekdays"), submit.value("time"), submit.value("openHours"),
                submit.value("remindAfterHours"), submit.value("groupId"))) : Optional.empty();
    }

    @Override
    public List<HelpLine> help() {
        return List.of(HelpLine.coach("**schedule**: when check-ins go out, for the programme or a group"));
    }

    @Override
    public List<Activity> handle(Turn turn, RhythmCommand command) {
        try {
            Programme programme = programmes.currentCoached(turn.participantId());
            if (command instanceof RhythmCommand.Save save) {
                return save(turn.participantId(), programme, save);
            }
            List<RhythmInfo> active = schedules.active(programme.getId());
            return List.of(Reply.card(ScheduleCards.rhythm(programme, active, programmes.groups(programme.getId()))));
        } catch (ScheduleProblem | ProgrammeProblem problem) {
            return List.of(Reply.text(PlainText.of(problem.getMessage())));
        }
    }

    private List<Activity> save(long coachId, Programme programme, RhythmCommand.Save save) {
        Set<DayOfWeek> days = EnumSet.noneOf(DayOfWeek.class);
        if (save.weekdays() != null) {
            Arrays.stream(save.weekdays().split(",")).map(String::strip).filter(s -> !s.isEmpty())
                    .forEach(d -> days.add(MyClockSlice.weekday(d)));
        }
        Long groupId = ProgrammeCards.everyone(save.groupId()) ? null
                : ProgrammeCards.chosenId(save.groupId(), "group");
        CheckInRhythm rhythm = new CheckInRhythm(wholeNumber(save.everyWeeks(), 1), days,
                CalendarInput.time(save.time(), "09:00"), wholeNumber(save.openHours(), 48),
                wholeNumber(save.remindAfterHours(), 24),
                LocalDate.now(clock.withZone(ZoneId.of(programme.getTimeZone()))));
        RhythmInfo saved = schedules.setRhythm(coachId, programme.getId(), groupId, rhythm);
        return List.of(Reply.text("Saved: check-ins for \"" + PlainText.of(programme.getName()) + "\" "
                + ScheduleCards.describe(saved.rhythm())
                + ". Each person gets them at that time in their own time zone, outside their quiet hours, between the "
                + "programme's start and end dates."));
    }

    private static int wholeNumber(String raw, int fallback) {
        if (raw == null || raw.isBlank()) {
            return fallback;
        }
        try {
            return (int) Math.round(Double.parseDouble(raw.strip()));
        } catch (NumberFormatException e) {
            throw new ScheduleProblem("Please use whole numbers for the weeks and hours.");
        }
    }
}
