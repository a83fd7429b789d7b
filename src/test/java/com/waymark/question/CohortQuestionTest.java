package com.waymark.question;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.waymark.outbox.DeliveryWorker;
import com.waymark.schedule.SessionDigests;
import com.waymark.support.Chat;
import com.waymark.support.Chat.Coach;
import com.waymark.support.Chat.Person;
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
    SessionDigests digests;
    @Autowired
    DeliveryWorker worker;
    @Autowired
    CohortQuestionData questions;

    Chat chat;

    @BeforeEach
    void client() {
        chat = new Chat(new TeamsClient(port, CONNECTOR.serviceUrl()), db).requiringOk();
    }

    @Test
    void theNextTypedCheckInAsksTheCoachsQuestionOnceEachAndStoresWhichPromptWasAnswered() {
        Coach coach = chat.coach("Dr Helen Marsh").createsUnique("Braver cohort");
        Person ama = member(coach, "Ama Owusu");
        Person ben = member(coach, "Ben Pryce");

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
        assertThat(overview).contains("For everyone").contains("Set by Dr Helen Marsh")
                .contains("Withdraw everyone's question");
    }

    @Test
    void aNewQuestionReplacesTheOldOneAndWithdrawingItBringsBackTheUsualPrompts() {
        Coach coach = chat.coach("Dr Priya Nair").createsUnique("Replace cohort");
        Person cara = member(coach, "Cara Doyle");

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
        Coach coach = chat.coach("Dr Sam Okafor").createsUnique("Group cohort");
        coach.say("add group Blue");
        coach.say("add group Blue Sky");
        coach.say("add group Green");
        Person blue = member(coach, "Bo Blue");
        Person sky = member(coach, "Skye Blue-Sky");
        Person green = member(coach, "Gwen Green");
        Person none = member(coach, "Nia None");
        place(coach, blue, "Blue");
        place(coach, sky, "Blue Sky");
        place(coach, green, "Green");

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
        Coach coach = chat.coach("Dr Ruth Eze").createsUnique("Refusals cohort");
        Person dev = member(coach, "Dev Shah");
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
        Coach five = chat.coach("Dr Lena Brooks").createsUnique("Themed cohort");
        five.agree();
        List<Person> six = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            six.add(member(five, "Leader " + (char) ('A' + i)));
        }
        five.say("ask everyone " + TIME);
        for (int i = 0; i < 6; i++) {
            Replies card = six.get(i).say("check in");
            assertThat(card.card().toString()).contains(TIME);
            answer(six.get(i), card, WORKLOAD.get(i));
        }
        assertThat(db.queryForList("select distinct prompt_id from check_in where programme_id = ?", String.class,
                five.programmeId())).as("the answers stay together under the question's id").hasSize(1)
                .allMatch(id -> id.startsWith("cohort-"));
        String digest = digest(five).toString();
        assertThat(digest).contains("Workload and capacity").doesNotContain(WORKLOAD.get(0).substring(0, 30));
        assertThat(themes(five)).contains("Workload and capacity").contains("6 people");

        Coach four = chat.coach("Dr Omar Haddad").createsUnique("Small cohort");
        four.agree();
        List<Person> fewer = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            fewer.add(member(four, "Member " + (char) ('A' + i)));
        }
        four.say("ask everyone " + TIME);
        for (int i = 0; i < 4; i++) {
            answer(fewer.get(i), fewer.get(i).say("check in"), WORKLOAD.get(i));
        }
        String small = digest(four).toString();
        assertThat(small).contains("Before your session").doesNotContain("Workload and capacity")
                .doesNotContain(WORKLOAD.get(0).substring(0, 30));
        assertThat(themes(four)).doesNotContain("Workload and capacity");
    }

    @Test
    void aCoachWhoErasesTheirDataLeavesTheQuestionToTheProgrammeWithoutTheirName() {
        Coach coach = chat.coach("Dr Iris Vaughan").createsUnique("Erasure cohort");
        coach.agree();
        Person eli = member(coach, "Eli Morgan");
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

    /** A participant who agreed and joined the coach's programme. */
    private Person member(Coach coach, String name) {
        return chat.person(name + " " + Chat.uniqueName("").strip()).agree().joins(coach);
    }

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

    private void place(Coach coach, Person person, String group) {
        long groupId = db.queryForObject("select id from programme_group where programme_id = ? and name = ?",
                Long.class, coach.programmeId(), group);
        ObjectNode data = Chat.action("describeMember").put("participantId", Long.toString(person.id()))
                .put("role", "Director").put("organisation", "North Ridge ICB").put("groupId", Long.toString(groupId));
        assertThat(coach.click(data).text()).startsWith("Saved");
    }

    /** The coach's {@code themes} card (its charts are Teams' own, outside the card schema the DSL checks). */
    private static String themes(Coach coach) {
        return coach.say("themes").get(0).path("attachments").path(0).path("content").toString();
    }

    /** Records a session two days ahead and returns the digest card each coach is sent for it. */
    private JsonNode digest(Coach coach) {
        String when = Instant.now().plus(Duration.ofDays(2)).toString().substring(0, 10);
        assertThat(coach.say("next session " + when + " 14:00").text()).contains("Recorded the next session");
        long sessionId = db.queryForObject("select max(id) from coaching_session where programme_id = ?", Long.class,
                coach.programmeId());
        CONNECTOR.reset();
        assertThat(digests.sessionApproaching(sessionId)).isEqualTo(1);
        worker.drainAll();
        List<JsonNode> sent = CONNECTOR.awaitSent(1, Duration.ofSeconds(30),
                x -> x.toString().contains("Before your session"));
        assertThat(sent).as("the digest reached the coach").isNotEmpty();
        return sent.get(0).path("attachments").path(0).path("content");
    }
}
