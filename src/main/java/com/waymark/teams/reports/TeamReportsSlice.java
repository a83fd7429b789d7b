package com.waymark.teams.reports;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.microsoft.bot.schema.Activity;
import com.waymark.insight.InsightProblem;
import com.waymark.insight.ScopeRequest;
import com.waymark.insight.TeamInsights;
import com.waymark.programme.Participant;
import com.waymark.programme.ParticipantService;
import com.waymark.programme.Programme;
import com.waymark.programme.ProgrammeProblem;
import com.waymark.programme.ProgrammeService;
import com.waymark.teams.AdaptiveCard;
import com.waymark.teams.BadInput;
import com.waymark.teams.CalendarInput;
import com.waymark.teams.FeatureSlice;
import com.waymark.teams.HelpLine;
import com.waymark.teams.InsightCards;
import com.waymark.teams.Phrase;
import com.waymark.teams.PlainText;
import com.waymark.teams.Reply;
import com.waymark.teams.RosterEnrolment;
import com.waymark.teams.SharedTurn;
import com.waymark.teams.Turn;
import com.waymark.teams.reports.TeamReportCommand.Report;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Coaches' team-level reports: summary, themes, wellbeing, actions, participation and export, each for the programme
 * or one group, over a period. In a 1:1 chat for any coach of the programme; in a team or group chat only when
 * everyone in it coaches the programme, since a report posted there is read by everyone present. Asked after the
 * actions slice, so "actions" in a 1:1 chat is the person's own plan; in a team or group chat it is the team's.
 */
@Component
@Order(25)
public class TeamReportsSlice implements FeatureSlice<TeamReportCommand> {

    /** "summary", "team themes", "wellbeing for group Blue since last session", "export since 2026-11-02". */
    private static final Pattern TEAM_REPORT = Pattern.compile("^(?:team\\s+)?(summary|themes|wellbeing|actions|"
            + "participation|export)(?:\\s+(?:for\\s+)?(?:team|group)\\s+(.+?))?(?:\\s+since\\s+(last\\s+session|"
            + "\\d{4}-\\d{1,2}-\\d{1,2}))?$", Pattern.CASE_INSENSITIVE);

    private final TeamInsights insights;
    private final ProgrammeService programmes;
    private final ParticipantService participants;
    private final RosterEnrolment roster;
    private final TeamExport export;
    private final Clock clock;

    TeamReportsSlice(TeamInsights insights, ProgrammeService programmes, ParticipantService participants,
                     RosterEnrolment roster, TeamExport export, Clock clock) {
        this.insights = insights;
        this.programmes = programmes;
        this.participants = participants;
        this.roster = roster;
        this.export = export;
        this.clock = clock;
    }

    @Override
    public Optional<TeamReportCommand> parse(Phrase phrase) {
        Matcher report = phrase.match(TEAM_REPORT);
        return report == null ? Optional.empty() : Optional.of(new TeamReportCommand.Show(
                Report.valueOf(report.group(1).toUpperCase(Locale.ROOT)), report.group(2),
                report.group(3) == null ? null : report.group(3).toLowerCase(Locale.ROOT)));
    }

    @Override
    public Optional<TeamReportCommand> parseShared(Phrase phrase) {
        return parse(phrase);
    }

    @Override
    public List<HelpLine> help() {
        return List.of(HelpLine.coach("Team reports, each figure from at least the programme's threshold of people: "
                        + "**summary**, **themes**, **wellbeing**, **actions**, **participation**, **export**; add a "
                        + "group and a start, for example: summary team Blue since last session"),
                HelpLine.teamChat("**summary**, **themes**, **wellbeing**, **actions** (or **team actions**), "
                        + "**participation**, **export** – team reports, only in a chat where everyone coaches the "
                        + "programme"));
    }

    @Override
    public List<Activity> handle(Turn turn, TeamReportCommand command) {
        TeamReportCommand.Show show = (TeamReportCommand.Show) command;
        long id = turn.participantId();
        try {
            ScopeRequest request = request(show);
            AdaptiveCard card;
            switch (show.report()) {
                case EXPORT:
                    return export.export(id, request, turn.canOfferFiles());
                case THEMES:
                    card = InsightCards.themesCard(insights.themes(id, request));
                    break;
                case WELLBEING:
                    card = InsightCards.wellbeingCard(insights.wellbeing(id, request));
                    break;
                case ACTIONS:
                    card = InsightCards.actionsCard(insights.actions(id, request));
                    break;
                case PARTICIPATION:
                    card = InsightCards.participationCard(insights.participation(id, request));
                    break;
                default:
                    card = InsightCards.summary(insights.summary(id, request));
            }
            return List.of(Reply.card(card));
        } catch (InsightProblem | ProgrammeProblem | BadInput problem) {
            // Caught here, not only by the bot: in a shared chat this runs inside the roster's future.
            return List.of(Reply.text(PlainText.of(problem.getMessage())));
        }
    }

    @Override
    public boolean worksInSharedChat(TeamReportCommand command) {
        return true;
    }

    /**
     * Answered only when every member of the chat coaches the coach's current programme; otherwise a pointer to the
     * 1:1 chat, and nothing is read.
     */
    @Override
    public CompletableFuture<List<Activity>> handleShared(SharedTurn turn, TeamReportCommand command) {
        Programme programme;
        try {
            programme = programmes.currentCoached(turn.participantId());
        } catch (ProgrammeProblem problem) {
            return CompletableFuture.completedFuture(List.of(Reply.text(PlainText.of(problem.getMessage()))));
        }
        Set<Long> staff = programmes.staffIds(programme.getId());
        return roster.people(turn.context()).thenApply(people -> {
            boolean onlyCoaches = !people.isEmpty() && people.stream().allMatch(person -> participants.find(person)
                    .map(p -> staff.contains(p.getId())).orElse(false));
            if (!onlyCoaches) {
                return List.of(Reply.text("Team reports are confidential to the coaching team, and not everyone in "
                        + "this chat coaches \"" + PlainText.of(programme.getName()) + "\". Ask me in our 1:1 chat, "
                        + "or in a chat with only the programme's coaches."));
            }
            return handle(new Turn(turn.participant(), false), command);
        });
    }

    /** On a programme's staff and taking part in none: "actions" then means the team's action plans. */
    public boolean coachesOnly(Participant person) {
        List<ProgrammeService.MyProgramme> mine = programmes.programmesOf(person.getId());
        return !mine.isEmpty() && mine.stream().allMatch(p -> p.membership() == null && p.staffRole() != null);
    }

    /** "actions" from someone who only coaches: their team's action plans, the team report. */
    public List<Activity> teamActions(Turn turn) {
        return handle(turn, new TeamReportCommand.Show(Report.ACTIONS, null, null));
    }

    private ScopeRequest request(TeamReportCommand.Show command) {
        String since = command.since();
        if (since == null) {
            return new ScopeRequest(command.group(), null, false);
        }
        if (since.startsWith("last")) {
            return new ScopeRequest(command.group(), null, true);
        }
        String example = command.report().name().toLowerCase(Locale.ROOT) + " since "
                + LocalDate.now(clock).minusWeeks(4);
        return new ScopeRequest(command.group(), CalendarInput.date(since, example), false);
    }
}
