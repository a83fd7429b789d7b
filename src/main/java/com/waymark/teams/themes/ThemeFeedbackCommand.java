package com.waymark.teams.themes;

import com.waymark.teams.Command;

/** A coach's feedback on their programme's themes ("rename theme A to B", "merge themes A into B", …). */
public record ThemeFeedbackCommand(Kind kind, String theme, String value) implements Command {

    public enum Kind { RENAME, MERGE, NOT_ABOUT, MORE_LIKE }
}
