package com.waymark.question;

import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.waymark.outbox.DeliveryWorker;
import com.waymark.schedule.SessionDigests;
import com.waymark.support.Chat;
import com.waymark.support.Chat.Coach;
import com.waymark.support.Chat.Cohort;
import com.waymark.support.Chat.Person;
import com.waymark.support.Digests;
import com.waymark.support.ExportedJson;
import com.waymark.support.Replies;
import com.waymark.support.TeamsClient;
import com.waymark.support.WaymarkIntegrationTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A coach's question for the cohort, the way Teams drives it: the coach sets it in their 1:1 chat, participants meet
 * it in their next typed check-in (in the prompt's place, "From your coach"), answer it once, and the answers reach
 * the digest's themes only across the threshold of people. The scheduled check-in and the expiry at the next session
 * need the clock moved: {@code ScheduledCheckInTest.CohortQuestion}.
 */
class CohortQuestionTest extends WaymarkIntegrationTest {

    static final ObjectMapper JSON = new ObjectMapper();
    static final String BRAVER = "What would you like to be braver about this fortnight?";
    static final String TIME = "What is taking up most of your time at the moment, and is it the right thing?";

    /** Reflections on workload, as CoachInsightTest writes them: a theme any coach would recognise. */
    static final List<String> WORKLOAD = List.of(
            "Back-to-back meetings all week and no time left to think or plan ahead.",
            "My diary is wall to wall; covering a vacant director post on top of my own job.",
            "Firefighting every day, the strategic work keeps slipping because there is no capacity.",
            "Too many meetings, too little time; I answered emails at midnight again.",
            "We are stretched thin covering gaps in the rota and I have no headroom at all.",
            "Every hour of my week is booked; the planning I promised never happens.");

    @LocalServerPort
    int port;
    @Autowired
    JdbcTemplate db;
    @Autowired
    SessionDigests sessionDigests;
    @Autowired
    DeliveryWorker worker;
    @Autowired
    CohortQuestionData questions;

    Chat chat;
    Digests digests;

    @BeforeEach
    void client() {
        chat = new Chat(new TeamsClient(port, CONNECTOR.serviceUrl()), db).requiringOk();
        digests = new Digests(sessionDigests, worker, CONNECTOR);
    }

    @Test
    void theNextTypedCheckInAsksTheCoachsQuestionOnceEachAndStoresWhichPromptWasAnswered() {
        Cohort cohort = chat.cohort("Braver cohort", 2);
        Coach coach = cohort.coach();
        Person ama = cohort.member(0);
        Person ben = cohort.member(1);

        String set = coach.say("ask everyone What would you like to be *braver* about? See nhs.uk").text();
        assertThat(set).startsWith("Set for everyone in " + coach.programme())
                .contains("\"What would you like to be ∗braver∗ about? See nhs[.]uk\"")
                .contains("attributed \"From your coach\"")
                .contains("14 days after it was set, as no session was planned (one recorded sooner ends it then)")
                .contains("quoted only where someone ticked \"OK to quote me\"");

        Replies card = ama.say("check in");
        String shown = card.card().toString();
        assertThat(shown).contains("Your check-in").contains("How is your wellbeing")
                .contains("\"From your coach\"").contains("What would you like to be ∗braver∗ about? See nhs[.]uk")
                .doesNotContain("*braver*");
        String promptId = card.actionData(0).path("promptId").asText();
        assertThat(promptId).matches("cohort-[0-9a-f]{16}");

        answer(ama, card, "Braver about saying no to the next review.");
        assertThat(db.queryForObject("select prompt_id from check_in where participant_id = ?", String.class,
                ama.id())).isEqualTo(promptId);
        assertThat(ama.say("check in").card().toString()).as("answered once: the rotation goes on")
                .doesNotContain("From your coach").contains("Your check-in");
        assertThat(ben.say("check in").card().toString()).contains("From your coach");

        JsonNode export = ExportedJson.of(ama.say("my data"));
        assertThat(export.path("checkIns").path(0).path("question").asText())
                .as("the export says which question was answered")
                .isEqualTo("What would you like to be *braver* about? See nhs.uk");

        String overview = coach.say("question").card().toString();
        assertThat(overview).contains("For everyone").contains("Set by " + coach.name())
                .contains("Withdraw everyone's question");
    }

    @Test
    void aNewQuestionReplacesTheOldOneAndWithdrawingItBringsBackTheUsualPrompts() {
        Cohort cohort = chat.cohort("Replace cohort", 1);
        Coach coach = cohort.coach();
        Person cara = cohort.member(0);

        coach.say("ask everyone " + BRAVER);
        coach.say("ask everyone " + TIME);
        String shown = cara.say("check in").card().toString();
        assertThat(shown).contains(TIME).doesNotContain(BRAVER);
        assertThat(coach.say("question").card().toString()).contains(TIME).doesNotContain(BRAVER);

        assertThat(coach.say("withdraw question").text()).startsWith("Withdrawn: the question for everyone in")
                .contains("Check-ins from now on use the usual prompts");
        assertThat(cara.say("check in").card().toString()).doesNotContain("From your coach").doesNotContain(TIME);
        assertThat(coach.say("withdraw question").text())
                .isEqualTo("There's no question for everyone right now, so nothing was withdrawn. Say **question** to "
                        + "see what is set.");
        assertThat(coach.say("question").card().toString()).contains("No question is set right now");
    }

    @Test
    void aGroupsQuestionWinsForItsMembersAndTheCardSetsOneForAnotherGroup() {
        Cohort cohort = chat.cohort("Group cohort", 4).withGroups("Blue", "Blue Sky", "Green");
        Coach coach = cohort.coach();
        Person blue = cohort.member(0);
        Person sky = cohort.member(1);
        Person green = cohort.member(2);
        Person none = cohort.member(3);
        coach.places(blue, "Blue").places(sky, "Blue Sky").places(green, "Green");

        coach.say("ask everyone " + BRAVER);
        assertThat(coach.say("ask group blue: " + TIME).text()).startsWith("Set for group Blue in")
                .contains("For this group it takes the place of any question for everyone.");
        assertThat(question(blue)).isEqualTo(TIME);
        assertThat(question(sky)).as("the longest group name the words start with").isEqualTo(BRAVER);
        assertThat(question(green)).isEqualTo(BRAVER);
        assertThat(question(none)).isEqualTo(BRAVER);

        JsonNode card = coach.say("ask everyone").card();
        assertThat(card.toString()).contains("Group Blue Sky").contains("Set question");
        String skyQuestion = "Where did you notice your own energy lift this week?";
        ObjectNode submit = Chat.action("askCohortQuestion").put("scope", "group:Blue Sky")
                .put("question", skyQuestion);
        assertThat(coach.click(submit).text()).startsWith("Set for group Blue Sky in");
        assertThat(question(sky)).isEqualTo(skyQuestion);

        assertThat(coach.say("withdraw question group Blue").text()).startsWith("Withdrawn: the question for group "
                + "Blue in");
        assertThat(question(blue)).isEqualTo(BRAVER);
        assertThat(question(sky)).isEqualTo(skyQuestion);

        assertThat(coach.click(Chat.action("withdrawCohortQuestion").put("scope", "everyone")).text())
                .startsWith("Withdrawn: the question for everyone in");
        assertThat(question(green)).as("the usual prompts").isNull();
        assertThat(question(sky)).isEqualTo(skyQuestion);

        assertThat(coach.say("ask group Purple What is on your mind?").text())
                .startsWith("Which group? Put its name first, for example: ask group Blue What did you notice")
                .contains("Blue, Blue Sky, Green");
    }

    @Test
    void onlyTheCoachingTeamSetsItAndAQuestionTooLongOrTooShortIsRefusedKindly() {
        Cohort cohort = chat.cohort("Refusals cohort", 1);
        Coach coach = cohort.coach();
        Person dev = cohort.member(0);
        Person stranger = chat.person("Stella Stranger").agree();
        String kind = "Setting a question for the cohort is for the programme's coaches. Your own thoughts have their "
                + "place in your check-in: say \"check in\" whenever you like.";

        assertThat(dev.say("ask everyone Is anyone else finding this hard?").text()).isEqualTo(kind);
        assertThat(dev.say("withdraw question").text()).isEqualTo(kind);
        assertThat(stranger.say("ask everyone Is anyone else finding this hard?").text()).isEqualTo(kind);

        String tooLong = "What " + "really ".repeat(42) + "matters?";
        assertThat(tooLong).hasSize(307);
        assertThat(coach.say("ask everyone " + tooLong).text()).isEqualTo("That question is 307 characters long; a "
                + "question for the cohort can be up to 300. Could you shorten it? Nothing has been set yet.");
        assertThat(coach.say("ask everyone Why?").text()).isEqualTo("What would you like to ask? Write the question "
                + "after it, for example: ask everyone What did you notice about how you listened this week?");
        assertThat(db.queryForObject("select count(*) from cohort_question where programme_id = ?", Integer.class,
                coach.programmeId())).isZero();
        assertThat(dev.say("check in").card().toString()).doesNotContain("From your coach");

        String help = coach.say("help").card().toString();
        assertThat(help).contains("**ask everyone** and a question for the cohort's next check-ins");
        assertThat(dev.say("help").card().toString()).doesNotContain("ask everyone");
    }

    @Test
    void answersAreThemedInTheDigestAcrossTheThresholdAndNotBelowIt() {
        Cohort themed = chat.cohort("Themed cohort", 6);
        Coach five = themed.coach();
        List<Person> six = themed.members();
        five.say("ask everyone " + TIME);
        for (int i = 0; i < 6; i++) {
            Replies card = six.get(i).say("check in");
            assertThat(card.card().toString()).contains(TIME);
            answer(six.get(i), card, WORKLOAD.get(i));
        }
        assertThat(db.queryForList("select distinct prompt_id from check_in where programme_id = ?", String.class,
                five.programmeId())).as("the answers stay together under the question's id").hasSize(1)
                .allMatch(id -> id.startsWith("cohort-"));
        String digest = Digests.card(digests.forNextSession(five, 2)).toString();
        assertThat(digest).contains("Workload and capacity").doesNotContain(WORKLOAD.get(0).substring(0, 30));
        assertThat(themes(five)).contains("Workload and capacity").contains("6 people");

        Cohort small4 = chat.cohort("Small cohort", 4);
        Coach four = small4.coach();
        List<Person> fewer = small4.members();
        four.say("ask everyone " + TIME);
        for (int i = 0; i < 4; i++) {
            answer(fewer.get(i), fewer.get(i).say("check in"), WORKLOAD.get(i));
        }
        String small = Digests.card(digests.forNextSession(four, 2)).toString();
        assertThat(small).contains("Before your session").doesNotContain("Workload and capacity")
                .doesNotContain(WORKLOAD.get(0).substring(0, 30));
        assertThat(themes(four)).doesNotContain("Workload and capacity");
    }

    @Test
    void aCoachWhoErasesTheirDataLeavesTheQuestionToTheProgrammeWithoutTheirName() {
        Cohort cohort = chat.cohort("Erasure cohort", 1);
        Coach coach = cohort.coach();
        Person eli = cohort.member(0);
        coach.say("ask everyone " + BRAVER);
        long coachId = coach.id();
        assertThat(db.queryForObject("select count(*) from cohort_question where asked_by = ?", Integer.class,
                coachId)).isOne();
        assertThat(ExportedJson.of(coach.say("my data")).has("cohortQuestions"))
                .as("the programme's question, not the coach's data").isFalse();

        assertThat(coach.say("delete my data").card().toString()).contains("confirmErase");
        coach.click("confirmErase");

        assertThat(db.queryForObject("select count(*) from participant where id = ?", Integer.class, coachId)).isZero();
        assertThat(db.queryForObject("select count(*) from cohort_question where programme_id = ? and asked_by is null",
                Integer.class, coach.programmeId())).as("who asked it went with them").isOne();
        assertThat(eli.say("check in").card().toString()).as("the cohort may still be answering it")
                .contains("From your coach").contains(BRAVER);

        assertThat(questions.eraseProgrammeData(coach.programmeId())).as("retention takes the programme's questions")
                .isOne();
        assertThat(eli.say("check in").card().toString()).doesNotContain("From your coach");
    }

    // ---- helpers ----

    /** The question someone's next check-in card asks (its prompt), as shown. */
    private static String question(Person person) {
        JsonNode body = person.say("check in").card().path("body");
        for (int i = 0; i < body.size() - 1; i++) {
            if (body.get(i).path("text").asText().equals("From your coach")) {
                return body.get(i + 1).path("text").asText();
            }
        }
        return null;
    }

    /** Answers the check-in card in {@code card} with ratings and {@code reflection}. */
    private static void answer(Person person, Replies card, String reflection) {
        ObjectNode data = ((ObjectNode) card.actionData(0).deepCopy()).put("wellbeing", "3").put("energy", "3")
                .put("reflection", reflection).put("quoteOk", "false");
        assertThat(person.click(data).card().toString()).contains("Saved");
    }

    /** The coach's {@code themes} card (its charts are Teams' own, outside the card schema the DSL checks). */
    private static String themes(Coach coach) {
        return coach.say("themes").get(0).path("attachments").path(0).path("content").toString();
    }
}
