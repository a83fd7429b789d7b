package com.waymark.teams;

import java.io.IOException;
import java.nio.file.Files;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.waymark.bench.ConnectorStub;
import com.waymark.outbox.DeliveryWorker;
import com.waymark.support.Scratch;
import com.waymark.support.EveryColumn;
import com.waymark.support.MutableClock;
import com.waymark.support.TeamsClient;
import com.waymark.support.TeamsClient.User;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 19, items 1, 2, 3 and 16, and its "every number a text names" check: what a person is told about the
 * confidentiality threshold, retention, quiet hours, what is kept before they agree, pairing rules and their own
 * details is what the code does, over HTTP as Teams posts, with a hand-moved clock.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "waymark.outbox.poll-ms=0", "spring.quartz.auto-startup=false", "waymark.enrol.pace-ms=0",
        "waymark.outbox.node-id=promises", "waymark.bot.messages-per-minute=100000"})
class PromisesTest {

    static final ObjectMapper JSON = new ObjectMapper();
    static final ConnectorStub CONNECTOR = Scratch.connector();
    /** A Monday, 22:00 in London: inside quiet hours 21:00-07:30. */
    static final MutableClock CLOCK = new MutableClock(Instant.parse("2027-03-01T22:00:00Z"));
    static final int NOTICE_DAYS = 14;
    static final int AT_RISK_DAYS = 28;
    /** How long a staff invitation code works: a constant, not a setting, but a duration the texts promise. */
    static final int STAFF_CODE_DAYS = (int) com.waymark.programme.StaffInvitations.VALID_FOR.toDays();

    @TestConfiguration
    static class Clocks {
        @Bean
        @Primary
        Clock testClock() {
            return CLOCK;
        }
    }

    @DynamicPropertySource
    static void scratch(DynamicPropertyRegistry registry) throws IOException {
        var dir = Files.createTempDirectory("waymark-promises-");
        registry.add("waymark.data-dir", dir::toString);
    }

    @AfterAll
    static void stop() {
        CONNECTOR.close();
    }

    @LocalServerPort
    int port;
    @Autowired
    DeliveryWorker worker;
    @Autowired
    JdbcTemplate db;

    TeamsClient teams;
    User coach;
    String programme;
    String code;

    @BeforeEach
    void aCoachWithAProgramme() {
        CLOCK.set(Instant.parse("2027-03-01T22:00:00Z"));
        worker.drainAll();
        CONNECTOR.reset();
        teams = new TeamsClient(port, CONNECTOR.serviceUrl());
        coach = agreed("Coach Nadia Oyelaran");
        programme = "Promise cohort " + UUID.randomUUID().toString().substring(0, 6);
        say(coach, "create programme " + programme);
        code = db.queryForObject("select join_code from programme where name = ?", String.class, programme);
    }

    // ---- item 1: the threshold said is the threshold used, and a lowering is announced before it applies ----

    @Test
    void loweringTheThresholdTellsEachAgreedParticipantFirstAndAppliesOnlyAfterTheNoticePeriod() {
        User quiet = joined(agreed("Priya Quiet-Hours"));
        say(quiet, "quiet hours 21:00-07:30");
        User awake = joined(agreed("Tom Night-Owl"));
        User notAgreed = User.fresh("Uma Not-Yet");
        teams.expectReplies(teams.install(notAgreed));
        say(notAgreed, "join " + code);
        assertThat(text(say(awake, "stuck 1 no time"))).doesNotContain("five");
        say(awake, "add action Walk the wards");
        assertThat(text(say(awake, "stuck 1 no time"))).contains("across at least 5 people");
        assertThat(rendered(say(awake, "privacy"))).anySatisfy(t -> assertThat(t)
                .contains("at least 5 people in " + programme + ".").contains(NOTICE_DAYS + " days before"));

        String saved = text(saveSettings("4", "365"));
        assertThat(saved).contains("stays 5 until 16 Mar 2027 and is 4 from then")
                .contains("each participant who agreed to the notice is told in their 1:1 chat first");
        assertThat(rendered(say(coach, "programme"))).anySatisfy(t -> assertThat(t)
                .contains("every summary covers at least 5 people; 4 from 16 Mar 2027"));

        worker.drainAll();
        List<String> told = announcements();
        assertThat(told).as("22:00 in London: only the one without quiet hours, and never the one who has not agreed")
                .hasSize(1);
        assertThat(told.get(0)).contains(programme).contains("From 16 Mar 2027, a team summary may combine as few as 4 "
                + "people (until then, at least 5)").doesNotContain("<");
        assertThat(recipients()).singleElement().asString().contains(awake.aadObjectId());

        CLOCK.set(Instant.parse("2027-03-02T07:29:00Z"));
        worker.drainAll();
        assertThat(announcements()).hasSize(1);
        CLOCK.set(Instant.parse("2027-03-02T07:30:00Z"));
        worker.drainAll();
        assertThat(announcements()).as("at the end of their quiet hours").hasSize(2);
        assertThat(recipients()).hasSize(2).anySatisfy(path -> assertThat(path).contains(quiet.aadObjectId()));

        // Until the notice runs out, everything still says (and uses) 5; after it, 4.
        assertThat(rendered(say(quiet, "privacy"))).anySatisfy(t -> assertThat(t)
                .contains("at least 5 people in " + programme + " (4 from 16 Mar 2027)"));
        CLOCK.set(Instant.parse("2027-03-16T00:00:00Z"));
        assertThat(text(say(awake, "stuck 1 no time at all"))).contains("across at least 4 people");
        assertThat(rendered(say(quiet, "privacy"))).anySatisfy(t -> assertThat(t)
                .contains("at least 4 people in " + programme + "."));

        // Raising protects people more: at once, and nobody is messaged.
        assertThat(text(saveSettings("6", "365"))).doesNotContain("stays");
        worker.drainAll();
        assertThat(announcements()).hasSize(2);
        assertThat(text(say(awake, "stuck 1 still no time"))).contains("across at least 6 people");
    }

    @Test
    void aLoweringTakenBackBeforeItIsSentIsNotAnnounced() {
        joined(agreed("Ravi Quick-Change"));
        CLOCK.set(Instant.parse("2027-03-01T12:00:00Z"));
        saveSettings("3", "365");
        saveSettings("5", "365");
        worker.drainAll();
        assertThat(announcements()).isEmpty();
    }

    // ---- item 2: before agreeing, only what reaches a person and keeps their answer ----

    @Test
    void beforeAgreeingOnlyTheirIdsNameChatAndInvitationAreKept() {
        User person = new User("29:" + UUID.randomUUID(), UUID.randomUUID().toString(), "Zofia Undecided-Kowal",
                "America/Sao_Paulo");
        List<JsonNode> welcome = teams.expectReplies(teams.install(person)).replies();
        assertThat(rendered(welcome)).anySatisfy(t -> assertThat(t).contains("Until you agree, Waymark keeps only"));
        assertThat(rendered(welcome)).noneSatisfy(t -> assertThat(t).contains("nothing about you is recorded"));
        say(person, "join " + code);
        say(person, "quiet hours 22:00-06:00");
        say(person, "add action Something private");
        long id = idOf(person);

        String describe = text(submit(coach, JSON.createObjectNode().put("action", "describeMember")
                .put("participantId", Long.toString(id)).put("role", "Chief nurse").put("organisation", "Riverside")));
        assertThat(describe).contains("have not agreed to the privacy notice yet");
        User colleague = joined(agreed("Kofi Agreed-Mensah"));
        String asManager = text(submit(coach, JSON.createObjectNode().put("action", "describeMember")
                .put("participantId", Long.toString(idOf(colleague))).put("lineManagerId", Long.toString(id))));
        assertThat(asManager).contains("line manager has not agreed");

        List<String> found = EveryColumn.scan(db, List.of(person.name(), person.aadObjectId(), "America/Sao_Paulo",
                "Chief nurse", "Riverside", "Something private", "22:00"), List.of(id)).stream()
                .filter(hit -> !hit.startsWith("\"flyway_schema_history\"")) // its ranks and timings are not people
                .toList();
        assertThat(found).as("only the ids, name and chat Teams gave, and the invitation to the programme")
                .allSatisfy(hit -> assertThat(hit).matches("\"(PARTICIPANT\"\\.\"(ID|TEAMS_USER_ID|AAD_OBJECT_ID"
                        + "|IDENTITY_KEY|DISPLAY_NAME|CONVERSATION_REFERENCE)|MEMBERSHIP\"\\.\"PARTICIPANT_ID)\" .*"));
        assertThat(db.queryForObject("select time_zone from participant where id = ?", String.class, id))
                .isEqualTo("Europe/London");

        // Once they agree, Teams' time zone is theirs to keep, and the coach may describe them.
        teams.expectReplies(teams.cardSubmit(person, JSON.createObjectNode().put("action", "consent")));
        assertThat(db.queryForObject("select time_zone from participant where id = ?", String.class, id))
                .isEqualTo("America/Sao_Paulo");
        assertThat(text(submit(coach, JSON.createObjectNode().put("action", "describeMember")
                .put("participantId", Long.toString(id)).put("role", "Chief nurse")))).contains("Saved");
    }

    // ---- item 16 and item 3: what a coach records is shown to the person; what they decide about others is not ----

    @Test
    void myDetailsShowsTheLineManagerTheCoachRecorded() {
        User report = joined(agreed("Ada Report-Lindqvist"));
        User manager = joined(agreed("Bram Manager-Osei"));
        assertThat(text(submit(coach, JSON.createObjectNode().put("action", "describeMember")
                .put("participantId", Long.toString(idOf(report))).put("lineManagerId",
                        Long.toString(idOf(manager)))))).contains("They can see this with \"my details\"");
        assertThat(rendered(say(report, "my details"))).anySatisfy(t -> assertThat(t)
                .contains("line manager: Bram Manager-Osei"));
        assertThat(rendered(say(manager, "my details"))).anySatisfy(t -> assertThat(t).contains("line manager: none"));
    }

    @Test
    void theExportSaysAPairingRuleExistsWithoutNamingTheOtherPerson() {
        User first = joined(agreed("Cleo Apart-Nakamura"));
        User second = joined(agreed("Dev Apart-Whitfield"));
        JsonNode card = lastCard(say(coach, "forbid pair"));
        assertThat(rendered(List.of(wrap(card)))).anySatisfy(t -> assertThat(t)
                .contains("says that a rule about them exists, never who the other person is"));
        String a = com.waymark.support.CardChoices.valueOf(card, "first", "Cleo");
        String b = com.waymark.support.CardChoices.valueOf(card, "second", "Dev");
        assertThat(text(submit(coach, JSON.createObjectNode().put("action", "forbidPair").put("first", a)
                .put("second", b)))).contains("never be paired");
        for (User person : List.of(first, second)) {
            List<JsonNode> replies = say(person, "my data");
            String export = replies.toString();
            assertThat(export).contains("pairingRulesAboutYou").contains("one particular other participant");
            assertThat(export).doesNotContain((person == first ? second : first).name());
        }
        assertThat(CONNECTOR.sentActivities().toString()).as("neither is sent anything")
                .doesNotContain("never pair").doesNotContain("Apart-");
    }

    // ---- "Done when": every number of people, time and duration a text names is the setting it describes ----

    @Test
    void everyNumberOfPeopleTimeAndDurationATextNamesIsTheSettingItDescribes() {
        CLOCK.set(Instant.parse("2027-03-01T12:00:00Z"));
        saveSettings("7", "30");
        saveSettings("4", "30"); // a lowering: everything must say 7 until it applies, then 4
        CLOCK.set(Instant.parse("2027-03-20T12:00:00Z"));
        saveSettings("4", "30");
        List<String> texts = new ArrayList<>();
        User person = agreed("Esme Settings-Achterberg");
        texts.addAll(rendered(say(person, "join " + code)));
        say(person, "quiet hours 21:00-07:30");
        say(person, "add action Protect Friday afternoons");
        List<User> others = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            others.add(joined(agreed("Other " + i + " Settings-Ng")));
        }
        User fresh = User.fresh("Fern Fresh-Install");
        texts.addAll(rendered(teams.expectReplies(teams.install(fresh)).replies()));
        for (String said : List.of("help", "privacy", "my schedule", "stuck 1 no time", "my details", "my data",
                "who has seen my data", "my trend", "my programmes", "my pairings", "my actions", "4 4 A steady week",
                "what's the weather")) {
            texts.addAll(rendered(say(person, said)));
        }
        for (String said : List.of("help", "programme", "edit programme", "people", "coaches", "schedule",
                "peer coaching", "pairs", "forbid pair", "summary", "themes", "wellbeing", "actions", "participation")) {
            texts.addAll(rendered(say(coach, said)));
        }
        texts.addAll(rendered(teams.expectReplies(teams.teamMessage(coach, "19:team-" + programme.hashCode(),
                "help")).replies()));
        texts.add(com.waymark.teams.programme.ThresholdLoweredWording.thresholdLowered(programmeEntity(), 7, 4, Instant.parse("2027-03-16T00:00:00Z")));

        Settings settings = new Settings(4, Set.of(3), 30, NOTICE_DAYS, AT_RISK_DAYS, Set.of("21:00", "07:30"));
        List<String> broken = new ArrayList<>();
        Set<String> kinds = new java.util.TreeSet<>();
        int checked = 0;
        for (String text : texts) {
            for (Claim claim : claims(text)) {
                checked++;
                kinds.add(claim.kind());
                if (!settings.allows(claim)) {
                    broken.add(claim + " in: " + text);
                }
            }
        }
        assertThat(broken).as("texts that promise what the settings do not do").isEmpty();
        assertThat(texts).as("no placeholder Teams would swallow as an HTML tag")
                .allSatisfy(t -> assertThat(SwallowedPlaceholders.in(t)).as(t).isEmpty());
        assertThat(checked).as("the texts do speak of people, days and times").isGreaterThan(10);
        assertThat(kinds).containsExactly("days", "people", "quiet");
        System.out.println("PromisesTest: " + checked + " numbers checked in " + texts.size() + " texts");
        assertThat(texts).anySatisfy(t -> assertThat(t).contains("at least 4 people"))
                .anySatisfy(t -> assertThat(t).contains("combine at least 4 people, and its answers are kept 30 days"))
                .anySatisfy(t -> assertThat(t).contains("30 days"))
                .anySatisfy(t -> assertThat(t).contains("21:00"));
    }

    /** One number a text states as a promise: how many people, how many days, what time. */
    record Claim(String kind, String value, String phrase) {
    }

    /** The settings a text may speak of, and the fixed floor the code enforces (never fewer than 3). */
    record Settings(int threshold, Set<Integer> floors, int retentionDays, int noticeDays, int atRiskDays,
                    Set<String> quietHours) {
        boolean allows(Claim claim) {
            return switch (claim.kind()) {
                case "people" -> claim.value().equals(Integer.toString(threshold))
                        || (claim.phrase().matches("(?i).*(never|fewer|below).*")
                        && floors.contains(Integer.parseInt(claim.value())));
                case "days" -> Set.of(retentionDays, noticeDays, atRiskDays, STAFF_CODE_DAYS)
                        .contains(Integer.parseInt(claim.value()));
                case "quiet" -> quietHours.contains(claim.value());
                default -> false;
            };
        }
    }

    private static final Pattern PEOPLE = Pattern.compile("(?i)(at least|as few as|never fewer than|never below|"
            + "below|fewer than|combines? at least|covers? at least)\\s+(\\w+)\\s+(people|person)");
    private static final Pattern SPELLED = Pattern.compile("(?i)\\b(one|two|three|four|five|six|seven|eight|nine|ten)"
            + "\\s+(people|person)\\b");
    private static final Pattern DAYS = Pattern.compile("(?i)(\\d+)\\+?\\s+(whole\\s+)?days?\\b");
    /** A time given as someone's quiet hours: right after the words ("Quiet hours: 21:00–07:30", "quiet hours 21:00"). */
    private static final Pattern QUIET = Pattern.compile("(?i)quiet hours?(?: set)?(?: are| to| from)?[:\\s(]*"
            + "(\\d{1,2}:\\d{2})(?:\\s*(?:-|–|to|until)\\s*(\\d{1,2}:\\d{2}))?");

    /** Every promise of a number in one text, read the way a person would. */
    static List<Claim> claims(String text) {
        List<Claim> claims = new ArrayList<>();
        Matcher people = PEOPLE.matcher(text);
        while (people.find()) {
            claims.add(new Claim("people", people.group(2), people.group()));
        }
        Matcher spelled = SPELLED.matcher(text);
        while (spelled.find()) {
            claims.add(new Claim("people", spelled.group(1), spelled.group())); // a word, never a setting's value
        }
        Matcher days = DAYS.matcher(text);
        while (days.find()) {
            claims.add(new Claim("days", days.group(1), days.group()));
        }
        Matcher quiet = QUIET.matcher(text);
        while (quiet.find()) {
            claims.add(new Claim("quiet", quiet.group(1), quiet.group()));
            if (quiet.group(2) != null) {
                claims.add(new Claim("quiet", quiet.group(2), quiet.group()));
            }
        }
        return claims;
    }

    @Test
    void theCheckerCatchesTheOldPromises() {
        Settings settings = new Settings(4, Set.of(3), 30, NOTICE_DAYS, AT_RISK_DAYS, Set.of("21:00", "07:30"));
        assertThat(claims("summaries that combine at least five people")).noneMatch(settings::allows);
        assertThat(claims("kept until the days its coach chose have passed (365 unless they changed it)"))
                .noneMatch(settings::allows);
        assertThat(claims("Quiet hours: 22:00–07:00")).hasSize(2).noneMatch(settings::allows);
        assertThat(claims("quiet hours set: 21:00 to 07:30")).hasSize(2).allMatch(settings::allows);
        assertThat(claims("never in their quiet hours, and only between the dates (00:00 on the first day")).isEmpty();
        assertThat(claims("each combining at least 4 people; never fewer than 3")).allMatch(settings::allows);
    }

    // ---- helpers ----

    private com.waymark.programme.Programme programmeEntity() {
        return programmes.find(db.queryForObject("select id from programme where name = ?", Long.class, programme))
                .orElseThrow();
    }

    @Autowired
    com.waymark.programme.ProgrammeService programmes;

    private List<JsonNode> saveSettings(String threshold, String retentionDays) {
        String token = lastCard(say(coach, "edit programme")).path("actions").path(0).path("data")
                .path("programmeId").asText();
        return submit(coach, JSON.createObjectNode().put("action", "saveProgramme").put("programmeId", token)
                .put("name", programme).put("timeZone", "Europe/London").put("endsOn", "2027-06-30")
                .put("threshold", threshold).put("retentionDays", retentionDays));
    }

    /** The announcements delivered so far, in order. */
    private static List<String> announcements() {
        return CONNECTOR.sentActivities().stream().map(a -> a.path("text").asText(""))
                .filter(t -> t.contains("lowered the confidentiality threshold")).toList();
    }

    private static List<String> recipients() {
        return CONNECTOR.calls().stream().filter(c -> c.body() != null
                        && c.body().path("text").asText("").contains("lowered the confidentiality threshold"))
                .map(c -> java.net.URLDecoder.decode(c.path(), java.nio.charset.StandardCharsets.UTF_8)).toList();
    }

    private User agreed(String name) {
        User user = User.fresh(name);
        teams.expectReplies(teams.install(user));
        teams.expectReplies(teams.cardSubmit(user, JSON.createObjectNode().put("action", "consent")));
        return user;
    }

    private User joined(User user) {
        assertThat(text(say(user, "join " + code))).contains("Welcome to");
        return user;
    }

    private long idOf(User user) {
        return db.queryForObject("select id from participant where aad_object_id = ?", Long.class, user.aadObjectId());
    }

    private List<JsonNode> say(User user, String text) {
        TeamsClient.Answer answer = teams.expectReplies(teams.message(user, text));
        assertThat(answer.status()).isEqualTo(200);
        return answer.replies();
    }

    private List<JsonNode> submit(User user, JsonNode data) {
        TeamsClient.Answer answer = teams.expectReplies(teams.cardSubmit(user, data));
        assertThat(answer.status()).isEqualTo(200);
        return answer.replies();
    }

    private static String text(List<JsonNode> replies) {
        return String.join("\n", replies.stream().map(r -> r.path("text").asText("")).toList());
    }

    private static JsonNode lastCard(List<JsonNode> replies) {
        return replies.stream().filter(r -> r.path("attachments").size() > 0).reduce((a, b) -> b)
                .orElseThrow(() -> new AssertionError("no card in " + replies))
                .path("attachments").path(0).path("content");
    }

    private static JsonNode wrap(JsonNode card) {
        ObjectNode reply = JSON.createObjectNode();
        reply.putArray("attachments").addObject().set("content", card);
        return reply;
    }

    /** Every string a person reads in these replies: message text, TextBlocks, facts, input labels and choices. */
    static List<String> rendered(List<JsonNode> replies) {
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
            if (node.path("title").isTextual() && node.path("value").isTextual()) {
                texts.add(node.path("title").asText() + ": " + node.path("value").asText()); // a fact, as read
            }
            for (String field : List.of("text", "title", "value", "label", "placeholder")) {
                if (node.path(field).isTextual()) {
                    texts.add(node.path(field).asText());
                }
            }
        }
        node.forEach(child -> collect(child, texts));
    }
}
