package com.waymark.teams;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import com.microsoft.bot.builder.MessageFactory;
import com.microsoft.bot.schema.Activity;
import com.microsoft.bot.schema.teams.TeamsChannelAccount;
import com.waymark.insight.InsightProblem;
import com.waymark.insight.Report;
import com.waymark.insight.ScopeRequest;
import com.waymark.insight.TeamInsights;
import com.waymark.programme.Participant;
import com.waymark.programme.ParticipantService;
import com.waymark.programme.Programme;
import com.waymark.programme.ProgrammeProblem;
import com.waymark.programme.ProgrammeService;
import org.springframework.stereotype.Component;

/**
 * Coaches' team-level reports: summary, themes, wellbeing, actions, participation and export. In a 1:1 chat for
 * any coach of the programme; in a team or group chat only when everyone in it coaches the programme, since a
 * report posted there is read by everyone present.
 */
@Component
public class InsightConversation {

    private final TeamInsights insights;
    private final ProgrammeService programmes;
    private final ParticipantService participants;
    private final Clock clock;
    private final FileOffers fileOffers;

    InsightConversation(TeamInsights insights, ProgrammeService programmes, ParticipantService participants,
                        Clock clock, FileOffers fileOffers) {
        this.fileOffers = fileOffers;
        this.clock = clock;
        this.insights = insights;
        this.programmes = programmes;
        this.participants = participants;
    }

    static boolean handles(Command command) {
        return command instanceof Command.TeamReport;
    }

    /** A coach's word on a theme, for their current programme. */
    /** "actions" from someone who coaches but takes part in no programme means the team's action plans. */
    /** "actions" from someone who only coaches: their team's action plans, the team report. */
    public List<Activity> teamActions(Participant coach) {
        return handle(coach, new Command.TeamReport(Command.TeamReport.Report.ACTIONS, null, null));
    }

    /** On a programme's staff and taking part in none: "actions" then means the team's action plans. */
    public boolean coachesOnly(Participant person) {
        List<ProgrammeService.MyProgramme> mine = programmes.programmesOf(person.getId());
        return !mine.isEmpty() && mine.stream().allMatch(p -> p.membership() == null && p.staffRole() != null);
    }

    List<Activity> handle(Participant coach, Command.TeamReport command) {
        return handle(coach, command, false);
    }

    /** {@code files}: in Teams' 1:1 chat, where an export can be offered as a file (see {@link FileOffers}). */
    List<Activity> handle(Participant coach, Command.TeamReport command, boolean files) {
        try {
            ScopeRequest request = request(command);
            long id = coach.getId();
            if (command.report() == Command.TeamReport.Report.EXPORT) {
                return export(coach, request, files);
            }
            AdaptiveCard card;
            switch (command.report()) {
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
            return List.of(ParticipantConversation.card(card));
        } catch (InsightProblem | ProgrammeProblem | BadInput problem) {
            // Caught here, not only by the bot: in a shared chat this runs inside the roster's future.
            return List.of(MessageFactory.text(PlainText.of(problem.getMessage())));
        }
    }

    /**
     * The export of the coach's current programme: a card saying what it holds, then the CSV, as a file offered on a
     * file consent card (made again, for this programme, when they choose Allow) or shown as code blocks.
     */
    private List<Activity> export(Participant coach, ScopeRequest request, boolean files) {
        Programme programme = programmes.currentCoached(coach.getId());
        Report<String> csv = insights.exportCsv(coach.getId(), programme.getId(), request);
        String fileName = FileOffers.exportFileName(clock.instant(), csv.header().zone());
        int figures = (int) csv.body().lines().count() - 1;
        List<Activity> replies = new ArrayList<>();
        if (files) {
            replies.add(ParticipantConversation.card(InsightCards.exportAsFile(csv, figures, fileName)));
            replies.add(fileOffers.offer(coach.getId(), new FileOffers.ExportFile(programme.getId(), request), fileName,
                    FileOffers.csvBytes(csv.body()).length, "Team-level figures of \"" + PlainText.of(programme.getName())
                            + "\", as CSV. They are read again when you choose Allow."));
            return replies;
        }
        replies.add(ParticipantConversation.card(InsightCards.export(csv, figures)));
        replies.addAll(InlineFiles.csv(fileName, csv.body()));
        return replies;
    }

    /**
     * A report asked for in a shared chat: answered only when every member of the chat coaches the coach's
     * current programme; otherwise a pointer to the 1:1 chat, and nothing is read.
     */
    List<Activity> handleInSharedChat(Participant coach, Command.TeamReport command, Activity activity,
                                      List<TeamsChannelAccount> roster) {
        Programme programme;
        try {
            programme = programmes.currentCoached(coach.getId());
        } catch (ProgrammeProblem problem) {
            return List.of(MessageFactory.text(PlainText.of(problem.getMessage())));
        }
        Set<Long> staff = programmes.staffIds(programme.getId());
        boolean onlyCoaches = !roster.isEmpty() && roster.stream().allMatch(member -> participants
                .find(TurnFacts.identity(activity, member)).map(p -> staff.contains(p.getId())).orElse(false));
        if (!onlyCoaches) {
            return List.of(MessageFactory.text("Team reports are confidential to the coaching team, and not everyone "
                    + "in this chat coaches \"" + PlainText.of(programme.getName())
                    + "\". Ask me in our 1:1 chat, or in a chat "
                    + "with only the programme's coaches."));
        }
        return handle(coach, command);
    }

    private ScopeRequest request(Command.TeamReport command) {
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
