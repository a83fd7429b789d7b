package com.waymark.teams.programme;

import java.time.LocalDate;

import com.waymark.programme.ProgrammeProblem;
import com.waymark.programme.ProgrammeSettings;
import com.waymark.teams.BadInput;
import com.waymark.teams.CalendarInput;

/** The settings card as it came back, read onto the settings it started from: a blank field keeps what was there. */
final class SettingsForm {

    private SettingsForm() {
    }

    static ProgrammeSettings read(ProgrammeCommand.Save save, ProgrammeSettings base) {
        return new ProgrammeSettings(
                save.name() == null ? base.name() : save.name().strip(),
                blank(save.organisations()) ? null : save.organisations().strip(),
                blank(save.timeZone()) ? base.timeZone() : save.timeZone().strip(),
                date(save.startsOn(), "start"), date(save.endsOn(), "end"),
                number(save.threshold(), base.confidentialityThreshold(), "confidentiality threshold"),
                number(save.retentionDays(), base.retentionDays(), "number of days"),
                // Range is ProgrammeSettings.problems()'s to refuse, kindly, with the other settings' problems.
                blank(save.sessionMinutes()) ? base.sessionMinutes()
                        : Integer.valueOf(number(save.sessionMinutes(), 0, "session length in minutes")));
    }

    private static LocalDate date(String raw, String what) {
        if (blank(raw)) {
            return null;
        }
        try {
            return CalendarInput.date(raw, "2027-01-31");
        } catch (BadInput e) {
            throw new BadInput("The " + what + " date isn't one I can use. " + e.getMessage());
        }
    }

    private static int number(String raw, int fallback, String what) {
        if (blank(raw)) {
            return fallback;
        }
        try {
            return (int) Math.round(Double.parseDouble(raw.strip()));
        } catch (NumberFormatException e) {
            throw new ProgrammeProblem("The " + what + " should be a whole number.");
        }
    }

    static boolean blank(String value) {
        return value == null || value.isBlank();
    }
}
