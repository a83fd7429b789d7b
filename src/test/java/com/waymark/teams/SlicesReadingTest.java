package com.waymark.teams;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.waymark.teams.actions.ActionsCommand;
import com.waymark.teams.checkin.CheckInCommand;
import com.waymark.teams.membership.MembershipCommand;
import com.waymark.teams.reports.TeamReportCommand;
import com.waymark.teams.staff.StaffCommand;
import com.waymark.teams.themes.ThemeFeedbackCommand;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What messages mean, read as the bot reads them: every slice's phrases, then every slice's loose forms
 * ({@link Slices#read}); in a team or group chat what works there first ({@link Slices#readInSharedChat}). Each feature's own phrases are tested here through that
 * one entry point, so an overlap between two features shows.
 */
class SlicesReadingTest {

    private final Parser parser = new Parser();

    /** The bot's reading, with a slice's command unwrapped. */
    private static final class Parser {
        Command parse(String text, JsonNode value) {
            return SlicesForTests.read(text, value);
        }

        Command parseInSharedChat(String text, JsonNode value) {
            return SlicesForTests.readInSharedChat(text, value);
        }
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "help|HelpCommand.Show", "  HELP!  |HelpCommand.Show", "<at>Waymark</at> help|HelpCommand.Show",
            "privacy|ConsentCommand.ShowNotice", "I agree|ConsentCommand.Agree", "check in|CheckInCommand.Start", "Check-in|CheckInCommand.Start",
            "my actions|ActionsCommand.List", "my trend|TrendCommand.Show", "add action Call Sam|ActionsCommand.Add",
            "done 3|ActionsCommand.Complete", "done|ActionsCommand.Complete", "4 3 good week|CheckInCommand.Submit",
            "4/3|CheckInCommand.Submit", "check in 2, 5: rough|CheckInCommand.Submit",
            "add group Blue|ProgrammeCommand.AddGroup", "add people|TeamEnrolmentCommand.PickPeople",
            "add coach|StaffCommand.Show", "add group|ActionsCommand.Add",
            "leave 2026-12-01|MyClockCommand.Away", "leave Cohort 3|MembershipCommand.Leave", "join ABC-123|MembershipCommand.Join", "leave programme|MembershipCommand.Leave", "support|SupportCommand.Show",
            "my data|DataRightsCommand.MyData", "audit|DataRightsCommand.ShowAudit",
            "skip|MyClockCommand.Skip", "pause 2 weeks|MyClockCommand.Pause", "not mondays|MyClockCommand.NotOnDay",
            "no peer coaching|PeerCoachingCommand.OptOut", "not this round|PeerCoachingCommand.CantThisRound",
            "schedule|RhythmCommand.Show", "next session 2026-12-15 14:00|CycleCommand.RecordSession", "my details|MembershipCommand.MyDetails",
            "use programme Cohort 3|ProgrammeCommand.Use", "team actions|TeamReportCommand.Show", "rename theme A to B|ThemeFeedbackCommand",
            "6 3 nope|Unknown", "address the board|Unknown", "what now|Unknown"})
    void phrasesMapToCommands(String text, String expected) {
        assertThat(SlicesForTests.name(parser.parse(text, null))).isEqualTo(expected);
    }

    @Test
    void oneLineCheckInKeepsRatingsAndReflection() {
        var command = (CheckInCommand.Submit) parser.parse("check in 2, 5: rough night, good morning", null);
        assertThat(command.wellbeing()).isEqualTo("2");
        assertThat(command.energy()).isEqualTo("5");
        assertThat(command.reflection()).isEqualTo("rough night, good morning");
        assertThat(command.fromCard()).isFalse();
    }

    @Test
    void teamReportsTakeAGroupAndAStart() {
        assertThat(parser.parse("summary", null)).isEqualTo(
                new TeamReportCommand.Show(TeamReportCommand.Report.SUMMARY, null, null));
        assertThat(parser.parse("Wellbeing for team East place partnership since 2026-11-02", null)).isEqualTo(
                new TeamReportCommand.Show(TeamReportCommand.Report.WELLBEING, "East place partnership", "2026-11-02"));
        assertThat(parser.parse("themes since last   session", null)).isEqualTo(
                new TeamReportCommand.Show(TeamReportCommand.Report.THEMES, null, "last session"));
        assertThat(parser.parse("team actions group Blue", null)).isEqualTo(
                new TeamReportCommand.Show(TeamReportCommand.Report.ACTIONS, "Blue", null));
        assertThat(parser.parse("export.", null)).isEqualTo(
                new TeamReportCommand.Show(TeamReportCommand.Report.EXPORT, null, null));
        // A participant's own action plan keeps its word; "summary of my week" is not a report.
        assertThat(parser.parse("actions", null)).isInstanceOf(ActionsCommand.List.class);
        assertThat(parser.parse("summary of my week", null)).isInstanceOf(Command.Unknown.class);
        // In a team or group chat, where nothing personal happens, "actions" is the team's report.
        assertThat(parser.parseInSharedChat("<at>Waymark</at> actions", null)).isEqualTo(
                new TeamReportCommand.Show(TeamReportCommand.Report.ACTIONS, null, null));
        assertThat(parser.parseInSharedChat("actions for group Blue", null)).isEqualTo(
                new TeamReportCommand.Show(TeamReportCommand.Report.ACTIONS, "Blue", null));
        assertThat(parser.parseInSharedChat("my actions", null)).isInstanceOf(ActionsCommand.List.class);
    }

    @Test
    void staffInvitationsAreMadeAndAccepted() {
        assertThat(parser.parse("invite coach", null)).isEqualTo(new StaffCommand.Invite(null, "COACH"));
        assertThat(parser.parse("Invite an admin.", null)).isEqualTo(new StaffCommand.Invite(null, "ADMIN"));
        assertThat(parser.parse("accept invitation k7pq-2mx9-ht4w", null))
                .isEqualTo(new MembershipCommand.AcceptStaffInvitation("k7pq-2mx9-ht4w"));
        assertThat(parser.parse("accept K7PQ 2MX9 HT4W", null))
                .isEqualTo(new MembershipCommand.AcceptStaffInvitation("K7PQ 2MX9 HT4W"));
        assertThat(parser.parse("accept invitation", null)).isEqualTo(new MembershipCommand.AcceptStaffInvitation(""));
    }

    @Test
    void themeFeedbackPhrases() {
        assertThat(parser.parse("rename theme Workload and capacity to Too much, too fast", null)).isEqualTo(
                new ThemeFeedbackCommand(ThemeFeedbackCommand.Kind.RENAME, "Workload and capacity", "Too much, too fast"));
        assertThat(parser.parse("merge themes A into B", null)).isEqualTo(
                new ThemeFeedbackCommand(ThemeFeedbackCommand.Kind.MERGE, "A", "B"));
        assertThat(parser.parse("isn't about Workload: we thanked the team", null)).isEqualTo(
                new ThemeFeedbackCommand(ThemeFeedbackCommand.Kind.NOT_ABOUT, "Workload", "we thanked the team"));
        assertThat(parser.parse("more like theme Recognition: a thank-you lunch", null)).isEqualTo(
                new ThemeFeedbackCommand(ThemeFeedbackCommand.Kind.MORE_LIKE, "Recognition", "a thank-you lunch"));
    }

    @Test
    void stuckNamesAnActionAndWhatIsInTheWay() {
        assertThat(parser.parse("stuck 3 waiting for the ICB to sign off", null))
                .isEqualTo(new ActionsCommand.Block("3", "waiting for the ICB to sign off"));
        assertThat(parser.parse("blocked #2: no time", null)).isEqualTo(new ActionsCommand.Block("2", "no time"));
        assertThat(parser.parse("stuck 4", null)).isEqualTo(new ActionsCommand.Block("4", null));
    }

    @Test
    void tooLongTextIsRecognisedBeforeParsing() {
        assertThat(parser.parse("4 4 " + "x".repeat(5000), null)).isInstanceOf(Command.TooLong.class);
    }

    @Test
    void cardDataWinsOverTextAndToleratesJunk() {
        var json = new ObjectMapper();
        var data = json.createObjectNode().put("action", "checkin").put("wellbeing", 4).put("quoteOk", "true");
        data.putArray("energy").add(1);
        var command = (CheckInCommand.Submit) parser.parse("ignored", data);
        assertThat(command.wellbeing()).isEqualTo("4");
        assertThat(command.energy()).isNull();
        assertThat(command.quoteOk()).isTrue();
        assertThat(parser.parse(null, json.createObjectNode())).isInstanceOf(Command.UnknownCardAction.class);
    }
}
