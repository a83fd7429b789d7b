package com.waymark.teams;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

class CommandParserTest {

    private final CommandParser parser = new CommandParser(4000);

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "help|Help", "  HELP!  |Help", "<at>Waymark</at> help|Help", "privacy|ShowPrivacy",
            "I agree|GiveConsent", "check in|StartCheckIn", "Check-in|StartCheckIn", "my actions|ListActions",
            "my trend|ShowTrend", "add action Call Sam|AddAction", "done 3|CompleteAction", "done|CompleteAction",
            "4 3 good week|SubmitCheckIn", "4/3|SubmitCheckIn", "check in 2, 5: rough|SubmitCheckIn",
            "6 3 nope|Unknown", "address the board|Unknown", "what now|Unknown"})
    void phrasesMapToCommands(String text, String expected) {
        assertThat(parser.parse(text, null).getClass().getSimpleName()).isEqualTo(expected);
    }

    @Test
    void oneLineCheckInKeepsRatingsAndReflection() {
        var command = (Command.SubmitCheckIn) parser.parse("check in 2, 5: rough night, good morning", null);
        assertThat(command.wellbeing()).isEqualTo("2");
        assertThat(command.energy()).isEqualTo("5");
        assertThat(command.reflection()).isEqualTo("rough night, good morning");
        assertThat(command.fromCard()).isFalse();
    }

    @Test
    void teamReportsTakeAGroupAndAStart() {
        assertThat(parser.parse("summary", null)).isEqualTo(
                new Command.TeamReport(Command.TeamReport.Report.SUMMARY, null, null));
        assertThat(parser.parse("Wellbeing for team East place partnership since 2026-11-02", null)).isEqualTo(
                new Command.TeamReport(Command.TeamReport.Report.WELLBEING, "East place partnership", "2026-11-02"));
        assertThat(parser.parse("themes since last   session", null)).isEqualTo(
                new Command.TeamReport(Command.TeamReport.Report.THEMES, null, "last session"));
        assertThat(parser.parse("team actions group Blue", null)).isEqualTo(
                new Command.TeamReport(Command.TeamReport.Report.ACTIONS, "Blue", null));
        assertThat(parser.parse("export.", null)).isEqualTo(
                new Command.TeamReport(Command.TeamReport.Report.EXPORT, null, null));
        // A participant's own action plan keeps its word; "summary of my week" is not a report.
        assertThat(parser.parse("actions", null)).isInstanceOf(Command.ListActions.class);
        assertThat(parser.parse("summary of my week", null)).isInstanceOf(Command.Unknown.class);
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
        var command = (Command.SubmitCheckIn) parser.parse("ignored", data);
        assertThat(command.wellbeing()).isEqualTo("4");
        assertThat(command.energy()).isNull();
        assertThat(command.quoteOk()).isTrue();
        assertThat(parser.parse(null, json.createObjectNode())).isInstanceOf(Command.UnknownCardAction.class);
    }
}
