package com.waymark.insight;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.waymark.bench.ConnectorStub;
import com.waymark.outbox.DeliveryWorker;
import com.waymark.schedule.SessionDigests;
import com.waymark.support.CardFacts;
import com.waymark.support.CardSchema;
import com.waymark.support.Chat;
import com.waymark.support.Chat.Coach;
import com.waymark.support.Chat.Cohort;
import com.waymark.support.Chat.Person;
import com.waymark.support.Digests;
import com.waymark.support.TeamsClient;
import com.waymark.support.WaymarkIntegrationTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Coach insight the way Teams drives it: participants check in over HTTP, the coach asks for reports in the
 * 1:1 chat and in a team chat, and the pre-session digest goes out through the outbox. Suppression is checked
 * at its edges: four people against five, and a group whose figures could be worked out from the others.
 */
class CoachInsightTest extends WaymarkIntegrationTest {

    static final ObjectMapper JSON = new ObjectMapper();

    /** Two themes any coach would recognise, each written by several people in their own way. */
    static final List<String> WORKLOAD = List.of(
            "Back-to-back meetings all week and no time left to think or plan ahead.",
            "My diary is wall to wall; covering a vacant director post on top of my own job.",
            "Firefighting every day, the strategic work keeps slipping because there is no capacity.",
            "Too many meetings, too little time; I answered emails at midnight again.",
            "We are stretched thin covering gaps in the rota and I have no headroom at all.",
            "Every hour of my week is booked; the planning I promised never happens.");
    static final List<String> RECOGNITION = List.of(
            "Thanked the night team in person; they said nobody had done that in years.",
            "Wrote thank-you cards to the porters after the outbreak and it meant a lot to them.",
            "Named the admin team's work at the board meeting, they were quietly delighted.",
            "We celebrated the ward that halved its falls; recognition matters more than I admit.",
            "Made a point of appreciating the domestic staff on the ward round this week.",
            "Sent a personal note of thanks to the discharge team for their extra effort.");

    @LocalServerPort
    int port;
    @Autowired
    JdbcTemplate db;
    @Autowired
    SessionDigests sessionDigests;
    @Autowired
    DeliveryWorker worker;

    Chat chat;
    Coach coach;
    long programmeId;

    @BeforeEach
    void client() {
        chat = new Chat(new TeamsClient(port, CONNECTOR.serviceUrl()), db);
    }

    @Test
    void wellbeingIsHiddenForFourPeopleAndShownForFive() {
        List<Person> people = programme(6);
        for (int i = 0; i < 4; i++) {
            checkIn(people.get(i), 4, 3, "", false);
        }
        JsonNode four = card(coach, "wellbeing");
        assertThat(four.toString()).contains("Fewer than 5 people rated").doesNotContain("Mean wellbeing");

        checkIn(people.get(4), 2, 2, "", false);
        JsonNode five = card(coach, "wellbeing");
        assertThat(five.toString()).contains("Mean wellbeing (1–5)").contains("3.6");
        CardSchema.assertValidWithChartFallbacks(five);
        // Four said 4 and one said 2: the one is hidden, and so are the four (five minus four would give them).
        assertThat(five.toString()).contains("How people spread across the scale stays hidden");

        // The read is audited with exactly the five whose data was shown; the sixth is not in it.
        assertThat(audited("TEAM_SUMMARY")).isEqualTo(5);
    }

    @Test
    void aGroupIsHiddenWhenTheRestOfTheProgrammeCouldBeSubtractedFromIt() {
        List<Person> people = programme(10);
        coach.addsGroup("Blue").addsGroup("Green");
        for (int i = 0; i < people.size(); i++) {
            coach.describes(people.get(i), "Chair", "North Ridge ICB", i < 6 ? "Blue" : "Green", null);
            checkIn(people.get(i), 3 + i % 2, 3, "", false);
        }
        // The programme (10) is shown; Green (4) is too small; Blue (6) would be the programme minus Green.
        assertThat(card(coach, "wellbeing").toString()).contains("Mean wellbeing");
        assertThat(card(coach, "wellbeing team Green").toString()).contains("stays hidden");
        assertThat(card(coach, "wellbeing team Blue").toString()).contains("stays hidden");
        assertThat(coach.say("summary team Purple").text()).contains("no group called \"Purple\"").contains("Blue, Green");
    }

    @Test
    void participationShowsNineOfTwelveAsVivaGlintDoesAndHidesFourOfTwelveEverywhere() {
        List<Person> people = programme(12);
        for (int i = 0; i < 9; i++) {
            checkIn(people.get(i), 4, 4, "", false);
        }
        // 9 of 12: nine responded, at least the threshold, so the count is shown; nobody who didn't is named.
        JsonNode nine = card(coach, "participation");
        assertThat(facts(nine)).containsEntry("People enrolled", "12").containsEntry("Checked in", "9 of 12 (75%)")
                .containsEntry("Not yet", "3");
    }

    @Test
    void themesNameWhatFivePeopleShareAndQuoteOnlyThoseWhoSaidYes() {
        List<Person> people = programme(8);
        for (int i = 0; i < 6; i++) {
            checkIn(people.get(i), 3, 3, WORKLOAD.get(i), i < 2);
        }
        checkIn(people.get(6), 3, 3, RECOGNITION.get(0), true);
        checkIn(people.get(7), 3, 3, RECOGNITION.get(1), true);
        JsonNode themes = card(coach, "themes");
        String shown = themes.toString();
        assertThat(shown).contains("Workload and capacity").contains("6 people").contains("Chart.HorizontalBar")
                .contains("1 smaller theme");
        // Only the two who opted in can be quoted; the two recognition reflections make a theme too small to show.
        long quoted = WORKLOAD.stream().filter(q -> shown.contains(q.substring(0, 30))).count();
        assertThat(quoted).isBetween(1L, 2L);
        assertThat(WORKLOAD.subList(2, 6)).noneMatch(q -> shown.contains(q.substring(0, 30)));
        assertThat(shown).doesNotContain("night team").doesNotContain("porters").doesNotContain(people.get(0).name());
        CardSchema.assertValidWithChartFallbacks(themes);
        assertThat(audited("THEMES")).isEqualTo(8);
        assertThat(audited("QUOTES")).isEqualTo(8);
    }

    @Test
    void theDigestArrivesBeforeTheSessionWithFiguresQuestionsAndCharts() {
        List<Person> people = programme(6);
        for (int i = 0; i < 6; i++) {
            checkIn(people.get(i), 2 + i % 3, 3, WORKLOAD.get(i), false);
        }
        JsonNode digest = sendDigest(coach, 2).path("attachments").path(0).path("content");
        String text = digest.toString();
        assertThat(text).contains("Participation").contains("Mean wellbeing").contains("Workload and capacity")
                .contains("Peer coaching").contains("Questions you might bring").contains("Chart.HorizontalBar");
        assertThat(text).doesNotContain(people.get(0).name()).doesNotContain(WORKLOAD.get(0).substring(0, 30));
        CardSchema.assertValidWithChartFallbacks(digest);
        assertThat(audited("SESSION_DIGEST")).isEqualTo(6);
    }

    @Test
    void aProgrammesConsecutiveDigestsNeverRepeatAQuestionWhileAnotherProgrammeHasSessionsToo() throws Exception {
        List<String> bank = new ArrayList<>();
        JSON.readTree(getClass().getResource("/insight/questions.json")).findValues("general")
                .forEach(list -> list.forEach(q -> bank.add(q.asText())));
        JSON.readTree(getClass().getResource("/insight/questions.json")).path("themes")
                .forEach(list -> list.forEach(q -> bank.add(q.asText())));
        List<Person> people = programme(6);
        for (int i = 0; i < 6; i++) {
            checkIn(people.get(i), 3, 3, WORKLOAD.get(i), false);
        }
        Coach coachA = coach;
        long a = programmeId;
        programme(0);
        Coach coachB = coach;
        long b = programmeId;
        // Sessions of the two programmes interleave (B has two in a row), so their ids are not each one apart.
        List<List<String>> digestsOfA = new ArrayList<>();
        List<List<String>> digestsOfB = new ArrayList<>();
        int day = 2;
        for (char which : "ABBABAA".toCharArray()) {
            boolean isA = which == 'A';
            (isA ? digestsOfA : digestsOfB).add(digestQuestions(isA ? coachA : coachB, day++, bank));
        }
        assertThat(digestsOfA.get(0)).as("a workload question for programme A's theme")
                .containsAnyElementsOf(List.of("If you could hand back one meeting a week, which would it be, and what "
                        + "stops you?", "What is the team saying yes to that it could say 'not now' to?",
                        "Where does firefighting crowd out the thinking only this team can do?"));
        for (List<List<String>> digestsOfOne : List.of(digestsOfA, digestsOfB)) {
            for (int i = 1; i < digestsOfOne.size(); i++) {
                assertThat(digestsOfOne.get(i)).as("digest %d after %s", i, digestsOfOne.get(i - 1)).hasSize(3)
                        .doesNotContainAnyElementsOf(digestsOfOne.get(i - 1));
            }
        }
        // Every coach of a session gets the same questions: composing it again reads what was chosen.
        long lastOfA = db.queryForObject("select max(id) from coaching_session where programme_id = ?", Long.class, a);
        assertThat(db.queryForList("select question from digest_question where session_id = ? order by position",
                String.class, lastOfA)).containsExactlyInAnyOrderElementsOf(digestsOfA.get(digestsOfA.size() - 1));
    }

    /** The bank's questions in the digest of a session recorded {@code daysAhead} from now. */
    private List<String> digestQuestions(Coach coachOf, int daysAhead, List<String> bank) {
        String digest = sendDigest(coachOf, daysAhead).toString();
        return bank.stream().filter(digest::contains).toList();
    }

    /** Records a session {@code daysAhead} from now and returns its digest as the connector received it. */
    private JsonNode sendDigest(Coach coachOf, int daysAhead) {
        return new Digests(sessionDigests, worker, CONNECTOR).forNextSession(coachOf, daysAhead);
    }

    @Test
    void actionProgressCountsCommonBlockersOnlyAcrossFivePeopleAndNeverTheirWords() {
        List<Person> people = programme(6);
        for (int i = 0; i < 6; i++) {
            people.get(i).say("add action Try a new huddle format " + i);
            String reason = i < 5 ? "waiting for the board to sign it off" : "no budget for it";
            assertThat(people.get(i).say("stuck 1 " + reason).text()).contains("Noted what's in the way");
        }
        assertThat(card(people.get(0), "my actions").toString()).contains("In the way: waiting for the board");
        String report = card(coach, "actions").toString();
        assertThat(facts(card(coach, "actions"))).containsEntry("Open, on track", "6")
                .containsEntry("Added in this period", "6");
        assertThat(report).contains("Waiting on others (5)").doesNotContain("Money")
                .doesNotContain("sign it off").doesNotContain("budget");
        assertThat(audited("ACTIONS")).isEqualTo(6);
        assertThat(people.get(0).say("stuck 9 something").text()).contains("no action number 9");
    }

    @Test
    void coachFeedbackRenamesAndMergesThemesForTheirProgrammeOnly() {
        List<Person> people = programme(6);
        for (int i = 0; i < 6; i++) {
            checkIn(people.get(i), 3, 3, WORKLOAD.get(i), false);
        }
        assertThat(coach.say("rename theme workload and capacity to Too much, too fast").text())
                .contains("is now called \"Too much, too fast\"");
        assertThat(card(coach, "themes").toString()).contains("Too much, too fast").contains("6 people");
        assertThat(coach.say("merge themes Wellbeing and boundaries into Too much, too fast").text())
                .contains("folded into \"Too much, too fast\"");
        assertThat(coach.say("not about Too much, too fast: We celebrated the porters with a thank-you lunch.").text())
                .contains("count less");
        assertThat(coach.say("more like Recognition and appreciation: We celebrated the porters.").text())
                .contains("count towards");
        assertThat(coach.say("rename theme Astrology to Stars").text()).contains("no theme called \"Astrology\"");
        assertThat(people.get(0).say("rename theme Workload and capacity to Mine").text()).contains("only for the coaches");

        // Another programme keeps the bundled names.
        List<Person> others = programme(5);
        for (int i = 0; i < 5; i++) {
            checkIn(others.get(i), 3, 3, WORKLOAD.get(i), false);
        }
        assertThat(card(coach, "themes").toString()).contains("Workload and capacity").doesNotContain("Too much");
    }

    @Test
    void exportIsCsvOfFiguresWithoutNamesOrWords() {
        List<Person> people = programme(5);
        for (int i = 0; i < 5; i++) {
            checkIn(people.get(i), 4, 2, WORKLOAD.get(i), true);
        }
        List<JsonNode> replies = coach.say("export since last session");
        assertThat(replies.get(0).toString()).contains("Export (team-level figures, CSV)")
                .contains("The CSV follows in the next message, one figure a line");
        // Outside Teams' own 1:1 chat (here: a connector on this machine, as the Agents Playground's) the CSV is a
        // code block, each row on a line of its own.
        String text = replies.get(1).path("text").asText();
        assertThat(text).contains("```csv\n");
        String csv = text.substring(text.indexOf("```csv\n") + 7, text.lastIndexOf("\n```"));
        assertThat(csv.lines().findFirst().orElseThrow()).isEqualTo("programme,period_from,period_to,section,figure,value");
        assertThat(csv).contains("wellbeing,mean wellbeing (1-5),4.0\n").contains("mean energy (1-5),2.0\n");
        int figures = (int) csv.lines().count() - 1;
        assertThat(replies.get(0).toString()).contains(figures + " figures, aggregates only");
        assertThat(csv).doesNotContain(people.get(0).name()).doesNotContain("midnight").doesNotContain("diary");
        assertThat(audited("EXPORT")).isEqualTo(5);
    }

    @Test
    void participantsAndOtherChatsArePolitelyRefused() {
        List<Person> people = programme(5);
        assertThat(people.get(0).say("summary").text()).contains("only for the coaches");
        assertThat(people.get(0).say("themes since 2026-11-02").text()).contains("only for the coaches");
        assertThat(coach.say("summary since 2099-01-05").text()).contains("still to come");

        String teamId = "19:insight-" + UUID.randomUUID() + "@thread.tacv2";
        CONNECTOR.setRoster(teamId, List.of(ConnectorStub.member(coach.userId(), coach.name(), coach.aadObjectId()),
                ConnectorStub.member(people.get(0).userId(), people.get(0).name(), people.get(0).aadObjectId())));
        CONNECTOR.capPageSize(500);
        List<JsonNode> replies = coach.sayInTeam(teamId, "summary");
        assertThat(replies.get(0).path("text").asText()).contains("confidential to the coaching team");

        String coachesOnly = "19:coaches-" + UUID.randomUUID() + "@thread.tacv2";
        CONNECTOR.setRoster(coachesOnly, List.of(ConnectorStub.member(coach.userId(), coach.name(), coach.aadObjectId())));
        JsonNode inCoachChat = coach.sayInTeam(coachesOnly, "wellbeing").get(0);
        assertThat(inCoachChat.toString()).contains("Wellbeing:");
    }

    /** Every report word the team-chat help lists is answered as that report in a chat of coaches. */
    @Test
    void everyReportTheTeamChatHelpListsWorksInATeamChat() {
        List<Person> people = programme(5);
        for (int i = 0; i < 5; i++) {
            checkIn(people.get(i), 3, 4, WORKLOAD.get(i), false);
        }
        String coachesOnly = "19:coaches-" + UUID.randomUUID() + "@thread.tacv2";
        CONNECTOR.setRoster(coachesOnly, List.of(ConnectorStub.member(coach.userId(), coach.name(), coach.aadObjectId())));
        CONNECTOR.capPageSize(500);
        String help = coach.sayInTeam(coachesOnly, "help").get(0)
                .path("text").asText();
        String reportsLine = help.lines().filter(l -> l.contains("team reports")).findFirst().orElseThrow();
        List<String> words = java.util.regex.Pattern.compile("\\*\\*([^*]+)\\*\\*").matcher(reportsLine).results()
                .map(m -> m.group(1)).toList();
        assertThat(words).contains("actions", "team actions", "summary");
        Map<String, String> heading = Map.of("summary", "Team summary", "themes", "Themes", "wellbeing", "Wellbeing",
                "actions", "Action plans", "team actions", "Action plans", "participation", "Participation",
                "export", "Export (team-level figures, CSV)");
        for (String word : words) {
            String reply = coach.sayInTeam(coachesOnly, word).get(0).toString();
            assertThat(reply).as(word).doesNotContain("1:1 chat").doesNotContain("coaches can say")
                    .contains(heading.get(word));
        }
    }

    // ---- helpers ----

    /** A coach's new programme with {@code size} members who agreed; it becomes the test's programme. */
    List<Person> programme(int size) {
        Cohort cohort = chat.cohort("Insight", size);
        coach = cohort.coach();
        programmeId = coach.programmeId();
        return cohort.members();
    }

    static void checkIn(Person person, int wellbeing, int energy, String reflection, boolean quoteOk) {
        String reply = person.click(Chat.action("checkin").put("wellbeing", Integer.toString(wellbeing))
                .put("energy", Integer.toString(energy)).put("reflection", reflection)
                .put("quoteOk", Boolean.toString(quoteOk))).toString();
        assertThat(reply).contains("Saved");
    }

    int audited(String kind) {
        Long event = db.queryForObject("select max(id) from audit_event where programme_id = ? and kind = ?",
                Long.class, programmeId, kind);
        assertThat(event).as("an audit entry of kind %s", kind).isNotNull();
        return db.queryForObject("select people_included from audit_event where id = ?", Integer.class, event);
    }

    /** The first reply's card, unchecked: the reports' charts are Teams' own, outside the card schema. */
    static JsonNode card(Person person, String text) {
        JsonNode reply = person.say(text).get(0);
        assertThat(reply.path("attachments")).as("a card in reply to %s: %s", text, reply).isNotEmpty();
        return reply.path("attachments").path(0).path("content");
    }

    static Map<String, String> facts(JsonNode card) {
        return CardFacts.of(card);
    }
}
