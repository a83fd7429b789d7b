package com.waymark.cycle;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.waymark.bench.ConnectorStub;
import com.waymark.schedule.CheckInTicker;
import com.waymark.support.Chat;
import com.waymark.support.EveryColumn;
import com.waymark.support.Replies;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * A coach's question for the cohort that points each member at their own commitments from the last session (issue
 * 16, part 4): each member's check-in shows, beside the question, what they themselves said they'd try, and only
 * that; someone who noted nothing gets the question with a kind line; the answer is a reflection like any other; the
 * coach never sees anyone's commitments through it; erasing one's data takes one's commitments from the card.
 */
class CommitmentsQuestionTest extends CycleChatTest {

    static final String NONE = "You didn't note anything to try after the last session, and that's fine";
    static final String YOURS = "What you said you'd try after the last session (only you see this):";

    @Test
    void eachMemberSeesOnlyTheirOwnCommitmentsBesideTheQuestionAndSomeoneWithNoneIsToldKindly() {
        Chat.Cohort cohort = cohort(3);
        Chat.Coach coach = cohort.coach();
        Chat.Person ama = cohort.members().get(0);
        Chat.Person ben = cohort.members().get(1);
        Chat.Person cyd = cohort.members().get(2);
        long session = endedSession(coach);
        answer(ama, session, List.of("Walk the wards on Friday", "Ask my deputy to chair the huddle"), 4, 4, 4);
        answer(ben, session, List.of("Protect Thursday afternoons for thinking"), 4, 4, 4);
        answer(cyd, session, List.of(), 4, 4, 4);
        progress(ben, "in_the_way");

        String set = coach.say("ask everyone about commitments").text();
        assertThat(set).startsWith("Set for everyone in " + coach.programme())
                .contains("Looking at what you said you'd try after the last session")
                .contains("Beside it, each of them sees their own commitments from the last session, and only their "
                        + "own; you see only the themed answers.");

        Replies amaCard = ama.say("check in");
        assertThat(amaCard.card().toString()).contains("From your coach")
                .contains("Looking at what you said you'd try after the last session").contains(YOURS)
                .contains("• Walk the wards on Friday").contains("• Ask my deputy to chair the huddle")
                .doesNotContain("Protect Thursday").doesNotContain(NONE);
        assertThat(ben.say("check in").card().toString()).contains(YOURS)
                .contains("• Protect Thursday afternoons for thinking (something's in the way)")
                .doesNotContain("Walk the wards").doesNotContain("Ask my deputy");
        assertThat(cyd.say("check in").card().toString()).contains("From your coach")
                .contains(NONE + ": answer from whatever you've tried or noticed since.")
                .doesNotContain(YOURS).doesNotContain("Walk the wards").doesNotContain("Protect Thursday");

        // The answer is a reflection like any other, under the question's prompt id.
        String promptId = amaCard.actionData(0).path("promptId").asText();
        assertThat(promptId).matches("cohort-[0-9a-f]{16}");
        ObjectNode data = ((ObjectNode) amaCard.actionData(0).deepCopy()).put("wellbeing", "4").put("energy", "3")
                .put("reflection", "Walking the wards showed me the night team's worries.").put("quoteOk", "false");
        assertThat(ama.click(data).card().toString()).contains("Saved");
        assertThat(db.queryForObject("select prompt_id from check_in where participant_id = ?", String.class,
                ama.id())).isEqualTo(promptId);
        assertThat(ama.say("check in").card().toString()).as("answered once: the rotation goes on")
                .doesNotContain("From your coach").doesNotContain(YOURS);

        // The coach sees the question and that it points at commitments, never anyone's commitments.
        String overview = coach.say("question").card().toString();
        assertThat(overview).contains("Beside it, each member sees their own commitments from the last session.")
                .doesNotContain("Walk the wards").doesNotContain("Protect Thursday").doesNotContain("Ask my deputy");
    }

    @Test
    void aGroupsQuestionCanPointAtCommitmentsInTheCoachsOwnWords() {
        Chat.Cohort cohort = cohort(1);
        Chat.Coach coach = cohort.coach();
        Chat.Person dee = cohort.members().get(0);
        assertThat(coach.say("add group Harbour").text()).startsWith("Added the group");
        long groupId = db.queryForObject("select id from programme_group where programme_id = ? and name = ?",
                Long.class, coach.programmeId(), "Harbour");
        ObjectNode place = Chat.action("describeMember").put("participantId", Long.toString(dee.id()))
                .put("role", "Director").put("organisation", "North Ridge ICB").put("groupId", Long.toString(groupId));
        assertThat(coach.click(place).text()).startsWith("Saved");
        long session = endedSession(coach);
        answer(dee, session, List.of("Hold a learning huddle on Mondays"), 3, 3, 3);

        assertThat(coach.say("ask group Harbour about commitments: What surprised you when you tried it?").text())
                .startsWith("Set for group Harbour").contains("\"What surprised you when you tried it?\"")
                .contains("Beside it, each of them sees their own commitments");
        assertThat(dee.say("check in").card().toString()).contains("What surprised you when you tried it?")
                .contains(YOURS).contains("• Hold a learning huddle on Mondays");

        // A scheduled check-in (the coach's rhythm, planned, due now, ticked into the outbox) is worded when sent,
        // with the same lines for its one recipient.
        ObjectNode rhythm = Chat.action("saveSchedule").put("everyWeeks", "1")
                .put("weekdays", "MONDAY,TUESDAY,WEDNESDAY,THURSDAY,FRIDAY").put("time", "09:00")
                .put("openHours", "48").put("remindAfterHours", "24").put("groupId", "");
        assertThat(coach.click(rhythm).text()).startsWith("Saved: check-ins");
        OffsetDateTime due = OffsetDateTime.now(ZoneOffset.UTC).minusSeconds(60);
        assertThat(db.update("update checkin_occurrence set send_at = ?, nominal_at = ? where id = (select min(id) "
                + "from checkin_occurrence where participant_id = ? and status = 'PLANNED')", due, due, dee.id()))
                .isOne();
        ticker.tick();
        worker.drainAll();
        List<JsonNode> sent = CONNECTOR.awaitSent(1, ConnectorStub.PATIENCE, a -> a.toString()
                .contains("Time for your check-in") && a.toString().contains(dee.conversationId()));
        assertThat(sent.get(0).toString()).contains("What surprised you when you tried it?").contains(YOURS)
                .contains("• Hold a learning huddle on Mondays");
    }

    @Autowired
    CheckInTicker ticker;

    @Test
    void erasingTheirDataTakesTheirCommitmentsAndTheQuestionOutlivesItsAuthor() {
        Chat.Cohort cohort = cohort(2);
        Chat.Coach coach = cohort.coach();
        Chat.Person ama = cohort.members().get(0);
        Chat.Person ben = cohort.members().get(1);
        long session = endedSession(coach);
        answer(ama, session, List.of("Marmalade stand-up on Tuesdays"), 4, 4, 4);
        answer(ben, session, List.of("Quince review with the board"), 4, 4, 4);
        // Set on the question card, with its toggle.
        ObjectNode ask = Chat.action("askCohortQuestion").put("scope", "everyone")
                .put("question", "What did you learn from what you tried since we met?").put("aboutCommitments", "true");
        assertThat(coach.click(ask).text()).startsWith("Set for everyone").contains("Beside it");
        assertThat(ama.say("check in").card().toString()).contains("Marmalade stand-up on Tuesdays");

        long amaId = ama.id();
        JsonNode confirm = ama.say("delete my data").card().path("actions").path(0).path("data");
        assertThat(ama.click(confirm.deepCopy()).text()).startsWith("Done. I've erased everything");
        assertThat(db.queryForObject("select count(*) from cycle_commitment where participant_id = ?", Integer.class,
                amaId)).isZero();
        assertThat(EveryColumn.scan(db, List.of("Marmalade stand-up"), List.of())).isEmpty();
        assertThat(ben.say("check in").card().toString()).contains("• Quince review with the board")
                .doesNotContain("Marmalade");

        // The coach who set it erases their data: the question is the programme's and still points at commitments.
        assertThat(coach.say("delete my data").card().toString()).contains("confirmErase");
        coach.click("confirmErase");
        assertThat(db.queryForObject("select count(*) from cohort_question where programme_id = ? and asked_by is null "
                + "and about_commitments", Integer.class, coach.programmeId())).isOne();
        assertThat(ben.say("check in").card().toString()).contains("What did you learn from what you tried")
                .contains("• Quince review with the board");
    }
}
