package com.waymark.insider;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.waymark.bench.ConnectorStub;
import com.waymark.outbox.DeliveryWorker;
import com.waymark.support.CardChoices;
import com.waymark.support.CardSchema;
import com.waymark.support.Chat;
import com.waymark.support.Chat.Coach;
import com.waymark.support.Chat.Person;
import com.waymark.support.TeamsClient;
import com.waymark.support.WaymarkIntegrationTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 13, items 4, 5, 7 and 9, attacked as an insider would, over HTTP as Teams posts: a programme admin in one
 * tenant reaching into another (appointing its people, guessing ids), one person's words reaching another as live
 * Markdown, a promise of a coach's call that nobody would keep, and the last admin erasing without a word. Local mode
 * serves every tenant, so two organisations share this instance here.
 */
class InsiderAttackStaffTest extends WaymarkIntegrationTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String OTHER_TENANT = "0b5e7a1c-2d3f-4a5b-8c9d-0e1f2a3b4c5d";
    private static final String PHISH = "[Coaching survey - please sign in](https://evil.example/phish)";
    private static final String SORRY = "Sorry, something went wrong";

    @LocalServerPort
    int port;
    @Autowired
    JdbcTemplate db;
    @Autowired
    org.quartz.Scheduler quartz;
    @Autowired
    DeliveryWorker worker;

    /** Each user of the other tenant, by Entra object id: their activities carry that tenant. */
    Chat chat;
    Coach admin;
    String programme;
    long programmeId;

    @BeforeEach
    void anAdminWithAProgrammeInTheirOwnTenant() {
        chat = new Chat(new TeamsClient(port, CONNECTOR.serviceUrl()), db).requiringOk();
        admin = chat.coach("Dr Ama Oduya-Finch").agree();
        programme = "Harbour cohort " + admin.user().aadObjectId().substring(0, 6);
        admin.creates(programme);
        programmeId = admin.programmeId();
    }

    // ---- item 4: tenant and programme isolation ----

    @Test
    void aPersonFromAnotherTenantCannotBeAppointedWhateverIdIsSent() {
        Person foreigner = chat.person("Lars Quist-Haddad", OTHER_TENANT).agree();
        Coach otherAdmin = chat.coach("Ines Varga-Lowe", OTHER_TENANT).agree();
        String theirs = "Fjord cohort " + otherAdmin.user().aadObjectId().substring(0, 6);
        otherAdmin.creates(theirs);
        foreigner.joins(otherAdmin);
        String tokenForTheirAdmin = CardChoices.valueOf(card(otherAdmin.say("coaches")), "participantId", "Lars");

        String rawId = setStaff(admin, Long.toString(foreigner.id()), "ADMIN");
        String unknownId = setStaff(admin, "987654321", "ADMIN");
        String stolenToken = setStaff(admin, tokenForTheirAdmin, "ADMIN");
        String junk = setStaff(admin, "'; drop table programme_staff; --", "ADMIN");

        assertThat(rawId).contains("I can only add people who take part in").doesNotContain(SORRY)
                .doesNotContain("Lars").doesNotContain(theirs);
        assertThat(List.of(unknownId, stolenToken, junk)).as("one answer for foreign, unknown and junk ids")
                .containsOnly(rawId);
        assertThat(db.queryForObject("select count(*) from programme_staff where programme_id = ?", Integer.class,
                programmeId)).as("only the admin who created it").isOne();
        assertThat(text(foreigner.say("summary"))).doesNotContain(programme);
    }

    @Test
    void theCoachesCardNeverNamesOrOffersAnotherTenantsPerson() {
        Person colleague = chat.person("Bea Okafor-Strand").agree();
        colleague.joins(admin);
        Person foreigner = chat.person("Nils Adeyemi-Roth", OTHER_TENANT).agree();
        // However a foreign person came to be in the programme (data from before the tenant check), they stay out.
        db.update("insert into membership (programme_id, participant_id, status, enrolled_via, joined_at) "
                + "values (?, ?, 'ACTIVE', 'CODE', current_timestamp)", programmeId, foreigner.id());

        JsonNode coaches = card(admin.say("coaches"));
        assertThat(coaches.toString()).contains("Bea Okafor-Strand").doesNotContain("Nils Adeyemi-Roth");
        String token = CardChoices.valueOf(coaches, "participantId", "Bea");
        assertThat(token).doesNotContain(Long.toString(colleague.id())).hasSizeGreaterThan(40);
        assertThat(text(admin.click(staffData(token, "COACH")))).contains("now a coach");
        assertThat(card(admin.say("programme")).toString()).contains("Bea Okafor-Strand")
                .doesNotContain("Nils Adeyemi-Roth");

        // The same token from another person's hands is nobody's token.
        assertThat(setStaff(colleague, token, "ADMIN")).doesNotContain(SORRY).doesNotContain("now an admin");
    }

    @Test
    void guessedProgrammeIdsAnswerAlikeAndNeverNameAnotherProgramme() {
        Coach otherAdmin = chat.coach("Ruth Mbeki-Sorensen", OTHER_TENANT).agree();
        String theirs = "Secret board programme " + otherAdmin.user().aadObjectId().substring(0, 6);
        otherAdmin.creates(theirs);
        long theirId = otherAdmin.programmeId();
        String theirToken = card(otherAdmin.say("edit programme")).path("actions").path(0).path("data")
                .path("programmeId").asText();

        String existing = text(admin.click(settings(Long.toString(theirId))));
        String missing = text(admin.click(settings(Long.toString(theirId + 100_000))));
        String stolen = text(admin.click(settings(theirToken)));
        assertThat(existing).contains("isn't a programme you coach").doesNotContain("Secret board")
                .doesNotContain(SORRY);
        assertThat(List.of(missing, stolen)).containsOnly(existing);
        assertThat(db.queryForObject("select name from programme where id = ?", String.class, theirId))
                .isEqualTo(theirs);

        // A participant's "correct my details" card behaves the same way.
        String foreignDetails = text(admin.click(JSON.createObjectNode().put("action", "correctDetails")
                .put("programmeId", theirToken).put("role", "Chair")));
        String unknownDetails = text(admin.click(JSON.createObjectNode().put("action", "correctDetails")
                .put("programmeId", Long.toString(theirId)).put("role", "Chair")));
        assertThat(foreignDetails).isEqualTo(unknownDetails).doesNotContain("Secret board").doesNotContain(SORRY);
    }

    @Test
    void guessedPersonIdsOnOtherStaffCardsAnswerAlike() {
        Person foreigner = chat.person("Ola Brandt-Iwu", OTHER_TENANT).agree();
        long foreign = foreigner.id();
        String describeForeign = text(admin.click(JSON.createObjectNode().put("action", "describeMember")
                .put("participantId", Long.toString(foreign)).put("role", "Spy")));
        String describeNobody = text(admin.click(JSON.createObjectNode().put("action", "describeMember")
                .put("participantId", "987654321").put("role", "Spy")));
        assertThat(describeForeign).isEqualTo(describeNobody).doesNotContain("Ola").doesNotContain(SORRY);

        Person member = chat.person("Dee Harcourt-Obi").agree();
        member.joins(admin);
        String forbidForeign = text(admin.click(JSON.createObjectNode().put("action", "forbidPair")
                .put("first", Long.toString(member.id())).put("second", Long.toString(foreign))));
        String forbidNobody = text(admin.click(JSON.createObjectNode().put("action", "forbidPair")
                .put("first", Long.toString(member.id())).put("second", "987654321")));
        assertThat(forbidForeign).isEqualTo(forbidNobody).doesNotContain("Ola").doesNotContain(SORRY);
    }

    // ---- item 5: what one person writes reaches another as plain text ----

    @Test
    void markdownInNamesGroupsProgrammesAndRolesReachesOthersAsPlainText() {
        String name = "Board [review](https://evil.example/p) **now**";
        Coach coach = chat.coach("Coach Wren Abara").agree();
        coach.creates(name);
        coach.say("add group " + PHISH);
        Person person = chat.person("[Click me](https://evil.example/n) <at>Everyone</at>").agree();
        person.joins(coach);
        Person colleague = chat.person("Mo Kaplan-Eze").agree();
        colleague.joins(coach);
        person.click(JSON.createObjectNode().put("action", "correctDetails").put("programmeId",
                card(person.say("my details")).path("actions").path(0).path("data").path("programmeId").asText())
                .put("role", "_Chief_ ![x](https://evil.example/i.png)").put("organisation", "www.evil.example"));
        String coachToken = CardChoices.valueOf(card(coach.say("coaches")), "participantId", "Mo");
        coach.click(staffData(coachToken, "COACH"));

        List<JsonNode> seen = new ArrayList<>();
        for (String command : List.of("programme", "people", "coaches", "schedule", "peer coaching", "forbid pair",
                "audit", "my programmes")) {
            seen.addAll(colleague.say(command));
        }
        seen.addAll(coach.say("people"));
        for (String command : List.of("my details", "my programmes")) {
            seen.addAll(person.say(command));
        }
        assertThat(seen).hasSizeGreaterThan(10);
        List<String> rendered = rendered(seen);
        assertThat(String.join("\n", rendered)).contains("evil[.]example").contains("Board");
        assertThat(rendered).allSatisfy(text -> assertThat(text).doesNotContain("](").doesNotContain("https://")
                .doesNotContain("www.evil").doesNotContain("**now**").doesNotContain("_Chief_")
                .doesNotContain("<at>"));
    }

    /** What the edge sends later, from ids in the outbox: peer-coaching nudges and the coach-call card. */
    @Test
    void markdownInNamesRolesAndProgrammesReachesPartnersAndCoachesAsPlainTextInLaterMessages() throws Exception {
        String name = "Pairs [here](https://evil.example/q) " + UUID.randomUUID().toString().substring(0, 4);
        Coach coach = chat.coach("Coach Kit Ansah-Berg").agree();
        coach.creates(name);
        Person first = chat.person("**Boss** [Click](https://evil.example/n)").agree();
        Person second = chat.person("Jo Pereira-Lund").agree();
        for (Person person : List.of(first, second)) {
            person.joins(coach);
            person.click(JSON.createObjectNode().put("action", "correctDetails").put("programmeId",
                    card(person.say("my details")).path("actions").path(0).path("data").path("programmeId").asText())
                    .put("role", "_Chief_ <at>x</at>").put("organisation", "www.evil.example"));
        }
        assertThat(text(coach.click(JSON.createObjectNode().put("action", "savePeerCoaching").put("everyWeeks", "1")
                .put("weekday", "MONDAY").put("time", "09:00").put("mode", "same-role").put("totalRounds", "2")
                .put("followUpDays", "3").put("groupId", "")))).startsWith("Saved: peer coaching");
        assertThat(text(coach.say("pair now"))).contains("the pairs are formed");
        assertThat(text(first.click(JSON.createObjectNode().put("action", "requestCoachCall"))))
                .contains("pass it on");
        // The coach-call request goes out on the scheduling tick; run it now rather than wait up to 30 seconds.
        quartz.triggerJob(org.quartz.JobKey.jobKey("tick-check-ins", "waymark"));
        worker.drainAll();

        List<JsonNode> toSecond = CONNECTOR.awaitSent(1, ConnectorStub.PATIENCE,
                a -> a.path("conversation").path("id").asText().equals(second.conversationId())
                        && a.toString().contains("peer-coaching partner"));
        List<JsonNode> toCoach = CONNECTOR.awaitSent(1, ConnectorStub.PATIENCE.multipliedBy(3),
                a -> a.path("conversation").path("id").asText().equals(coach.conversationId())
                        && a.toString().contains("Please call"));
        List<String> rendered = rendered(List.of(toSecond.get(0), toCoach.get(0)));
        assertThat(String.join("\n", rendered)).contains("∗∗Boss∗∗").contains("evil[.]example").contains("‹at›");
        assertThat(rendered).allSatisfy(text -> assertThat(text).doesNotContain("](").doesNotContain("https://")
                .doesNotContain("**Boss**").doesNotContain("_Chief_").doesNotContain("<at>")
                .doesNotContain("www.evil"));
    }

    /**
     * Over HTTP: a coach renames a theme to a phishing link and quotes carry emphasis; another coach of the programme
     * reads them as plain text. (A link inside a quote would pull the reflection away from the theme it shares in this
     * small set, so the quote with the issue's own link is in {@code PlainTextTest}, on the same card builder.)
     */
    @Test
    void aPhishingThemeNameAndMarkdownInQuotesReachAnotherCoachAsPlainText() {
        Coach coach = chat.coach("Coach Ilse Moreno-Park").agree();
        String name = "Quoted cohort " + coach.user().aadObjectId().substring(0, 6);
        coach.creates(name);
        Person second = chat.person("Coach Dara Velasquez-Oni").agree();
        second.joins(coach);
        coach.click(staffData(CardChoices.valueOf(card(coach.say("coaches")), "participantId", "Coach Dara"),
                "COACH"));
        List<String> workload = List.of(
                "Back-to-back meetings all week and no time left to think or plan ahead.",
                "My diary is wall to wall; covering a vacant director post on top of my own job.",
                "Firefighting every day, the strategic work keeps slipping because there is no capacity.",
                "Too many meetings, too little time; I answered emails at midnight again.",
                "We are stretched thin covering gaps in the rota and I have no headroom at all.",
                "Every hour of my week is booked; the planning I promised never happens.");
        for (String reflection : workload) {
            Person person = chat.person("Leader " + UUID.randomUUID().toString().substring(0, 4)).agree();
            person.joins(coach);
            person.click(JSON.createObjectNode().put("action", "checkin").put("wellbeing", "3").put("energy", "3")
                    .put("reflection", "**" + reflection + "** _really_")
                    .put("quoteOk", "true"));
        }
        coach.say("rename theme workload and capacity to " + PHISH);

        JsonNode themes = card(second.say("themes"));
        String all = themes.toString();
        assertThat(all).contains("Coaching survey - please sign in").contains("evil[.]example/phish");
        List<String> rendered = rendered(List.of(wrap(themes)));
        assertThat(rendered).allSatisfy(text -> assertThat(text).doesNotContain("](").doesNotContain("https://"));
        assertThat(String.join("\n", rendered)).as("the words that stand out are theirs too").doesNotContain("_really_");
        assertThat(rendered.stream().filter(text -> text.startsWith("“")).toList()).as("the quotes").isNotEmpty()
                .allSatisfy(quote -> assertThat(quote).contains("∗∗").doesNotContain("**").doesNotContain("_really_"));
    }

    // ---- item 7: true promises in care ----

    @Test
    void aParticipantWithNoCoachIsNotOfferedACallAndTheHelpIsOneTapAway() {
        Person alone = chat.person("Priya Dunmore-Achebe").agree();
        List<JsonNode> replies = alone.click(JSON.createObjectNode().put("action", "checkin").put("wellbeing", "1")
                .put("energy", "1").put("quoteOk", "false"));
        JsonNode support = card(replies);
        assertThat(support.toString()).contains("Where to find support").doesNotContain("999")
                .doesNotContain("Please ask my coach to call me").doesNotContain("I can ask your coach");

        List<JsonNode> pressed = alone.click(JSON.createObjectNode().put("action", "requestCoachCall"));
        assertThat(text(pressed)).doesNotContain("pass it on").contains("can't ask anyone to call you");
        assertThat(card(pressed).toString()).contains("Samaritans").contains("999")
                .doesNotContain("Please ask my coach to call me");
        assertThat(db.queryForObject("select count(*) from coach_call_request where participant_id = ?",
                Integer.class, alone.id())).isZero();
    }

    // ---- item 9: staff erasure never orphans a programme silently ----

    @Test
    void theLastAdminIsToldBeforeErasingAndTheLongestServingCoachTakesOver() {
        Coach coach = chat.coach("Coach Fern Adebayo-Hale").agree();
        coach.joins(admin);
        admin.click(staffData(CardChoices.valueOf(card(admin.say("coaches")), "participantId", "Coach Fern"),
                "COACH"));

        String warning = card(admin.say("delete my data")).toString();
        assertThat(warning).contains("only admin of \\\"" + programme + "\\\"")
                .contains("Coach Fern Adebayo-Hale, its longest-serving coach, becomes its admin")
                .contains("say \\\"coaches\\\"");
        admin.click(JSON.createObjectNode().put("action", "confirmErase"));
        assertThat(db.queryForObject("select role from programme_staff where programme_id = ?", String.class,
                programmeId)).isEqualTo("ADMIN");
        assertThat(card(coach.say("coaches")).toString()).contains("Coach Fern Adebayo-Hale");
    }

    @Test
    void theOnlyCoachIsToldWhatHappensAndItsParticipantsAreNotPromisedACall() {
        Person member = chat.person("Sana Whitby-Osei").agree();
        member.joins(admin);

        String warning = card(admin.say("delete my data")).toString();
        assertThat(warning).contains("only coach and admin of \\\"" + programme + "\\\"")
                .contains("carries on for its participants").contains("with no coach or admin")
                .contains("won't be offered a call").contains("make someone else an admin");
        admin.click(JSON.createObjectNode().put("action", "confirmErase"));
        assertThat(db.queryForObject("select count(*) from programme_staff where programme_id = ?", Integer.class,
                programmeId)).isZero();

        JsonNode support = card(member.click(JSON.createObjectNode().put("action", "checkin").put("wellbeing", "1")
                .put("energy", "2").put("quoteOk", "false")));
        assertThat(support.toString()).doesNotContain("Please ask my coach to call me")
                .doesNotContain("I can ask your coach");
        // One tap away, the help says plainly that nobody can be asked to call.
        JsonNode help = card(member.click(support.path("actions").path(0).path("data").deepCopy()));
        assertThat(help.toString()).contains("can't ask anyone to call you")
                .doesNotContain("Please ask my coach to call me");
    }

    // ---- helpers ----

    private String setStaff(Person user, String participantId, String role) {
        return text(user.click(staffData(participantId, role)));
    }

    private static ObjectNode staffData(String participantId, String role) {
        return JSON.createObjectNode().put("action", "setStaff").put("participantId", participantId)
                .put("staffRole", role);
    }

    private static ObjectNode settings(String programmeId) {
        return JSON.createObjectNode().put("action", "saveProgramme").put("programmeId", programmeId)
                .put("name", "Hijacked").put("timeZone", "Europe/London").put("threshold", "3");
    }

    private static String text(List<JsonNode> replies) {
        return String.join("\n", replies.stream().map(r -> r.path("text").asText("")).toList());
    }

    private static JsonNode card(List<JsonNode> replies) {
        JsonNode reply = replies.stream().filter(r -> r.path("attachments").size() > 0).reduce((a, b) -> b)
                .orElseThrow(() -> new AssertionError("no card in " + replies));
        JsonNode card = reply.path("attachments").path(0).path("content");
        CardSchema.assertValidWithChartFallbacks(card);
        return card;
    }

    private static JsonNode wrap(JsonNode card) {
        ObjectNode reply = JSON.createObjectNode();
        reply.putArray("attachments").addObject().set("content", card);
        return reply;
    }

    /**
     * Every string Teams renders as Markdown in these replies: message text, TextBlock text, Fact titles and values
     * (charts' fallbacks too). Inputs and choice titles are plain text to Teams, and inputs must keep what was typed.
     */
    private static List<String> rendered(List<JsonNode> replies) {
        List<String> texts = new ArrayList<>();
        for (JsonNode reply : replies) {
            if (reply.hasNonNull("text")) {
                texts.add(reply.path("text").asText());
            }
            reply.path("attachments").forEach(a -> collect(a.path("content"), texts));
        }
        return texts;
    }

    private static void collect(JsonNode node, List<String> texts) {
        if (node.isObject()) {
            String type = node.path("type").asText();
            if (type.equals("TextBlock")) {
                texts.add(node.path("text").asText());
            }
            if (node.has("title") && node.has("value") && type.isEmpty()) {
                texts.add(node.path("title").asText());
                texts.add(node.path("value").asText());
            }
            if (type.startsWith("Input.")) {
                return;
            }
        }
        node.forEach(child -> collect(child, texts));
    }
}
