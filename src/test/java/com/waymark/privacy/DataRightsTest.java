package com.waymark.privacy;

import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.waymark.support.CardSchema;
import com.waymark.support.Chat;
import com.waymark.support.Chat.Coach;
import com.waymark.support.Chat.Person;
import com.waymark.support.EveryColumn;
import com.waymark.support.TeamsClient;
import com.waymark.support.WaymarkIntegrationTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * "my data" and "delete my data" over HTTP, for a person who is everything at once: participant, line
 * manager, programme admin, subject and reader of audited summaries, and someone who asked for a call.
 */
class DataRightsTest extends WaymarkIntegrationTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    @LocalServerPort
    int port;
    @Autowired
    JdbcTemplate db;
    @Autowired
    AuditLog audit;
    @Autowired
    DataRightsService dataRights;
    @Autowired
    TransactionTemplate tx;
    @Autowired
    FieldCipher cipher;

    Chat chat;

    @BeforeEach
    void client() {
        chat = new Chat(new TeamsClient(port, CONNECTOR.serviceUrl()), db);
    }

    @Test
    void exportHoldsEverythingAndErasureLeavesNoTraceInAnyTable() {
        // An id no other column would hold by chance, so the scan below can look for it everywhere.
        long distinctive = 900_000_000L + db.queryForObject("select coalesce(max(id), 0) from participant", Long.class);
        db.execute("alter table participant alter column id restart with " + distinctive);
        Person subject = chat.person("Niamh Ó Brádaigh-Quennell");
        long subjectId = subject.id();
        assertThat(subjectId).isEqualTo(distinctive);

        Coach coach = chat.coach("Dr Tomasz Wierzbicki-Hale").createsUnique("Harbour cohort")
                .addsGroup("Harbour action set");
        Person colleague = chat.person("Femi Adeyemi-Lowe");
        long harbour = coach.programmeId();

        subject.agree();
        colleague.agree(); // a coach describes only people who agreed
        subject.joins(coach);
        colleague.joins(coach);
        coach.describes(subject, "Director of Marmalade Governance", "Harbour Hospitals NHS FT", "Harbour action set",
                null);
        coach.describes(colleague, "Deputy director", "Harbour Hospitals NHS FT", "Harbour action set", subject);

        String reflection = "Quietly rehearsed the quince-and-lantern conversation before the board; I can't go on "
                + "carrying it alone";
        List<JsonNode> saved = subject.click(JSON.createObjectNode().put("action", "checkin").put("wellbeing", "2")
                .put("energy", "2").put("reflection", reflection).put("quoteOk", "true"));
        assertThat(saved).hasSize(2);
        subject.click(JSON.createObjectNode().put("action", "requestCoachCall"));
        String actionText = "Book the periwinkle walkabout with estates";
        subject.say("add action " + actionText);
        subject.say("done 1");
        subject.say("create programme Lantern leaders");
        long lantern = db.queryForObject("select id from programme where name = 'Lantern leaders'", Long.class);

        audit.record(coach.id(), ReadKind.TEAM_SUMMARY, harbour, List.of(subjectId, colleague.id(), coach.id()));
        audit.record(subjectId, ReadKind.THEMES, lantern, List.of(colleague.id(), coach.id()));

        // --- my data: a summary card first, then the whole export as JSON --------------------------------
        List<JsonNode> mine = subject.say("my data");
        assertThat(mine).hasSize(2);
        CardSchema.assertCardsValid(mine.get(0));
        String summary = mine.get(0).path("attachments").path(0).path("content").toString();
        assertThat(summary).contains("Everything Waymark stores about you").contains("Check-ins").contains("Erase");
        // Outside Teams' own 1:1 chat (the connector here is on this machine, like the Agents Playground's) the
        // export is JSON in a code block; in Teams it is a file (FileConsentTest).
        assertThat(mine.get(1).path("attachments")).isEmpty();
        assertThat(mine.get(1).path("text").asText()).startsWith("Your data export, to keep as waymark-my-data-");
        JsonNode export = com.waymark.support.ExportedJson.of(mine);

        JsonNode profile = export.path("participant");
        assertThat(profile.path("displayName").asText()).isEqualTo(subject.name());
        assertThat(profile.path("aadObjectId").asText()).isEqualTo(subject.user().aadObjectId());
        assertThat(profile.path("teamsUserId").asText()).isEqualTo(subject.user().userId());
        assertThat(profile.path("teamsConversationReference").toString()).contains(subject.conversationId());
        assertThat(profile.has("id")).as("internal ids stay inside Waymark").isFalse();
        assertThat(export.path("consents")).hasSize(1);
        assertThat(export.path("consents").path(0).path("noticeVersion").asInt()).isEqualTo(PrivacyNotice.VERSION);
        JsonNode checkIn = export.path("checkIns").path(0);
        assertThat(checkIn.path("reflection").asText()).isEqualTo(reflection);
        assertThat(checkIn.path("wellbeing").asInt()).isEqualTo(2);
        assertThat(checkIn.path("okToQuote").asBoolean()).isTrue();
        JsonNode action = export.path("actions").path(0);
        assertThat(action.path("text").asText()).isEqualTo(actionText);
        assertThat(action.path("status").asText()).isEqualTo("DONE");
        assertThat(action.path("history").findValuesAsText("type")).containsExactly("CREATED", "DONE");
        JsonNode place = export.path("memberships").path(0);
        assertThat(place.path("programme").asText()).isEqualTo(coach.programme());
        assertThat(place.path("group").asText()).isEqualTo("Harbour action set");
        assertThat(place.path("role").asText()).isEqualTo("Director of Marmalade Governance");
        assertThat(export.path("coachingRoles").path(0).path("programme").asText()).isEqualTo("Lantern leaders");
        assertThat(export.path("coachingRoles").path(0).path("role").asText()).isEqualTo("ADMIN");
        assertThat(export.path("coachCallRequests")).hasSize(1);
        assertThat(export.path("readsIncludingYou").path(0).path("kind").asText()).isEqualTo("TEAM_SUMMARY");
        assertThat(export.path("readsIncludingYou").path(0).path("peopleIncluded").asInt()).isEqualTo(3);
        assertThat(export.path("readsIncludingYou").path(0).path("programme").asText()).isEqualTo(coach.programme());
        assertThat(export.path("readsIncludingYou").path(0).path("reader").asText()).isEqualTo(coach.name());
        assertThat(export.path("readsYouMade").path(0).path("kind").asText()).isEqualTo("THEMES");
        assertThat(export.path("exportedAt").asText()).isNotBlank();

        // --- delete my data: a confirmation card, then one click erases everything -------------------------
        List<JsonNode> confirm = subject.say("delete my data");
        CardSchema.assertCardsValid(confirm.get(0));
        JsonNode button = confirm.get(0).path("attachments").path(0).path("content").path("actions").path(0);
        assertThat(button.path("title").asText()).isEqualTo("Yes, erase everything");
        assertThat(button.path("data").path("action").asText()).isEqualTo("confirmErase");
        assertThat(countWhere("check_in", "participant_id", subjectId)).as("nothing erased before the click").isOne();

        // Reflections and actions are stored encrypted: the plaintext is in no column, so the scan also looks for the
        // exact ciphertexts, which must be gone afterwards as surely as the plaintext.
        String storedReflection = db.queryForObject("select reflection from check_in where participant_id = ?",
                String.class, subjectId);
        String storedAction = db.queryForObject("select text from action_item where participant_id = ?", String.class,
                subjectId);
        assertThat(storedReflection).startsWith(cipher.currentKeyId() + ":").doesNotContain("quince");
        assertThat(cipher.decrypt(storedReflection)).isEqualTo(reflection);
        assertThat(cipher.decrypt(storedAction)).isEqualTo(actionText);
        List<String> needles = List.of(Long.toString(subjectId), subject.user().aadObjectId(), subject.user().userId(),
                subject.name(), reflection, actionText, "Director of Marmalade Governance", storedReflection,
                storedAction);
        // The scan sees the person everywhere they are before erasure, so an empty scan after it means something.
        List<String> before = EveryColumn.scan(db, needles, List.of(subjectId));
        assertThat(List.of("PARTICIPANT.DISPLAY_NAME", "CHECK_IN.REFLECTION", "CHECK_IN.PARTICIPANT_ID",
                "ACTION_ITEM.TEXT", "MEMBERSHIP.ROLE", "MEMBERSHIP.LINE_MANAGER_ID", "PROGRAMME_STAFF.PARTICIPANT_ID",
                "CONSENT_RECORD.PARTICIPANT_ID", "AUDIT_SUBJECT.PARTICIPANT_ID", "AUDIT_EVENT.ACTOR_ID",
                "COACH_CALL_REQUEST.PARTICIPANT_ID")).allSatisfy(column -> assertThat(before)
                .anySatisfy(hit -> assertThat(hit.replace("\"", "")).startsWith(column + " ")));

        List<JsonNode> done = subject.click(button.path("data").deepCopy());
        assertThat(done.get(0).path("text").asText()).startsWith("Done. I've erased everything");

        assertThat(EveryColumn.scan(db, needles, List.of(subjectId))).as("rows still holding something of the erased person")
                .isEmpty();

        // Everyone else's records stay whole: only the pointers to the erased person are gone.
        Map<String, Object> colleagueRow = db.queryForMap("select line_manager_id, role from membership "
                + "where participant_id = ?", colleague.id());
        assertThat(colleagueRow.get("LINE_MANAGER_ID")).isNull();
        assertThat(colleagueRow.get("ROLE")).isEqualTo("Deputy director");
        assertThat(db.queryForObject("select people_included from audit_event where kind = 'TEAM_SUMMARY' "
                + "and programme_id = ?", Integer.class, harbour)).isEqualTo(3);
        assertThat(db.queryForObject("select count(*) from audit_event where kind = 'THEMES' and programme_id = ? "
                + "and actor_id is null", Integer.class, lantern)).isOne();
        assertThat(countWhere("membership", "programme_id", harbour)).isOne();

        // Saying hello again starts afresh, as the card promised.
        assertThat(subject.say("hello").get(0).toString()).contains("Welcome to Waymark");
        assertThat(db.queryForObject("select id from participant where aad_object_id = ?", Long.class,
                subject.user().aadObjectId())).isNotEqualTo(subjectId);
    }

    @Test
    void myDataAndDeleteWorkBeforeConsent() {
        Person shy = chat.person("Rhiannon Ap-Gwilym");

        List<JsonNode> mine = shy.say("my data");
        JsonNode export = com.waymark.support.ExportedJson.of(mine);
        assertThat(export.path("participant").path("displayName").asText()).isEqualTo("Rhiannon Ap-Gwilym");
        assertThat(export.path("consents")).isEmpty();
        assertThat(export.path("checkIns")).isEmpty();

        assertThat(shy.say("delete my data").get(0).toString()).contains("confirmErase");
        shy.click(JSON.createObjectNode().put("action", "confirmErase"));
        assertThat(db.queryForObject("select count(*) from participant where aad_object_id = ?", Integer.class,
                shy.user().aadObjectId())).isZero();
    }

    @Test
    void erasureIsOneTransactionAllOrNothing() {
        Person person = chat.person("Ola Nordmann-Price");
        person.agree();
        person.say("3 3 steady week");
        person.say("add action Walk the wards on Friday");
        long id = person.id();

        assertThatThrownBy(() -> tx.executeWithoutResult(status -> {
            dataRights.erase(id);
            throw new IllegalStateException("failure after the last holder");
        })).isInstanceOf(IllegalStateException.class);

        assertThat(countWhere("participant", "id", id)).isOne();
        assertThat(countWhere("check_in", "participant_id", id)).isOne();
        assertThat(countWhere("action_item", "participant_id", id)).isOne();
        assertThat(countWhere("consent_record", "participant_id", id)).isOne();
    }

    private int countWhere(String table, String column, long value) {
        return db.queryForObject("select count(*) from " + table + " where " + column + " = ?", Integer.class, value);
    }
}
