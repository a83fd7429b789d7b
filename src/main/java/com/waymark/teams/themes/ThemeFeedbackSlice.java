package com.waymark.teams.themes;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.microsoft.bot.schema.Activity;
import com.waymark.insight.InsightProblem;
import com.waymark.insight.ProgrammeThemes;
import com.waymark.programme.ProgrammeProblem;
import com.waymark.teams.FeatureSlice;
import com.waymark.teams.HelpLine;
import com.waymark.teams.Phrase;
import com.waymark.teams.PlainText;
import com.waymark.teams.Reply;
import com.waymark.teams.Turn;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * A coach shapes their programme's themes in the 1:1 chat: rename one, merge two, or teach the taxonomy with an
 * example sentence that is, or is not, about a theme. The themes report itself is {@code teams.reports}.
 */
@Component
@Order(110)
public class ThemeFeedbackSlice implements FeatureSlice<ThemeFeedbackCommand> {

    private static final Pattern RENAME_THEME = Pattern.compile("^rename\\s+theme\\s+(.+?)\\s+to\\s+(.+)$",
            Pattern.CASE_INSENSITIVE);
    /** "into" first: theme names may contain "and" ("Wellbeing and boundaries"). */
    private static final Pattern MERGE_INTO = Pattern.compile("^merge\\s+themes?\\s+(.+?)\\s+into\\s+(.+)$",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern MERGE_THEMES = Pattern.compile("^merge\\s+themes?\\s+(.+?)\\s+(?:and|with)\\s+(.+)$",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern THEME_EXAMPLE = Pattern.compile(
            "^(not about|isn'?t about|is not about|more like)\\s+(?:theme\\s+)?([^:]+?)\\s*:\\s*(.+)$",
            Pattern.CASE_INSENSITIVE | Pattern.DOTALL);

    private final ProgrammeThemes themes;

    ThemeFeedbackSlice(ProgrammeThemes themes) {
        this.themes = themes;
    }

    @Override
    public Optional<ThemeFeedbackCommand> parse(Phrase phrase) {
        String text = phrase.text();
        Matcher m = RENAME_THEME.matcher(text);
        if (m.matches()) {
            return Optional.of(new ThemeFeedbackCommand(ThemeFeedbackCommand.Kind.RENAME, m.group(1), m.group(2)));
        }
        if ((m = MERGE_INTO.matcher(text)).matches() || (m = MERGE_THEMES.matcher(text)).matches()) {
            return Optional.of(new ThemeFeedbackCommand(ThemeFeedbackCommand.Kind.MERGE, m.group(1), m.group(2)));
        }
        if ((m = THEME_EXAMPLE.matcher(text)).matches()) {
            boolean moreLike = m.group(1).toLowerCase(Locale.ROOT).startsWith("more");
            return Optional.of(new ThemeFeedbackCommand(moreLike ? ThemeFeedbackCommand.Kind.MORE_LIKE
                    : ThemeFeedbackCommand.Kind.NOT_ABOUT, m.group(2), m.group(3)));
        }
        return Optional.empty();
    }

    @Override
    public List<HelpLine> help() {
        return List.of(HelpLine.coach("""
                Shape the themes, for example: **rename theme** Workload **to** Capacity, **merge themes** Rota \
                **into** Workload, **not about** Workload: an example sentence, \
                **more like** Workload: an example sentence"""));
    }

    @Override
    public List<Activity> handle(Turn turn, ThemeFeedbackCommand command) {
        try {
            long id = turn.participantId();
            ProgrammeThemes.Outcome outcome = switch (command.kind()) {
                case RENAME -> themes.rename(id, command.theme(), command.value());
                case MERGE -> themes.merge(id, command.theme(), command.value());
                case NOT_ABOUT -> themes.notAbout(id, command.theme(), command.value());
                case MORE_LIKE -> themes.moreLike(id, command.theme(), command.value());
            };
            return List.of(Reply.text(PlainText.of(outcome.message())));
        } catch (InsightProblem | ProgrammeProblem problem) {
            return List.of(Reply.text(PlainText.of(problem.getMessage())));
        }
    }
}
