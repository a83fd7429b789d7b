package com.waymark.teams.impact;

import java.io.IOException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.waymark.impact.ImpactReport;
import com.waymark.impact.ImpactReports;
import com.waymark.insight.ScopeRequest;
import com.waymark.insight.TeamInsights;
import com.waymark.insight.TeamSummary;
import com.waymark.support.TeamsClient;
import com.waymark.support.TeamsClient.User;
import com.waymark.support.WaymarkIntegrationTest;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The impact report as a coach asks for it in the 1:1 chat (here the Playground's, where its figures come as CSV) and
 * as the file the PDF offer makes: the same figures as the coach's {@code summary} for the same weeks, nothing below
 * the threshold in the PDF's text, the rule across reads applied against an earlier summary, participants refused
 * kindly, and every read audited.
 */
class ImpactReportTest extends WaymarkIntegrationTest {

    static final ObjectMapper JSON = new ObjectMapper();

    @LocalServerPort
    int port;
    @Autowired
    JdbcTemplate db;
    @Autowired
    ImpactReports reports;
    @Autowired
    TeamInsights insights;
    @Autowired
    Clock clock;

    TeamsClient teams;
    User coach;
    long coachId;
    long programmeId;
    LocalDate startsOn;

    @BeforeEach
    void client() {
        teams = new TeamsClient(port, CONNECTOR.serviceUrl());
    }

    @Test
    void theReportsFiguresAreTheCoachsSummaryFiguresForTheSameWeeks() throws IOException {
        List<User> people = programme(7, 14);
        for (int i = 0; i < 6; i++) {
            checkIn(people.get(i), 3 + i % 2, 2 + i % 3);
            say(people.get(i), "add action Walk the wards with the night team " + i);
        }
        for (int i = 0; i < 5; i++) {
            say(people.get(i), "done 1");
        }
        String card = teams.expectReplies(teams.message(coach, "summary since " + startsOn)).replies().toString();
        TeamSummary summary = insights.summary(coachId, new ScopeRequest(null, startsOn, false));

        ImpactReport report = reports.read(coachId, programmeId);
        // Every section the report shows is summary's; summary may add the diagnostic before the first session,
        // which is not the report's (a module adds a section of its own through ImpactSection).
        assertThat(report.summary().header()).isEqualTo(summary.header());
        assertThat(report.summary().participation()).isEqualTo(summary.participation());
        assertThat(report.summary().wellbeing()).isEqualTo(summary.wellbeing());
        assertThat(report.summary().themes()).isEqualTo(summary.themes());
        assertThat(report.summary().actions()).isEqualTo(summary.actions());
        String pdf = pdfText(ImpactReports.pdf(report).bytes());
        String mean = String.format(Locale.UK, "%.1f", summary.wellbeing().mean());
        String energy = String.format(Locale.UK, "%.1f", summary.wellbeing().energy());
        assertThat(card).contains(mean).contains(energy);
        assertThat(pdf).contains("Average wellbeing over the programme " + mean)
                .contains("Average energy over the programme " + energy)
                .contains("Leaders enrolled 7")
                .contains("Leaders who checked in at least once 6 of 7 (86%)")
                .contains("Check-ins answered 6")
                .contains("Actions set 6")
                .contains("Actions completed 5");
        assertThat(summary.actions().done()).isEqualTo(5);
        assertThat(summary.participation().answered()).isEqualTo(6);
        // Nobody's name or action text is in a report for commissioners.
        assertThat(pdf).doesNotContain(people.get(0).name()).doesNotContain("night team");
    }

    @Test
    void noFigureAboutFewerThanTheThresholdIsInThePdf() throws IOException {
        List<User> people = programme(6, 7);
        int[][] ratings = {{5, 2}, {5, 2}, {4, 1}, {4, 1}};
        for (int i = 0; i < ratings.length; i++) {
            checkIn(people.get(i), ratings[i][0], ratings[i][1]);
        }
        ImpactReport report = reports.read(coachId, programmeId);
        String pdf = pdfText(ImpactReports.pdf(report).bytes());

        // Four people rated: their mean wellbeing 4.5 and energy 1.5, and "4 of 6", are nowhere in the file.
        assertThat(pdf).doesNotContain("4.5").doesNotContain("1.5").doesNotContain("4 of 6");
        assertThat(lines(pdf)).contains("Leaders enrolled 6", "Leaders who checked in at least once hidden",
                "Leaders yet to check in hidden", "Check-ins answered hidden", "Leaders who rated hidden",
                "Average wellbeing over the programme hidden", "Average energy over the programme hidden");
        for (ImpactReport.Section section : report.sections()) {
            for (ImpactReport.Figure figure : section.figures()) {
                if (!figure.shown()) {
                    assertThat(lines(pdf)).as(figure.label()).anyMatch(line -> line.startsWith(figure.label())
                            && line.endsWith("hidden"));
                }
            }
        }
        assertThat(pdf).contains(report.released() + " figures shown, " + report.hidden() + " hidden");
        assertThat(ImpactReports.csv(report)).contains("Wellbeing and energy,Average wellbeing over the programme,hidden");
    }

    @Test
    void aBandOfOneIsHiddenAndSoIsTheBandThatWouldGiveItAway() throws IOException {
        List<User> people = programme(7, 7);
        for (int i = 0; i < 6; i++) {
            checkIn(people.get(i), i == 5 ? 2 : 4, 3);
        }
        ImpactReport report = reports.read(coachId, programmeId);
        List<String> lines = lines(pdfText(ImpactReports.pdf(report).bytes()));

        // Six rated: the mean is shown; the one who said 2 is not, nor the five at 4 (six minus five is one).
        assertThat(lines).contains("Average wellbeing over the programme 3.7",
                "Leaders whose average wellbeing was 2 hidden", "Leaders whose average wellbeing was 4 hidden");
        assertThat(lines).noneMatch(line -> line.startsWith("Leaders whose average wellbeing was") && !line.endsWith(
                "hidden"));
    }

    @Test
    void aSummaryThenAReportFromOneMorePersonHoldsTheReportBack() throws IOException {
        List<User> people = programme(8, 7);
        for (int i = 0; i < 5; i++) {
            checkIn(people.get(i), 3, 3);
        }
        // The coach reads the summary of the programme's weeks: five people, mean 3.0.
        String before = teams.expectReplies(teams.message(coach, "summary since " + startsOn)).replies().toString();
        assertThat(before).contains("3.0");
        // A sixth checks in at 5. The report of the same weeks would give 3.3 and, against the summary, their answer.
        checkIn(people.get(5), 5, 5);
        ImpactReport report = reports.read(coachId, programmeId);
        String pdf = pdfText(ImpactReports.pdf(report).bytes());

        assertThat(lines(pdf)).contains("Average wellbeing over the programme hidden",
                "Leaders who checked in at least once hidden");
        assertThat(pdf).doesNotContain("3.3").doesNotContain("6 of 8");
        assertThat(report.heldBack()).isPositive();
        assertThat(pdf).contains("Of the figures this reading asked to release, " + report.heldBack());
        // And reading the report again gives nothing more away: the same figures, hidden the same.
        ImpactReport again = reports.read(coachId, programmeId);
        assertThat(again.sections()).isEqualTo(report.sections());
    }

    @Test
    void aCoachWhoAlsoChecksInIsNotInTheirOwnReport() throws IOException {
        List<User> people = programme(5, 7);
        for (User person : people) {
            checkIn(person, 4, 4);
        }
        String code = db.queryForObject("select join_code from programme where id = ?", String.class, programmeId);
        say(coach, "join " + code);
        checkIn(coach, 1, 1);
        ImpactReport report = reports.read(coachId, programmeId);
        List<String> lines = lines(pdfText(ImpactReports.pdf(report).bytes()));

        // Staff never count, even when they check in: with the coach's own 1 the mean would read 3.5.
        assertThat(lines).contains("Leaders enrolled 5", "Average wellbeing over the programme 4.0",
                "Check-ins answered 5");
    }

    @Test
    void theCoachAsksInTheChatAndTheReadIsAudited() {
        List<User> people = programme(6, 7);
        for (int i = 0; i < 5; i++) {
            checkIn(people.get(i), 4, 4);
        }
        int before = audited();
        List<JsonNode> replies = teams.expectReplies(teams.message(coach, "impact report")).replies();

        String all = replies.toString();
        assertThat(all).contains("Impact report: ").contains("figures shown").contains("The PDF itself can't be sent in this chat")
                .contains("Participation,Leaders enrolled,6").contains("Average wellbeing over the programme,4.0");
        assertThat(audited()).isEqualTo(before + 1);
        // The audit names exactly the people in its figures: the six enrolled (their count is shown), and not the coach.
        assertThat(db.queryForObject("select people_included from audit_event where programme_id = ? "
                + "and kind = 'IMPACT_REPORT' order by id desc limit 1", Integer.class, programmeId)).isEqualTo(6);
        assertThat(db.queryForObject("select count(*) from audit_subject s join audit_event e on e.id = s.audit_event_id "
                + "where e.programme_id = ? and e.kind = 'IMPACT_REPORT' and s.participant_id = ?", Integer.class,
                programmeId, coachId)).isZero();
    }

    @Test
    void aParticipantOrAStrangerIsToldKindlyAndNothingIsRead() {
        List<User> people = programme(6, 7);
        int before = audited();
        assertThat(text(people.get(0), "impact report")).isEqualTo(ImpactSlice.FOR_STAFF);
        User stranger = User.fresh("Stranger " + UUID.randomUUID().toString().substring(0, 4));
        teams.expectReplies(teams.install(stranger));
        teams.expectReplies(teams.cardSubmit(stranger, JSON.createObjectNode().put("action", "consent")));
        assertThat(text(stranger, "impact report")).isEqualTo(ImpactSlice.FOR_STAFF);
        assertThat(audited()).isEqualTo(before);
    }

    // ---- helpers ----

    /** A coach's programme of {@code size} agreed members that started {@code daysAgo} days ago. */
    List<User> programme(int size, int daysAgo) {
        coach = User.fresh("Coach " + UUID.randomUUID().toString().substring(0, 4));
        teams.expectReplies(teams.install(coach));
        teams.expectReplies(teams.cardSubmit(coach, JSON.createObjectNode().put("action", "consent")));
        String name = "Impact " + UUID.randomUUID().toString().substring(0, 6);
        teams.expectReplies(teams.message(coach, "create programme " + name));
        String code = db.queryForObject("select join_code from programme where name = ?", String.class, name);
        programmeId = db.queryForObject("select id from programme where name = ?", Long.class, name);
        coachId = db.queryForObject("select id from participant where identity_key = ?", Long.class,
                "aad:" + coach.aadObjectId());
        ZoneId zone = ZoneId.of(db.queryForObject("select time_zone from programme where id = ?", String.class,
                programmeId));
        startsOn = LocalDate.now(clock.withZone(zone)).minusDays(daysAgo);
        db.update("update programme set starts_on = ? where id = ?", startsOn, programmeId);
        List<User> people = new ArrayList<>();
        for (int i = 0; i < size; i++) {
            User person = User.fresh("Leader " + (char) ('A' + i) + " " + UUID.randomUUID().toString().substring(0, 4));
            teams.expectReplies(teams.install(person));
            teams.expectReplies(teams.cardSubmit(person, JSON.createObjectNode().put("action", "consent")));
            teams.expectReplies(teams.message(person, "join " + code));
            people.add(person);
        }
        return people;
    }

    void checkIn(User person, int wellbeing, int energy) {
        ObjectNode submit = JSON.createObjectNode().put("action", "checkin").put("wellbeing", Integer.toString(wellbeing))
                .put("energy", Integer.toString(energy)).put("reflection", "").put("quoteOk", "false");
        assertThat(teams.expectReplies(teams.cardSubmit(person, submit)).replies().toString()).contains("Saved");
    }

    void say(User user, String text) {
        teams.expectReplies(teams.message(user, text));
    }

    String text(User user, String text) {
        return teams.expectReplies(teams.message(user, text)).replies().get(0).path("text").asText();
    }

    int audited() {
        return db.queryForObject("select count(*) from audit_event where programme_id = ? and kind = 'IMPACT_REPORT'",
                Integer.class, programmeId);
    }

    static String pdfText(byte[] pdf) throws IOException {
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            PDFTextStripper stripper = new PDFTextStripper();
            stripper.setSortByPosition(true);
            return stripper.getText(doc);
        }
    }

    static List<String> lines(String text) {
        return text.lines().map(String::strip).toList();
    }
}
