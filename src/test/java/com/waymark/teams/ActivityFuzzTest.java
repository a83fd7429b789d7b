package com.waymark.teams;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.waymark.WaymarkApplication;
import com.waymark.bench.ConnectorStub;
import com.waymark.support.ErrorLog;
import com.waymark.support.Junk;
import com.waymark.support.TeamsClient;
import com.waymark.support.TeamsClient.User;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Fuzzes {@code POST /api/messages} over real HTTP with jqwik: Teams-shaped activities with random parts replaced,
 * removed or retyped, arbitrary JSON, invalid UTF-8 and deep nesting. Invariants: never a 5xx, never a stack trace,
 * and nothing stored that should not be (no check-in from someone who has not agreed, none from an invalid
 * check-in). Tries: 200 in CI ({@code -Djqwik.tries.default}); {@code ./mvnw -Pfuzz test} runs far more.
 */
class ActivityFuzzTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private static final List<String> TYPES = List.of("message", "conversationUpdate", "installationUpdate", "invoke",
            "event", "typing", "messageReaction", "messageUpdate", "messageDelete", "endOfConversation", "trace",
            "handoff", "command", "contactRelationUpdate", "deleteUserData", "suggestion", "MESSAGE", "", "🤖");
    private static final byte[][] BAD_UTF8 = {{(byte) 0xC3, 0x28}, {(byte) 0xFF}, {(byte) 0xED, (byte) 0xA0, (byte) 0x80},
            {(byte) 0xF4, (byte) 0x90, (byte) 0x80, (byte) 0x80}, {(byte) 0xC0, (byte) 0xAF}, {(byte) 0xE2, (byte) 0x82}};
    private static final String SLOT = "\u0001SLOT\u0001";
    /** waymark.bot.max-body-bytes' default: a larger request is refused whole with 413, before any turn. */
    private static final int MAX_BODY_BYTES = 262_144;

    private static ConfigurableApplicationContext app;
    private static ConnectorStub connector;
    private static TeamsClient teams;
    private static JdbcTemplate db;
    private static URI endpoint;
    private static User consented;
    /** A coach with a programme and a group, and ids that are real but not theirs: another coach's programme and group. */
    private static User coach;
    private static long coachProgramme;
    private static List<JsonNode> knownIds;
    private static ErrorLog errorLog;
    private static final List<String> VERBS = CardActionCatalogue.verbs();
    private static final List<String> FIELDS = CardActionCatalogue.fields();

    /** One change to an activity: at the {@code path}-th field (modulo their number), set, drop or retype it. */
    record Mutation(int path, int op, JsonNode value, String type) {
    }

    @BeforeContainer
    static void start() throws IOException {
        connector = new ConnectorStub();
        app = new SpringApplicationBuilder(WaymarkApplication.class).run("--server.port=0",
                "--waymark.data-dir=" + Files.createTempDirectory("waymark-fuzz-"), "--spring.quartz.auto-startup=false",
                "--waymark.bot.messages-per-minute=0", "--waymark.enrol.pace-ms=0", "--spring.main.banner-mode=off");
        int port = ((WebServerApplicationContext) app).getWebServer().getPort();
        endpoint = URI.create("http://127.0.0.1:" + port + "/api/messages");
        teams = new TeamsClient(port, connector.serviceUrl());
        db = app.getBean(JdbcTemplate.class);
        consented = User.fresh("Fuzz Consented");
        teams.expectReplies(teams.install(consented));
        teams.expectReplies(teams.cardSubmit(consented, JSON.createObjectNode().put("action", "consent")));
        coach = consentedUser("Fuzz Coach");
        coachProgramme = programmeWithGroup(coach, "Fuzz cohort");
        User member = consentedUser("Fuzz Member");
        teams.expectReplies(teams.message(member, "join " + db.queryForObject("select join_code from programme where id = ?",
                String.class, coachProgramme)));
        User otherCoach = consentedUser("Fuzz Other Coach");
        long otherProgramme = programmeWithGroup(otherCoach, "Fuzz elsewhere");
        knownIds = new ArrayList<>();
        for (long id : db.queryForList("select id from programme where id in (?, ?) union select id from programme_group "
                + "where programme_id in (?, ?) union select id from participant", Long.class, coachProgramme,
                otherProgramme, coachProgramme, otherProgramme)) {
            knownIds.add(JSON.getNodeFactory().textNode(Long.toString(id)));
        }
        errorLog = ErrorLog.open();
    }

    private static User consentedUser(String name) {
        User user = User.fresh(name);
        teams.expectReplies(teams.install(user));
        teams.expectReplies(teams.cardSubmit(user, JSON.createObjectNode().put("action", "consent")));
        return user;
    }

    private static long programmeWithGroup(User owner, String name) {
        String unique = name + " " + owner.userId().substring(owner.userId().length() - 6);
        teams.expectReplies(teams.message(owner, "create programme " + unique));
        teams.expectReplies(teams.message(owner, "add group Blue"));
        return db.queryForObject("select id from programme where name = ?", Long.class, unique);
    }

    @AfterContainer
    static void stop() {
        if (errorLog != null) {
            errorLog.close();
        }
        if (app != null) {
            app.close();
        }
        if (connector != null) {
            connector.close();
        }
    }

    @Property
    void mutatedTeamsActivitiesNeverBreakTheEdge(@ForAll("bases") int base, @ForAll("mutations") List<Mutation> mutations,
                                                 @ForAll boolean expectReplies, @ForAll("badBytes") int badBytes) {
        User stranger = User.fresh("Fuzz Stranger");
        ObjectNode activity = base(base, stranger);
        mutations.forEach(m -> apply(activity, m));
        if (expectReplies) {
            activity.put("deliveryMode", "expectReplies");
        }
        byte[] body = badBytes < 0 ? bytes(activity) : withInvalidUtf8(activity, badBytes);
        assertSafe(post(body), body);
        assertThat(rows("check_in", stranger) + rows("action_item", stranger))
                .as("nothing recorded for someone who never agreed").isZero();
    }

    @Property
    void invalidCheckInsAreExplainedAndStoreNothing(@ForAll("invalidCheckIns") JsonNode submit,
                                                    @ForAll("invalidTextCheckIns") String text, @ForAll boolean asCard) {
        int before = rows("check_in", consented);
        ObjectNode activity = asCard ? teams.cardSubmit(consented, submit) : teams.message(consented, text);
        activity.put("deliveryMode", "expectReplies");
        byte[] body = bytes(activity);
        TeamsClient.Answer answer = post(body);
        assertSafe(answer, body);
        assertThat(answer.status()).isEqualTo(200);
        assertThat(rows("check_in", consented)).as("an invalid check-in stores nothing").isEqualTo(before);
    }

    /**
     * Every card action the code defines, with junk, missing, huge, negative and foreign ids (real ids of another
     * coach's programme, group or people) and impossible dates and times in its fields, from a coach or a participant,
     * as a message submit or a Universal Action: a kind answer, never the apology, never an ERROR or stack trace logged.
     */
    @Property
    void everyCardActionWithBadIdsIsAnsweredKindly(@ForAll("verbs") String verb, @ForAll("cardFields") List<JsonNode> values,
                                                   @ForAll boolean fromCoach, @ForAll boolean asInvoke) {
        net.jqwik.api.statistics.Statistics.label("verb").collect(verb);
        ObjectNode data = JSON.createObjectNode().put("action", verb);
        for (int i = 0; i < FIELDS.size(); i++) {
            if (values.get(i) != null) {
                data.set(FIELDS.get(i), values.get(i));
            }
        }
        // Erasure is real: confirm it as someone made for the purpose, not as the coach the other tries use.
        User user = verb.equals(com.waymark.teams.datarights.DataRightsSlice.CONFIRM_ERASE) ? consentedUser("Fuzz Eraser") : fromCoach ? coach : consented;
        ObjectNode activity = asInvoke ? invoke(user, data) : teams.cardSubmit(user, data);
        activity.put("deliveryMode", "expectReplies");
        errorLog.clear();
        byte[] body = bytes(activity);
        TeamsClient.Answer answer = post(body);

        assertKind(answer, body);
    }

    /**
     * Every command that takes a date or a time, with dates and times that are mostly impossible (30 February, month 13,
     * 29 February of a common year, 24:00, 14:60, 13pm) and ranges that end before they start: a kind answer, and when
     * anything is impossible nothing changes (sessions, days away, quiet hours, earliest time).
     */
    @Property
    void impossibleDatesAndTimesInEveryCommandAreExplainedAndChangeNothing(
            @ForAll("whenCommands") String template, @ForAll("dates") String from, @ForAll("dates") String to,
            @ForAll("times") String start, @ForAll("times") String end) {
        String text = template.replace("{D2}", to).replace("{D}", from).replace("{T2}", end).replace("{T}", start);
        boolean impossible = template.contains("{D}") && !isDate(from) || template.contains("{D2}") && (!isDate(to)
                || isDate(from) && strictDate(to).isBefore(strictDate(from))) || template.contains("{T}") && !isTime(start)
                || template.contains("{T2}") && !isTime(end);
        String before = coachState();
        ObjectNode activity = teams.message(coach, text);
        activity.put("deliveryMode", "expectReplies");
        errorLog.clear();
        byte[] body = bytes(activity);
        TeamsClient.Answer answer = post(body);

        assertKind(answer, body);
        if (impossible) {
            assertThat(answer.body()).as(text).contains("for example:");
            assertThat(coachState()).as("nothing changed by " + text).isEqualTo(before);
        }
    }

    @Property
    void arbitraryJsonAndBytesNeverBreakTheEdge(@ForAll("anyBody") byte[] body) {
        assertSafe(post(body), body);
    }

    // --- generators -----------------------------------------------------------------------------------

    @Provide
    Arbitrary<String> verbs() {
        return Arbitraries.of(VERBS);
    }

    @Provide
    Arbitrary<List<JsonNode>> cardFields() {
        Arbitrary<JsonNode> value = Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(3, Junk.ids()),
                net.jqwik.api.Tuple.of(3, Arbitraries.of(knownIds)),
                net.jqwik.api.Tuple.of(2, Junk.dates().map(JSON.getNodeFactory()::textNode)),
                net.jqwik.api.Tuple.of(2, Junk.times().map(JSON.getNodeFactory()::textNode)),
                net.jqwik.api.Tuple.of(2, Junk.json(1)));
        return value.injectNull(0.4).list().ofSize(FIELDS.size());
    }

    @Provide
    Arbitrary<String> whenCommands() {
        return Arbitraries.of(Junk.WHEN_COMMANDS);
    }

    @Provide
    Arbitrary<String> dates() {
        return Junk.dates();
    }

    @Provide
    Arbitrary<String> times() {
        return Junk.times();
    }

    @Provide
    Arbitrary<Integer> bases() {
        return Arbitraries.integers().between(0, 9);
    }

    @Provide
    Arbitrary<Integer> badBytes() {
        return Arbitraries.frequencyOf(net.jqwik.api.Tuple.of(3, Arbitraries.just(-1)),
                net.jqwik.api.Tuple.of(1, Arbitraries.integers().between(0, BAD_UTF8.length - 1)));
    }

    @Provide
    Arbitrary<List<Mutation>> mutations() {
        Arbitrary<Mutation> one = Combinators.combine(Arbitraries.integers().between(0, 500),
                Arbitraries.integers().between(0, 3), Junk.json(2), Arbitraries.of(TYPES)).as(Mutation::new);
        return one.list().ofMinSize(1).ofMaxSize(5);
    }

    @Provide
    Arbitrary<JsonNode> invalidCheckIns() {
        Arbitrary<JsonNode> badRating = Arbitraries.oneOf(Junk.json(1).filter(v -> !isRating(v)),
                Arbitraries.of("0", "6", "-1", "3.5", "٣", "Ⅲ", " ", "1e0", "05", "4\u00a0", "4 4").map(JSON.getNodeFactory()::textNode));
        Arbitrary<JsonNode> anyRating = Arbitraries.oneOf(badRating,
                Arbitraries.of("1", "2", "3", "4", "5").map(JSON.getNodeFactory()::textNode));
        return Combinators.combine(badRating, anyRating, Arbitraries.of(true, false), Junk.json(1), Junk.json(1),
                Junk.json(1)).as((bad, other, badFirst, reflection, prompt, extra) -> {
                    ObjectNode data = JSON.createObjectNode().put("action", "checkin");
                    data.set("wellbeing", badFirst ? bad : other);
                    data.set("energy", badFirst ? other : bad);
                    data.set("reflection", reflection);
                    data.set("promptId", prompt);
                    data.set("quoteOk", extra);
                    return (JsonNode) data;
                });
    }

    @Provide
    Arbitrary<String> invalidTextCheckIns() {
        return Combinators.combine(Arbitraries.of("0", "6", "9", "10", "-1", "x", "٤", "4.5"),
                Arbitraries.of("3", "0", "7", "banana"), Junk.strings())
                .as((w, e, rest) -> w + " " + e + " " + rest);
    }

    @Provide
    Arbitrary<byte[]> anyBody() {
        Arbitrary<byte[]> json = Junk.json(4).map(ActivityFuzzTest::bytes);
        Arbitrary<byte[]> typed = Combinators.combine(Arbitraries.of(TYPES), Junk.fieldNames().list().ofMaxSize(6),
                Junk.json(3).list().ofSize(6)).as((type, names, values) -> {
                    ObjectNode activity = JSON.createObjectNode().put("type", type)
                            .put("serviceUrl", connector.serviceUrl());
                    for (int i = 0; i < names.size(); i++) {
                        activity.set(names.get(i), values.get(i));
                    }
                    return bytes(activity);
                });
        Arbitrary<byte[]> nested = Combinators.combine(Arbitraries.integers().between(100, 5000), Arbitraries.of("[", "{\"a\":"))
                .as((depth, open) -> ("{\"type\":\"message\",\"serviceUrl\":\"http://x/\",\"value\":" + open.repeat(depth))
                        .getBytes(StandardCharsets.UTF_8));
        Arbitrary<byte[]> raw = Arbitraries.bytes().array(byte[].class).ofMaxSize(2000);
        return Arbitraries.oneOf(json, typed, nested, raw);
    }

    // --- helpers ------------------------------------------------------------------------------------

    private static ObjectNode base(int kind, User user) {
        String team = "19:fuzz-team@thread.tacv2";
        return switch (kind) {
            case 0 -> teams.message(user, "help");
            case 1 -> teams.message(user, "4 3 a reflection");
            case 2 -> teams.cardSubmit(user, JSON.createObjectNode().put("action", "checkin").put("wellbeing", "4")
                    .put("energy", "3").put("reflection", "fine"));
            case 3 -> teams.teamMessage(user, team, "enrol");
            case 4 -> teams.teamCardSubmit(user, team, JSON.createObjectNode().put("action", "enrolSelected"));
            case 5 -> teams.install(user);
            case 6 -> teams.botAddedPersonal(user);
            case 7 -> teams.teamMembersChanged(team, "membersAdded", JSON.createObjectNode().put("id", TeamsClient.BOT_ID));
            case 8 -> {
                ObjectNode invoke = teams.message(user, "");
                invoke.remove("text");
                invoke.put("type", "invoke").put("name", "adaptiveCard/action");
                invoke.putObject("value").put("trigger", "manual").putObject("action").put("type", "Action.Execute")
                        .put("verb", "checkin").putObject("data").put("wellbeing", "4").put("energy", "4");
                yield invoke;
            }
            default -> teams.message(user, "add action Fuzz the edge");
        };
    }

    /** Applies one mutation at a field chosen among all the activity's fields, however deep. */
    private static void apply(ObjectNode activity, Mutation mutation) {
        List<Map.Entry<ObjectNode, String>> fields = new ArrayList<>();
        collect(activity, fields);
        if (fields.isEmpty()) {
            return;
        }
        Map.Entry<ObjectNode, String> field = fields.get(mutation.path() % fields.size());
        ObjectNode parent = field.getKey();
        switch (mutation.op()) {
            case 0 -> parent.set(field.getValue(), mutation.value());
            case 1 -> parent.remove(field.getValue());
            case 2 -> activity.put("type", mutation.type());
            default -> parent.set(field.getValue(), JSON.getNodeFactory().textNode(SLOT));
        }
    }

    private static void collect(JsonNode node, List<Map.Entry<ObjectNode, String>> into) {
        if (node instanceof ObjectNode object) {
            for (Iterator<String> names = object.fieldNames(); names.hasNext(); ) {
                String name = names.next();
                into.add(Map.entry(object, name));
                collect(object.get(name), into);
            }
        } else if (node instanceof ArrayNode array) {
            array.forEach(item -> collect(item, into));
        }
    }

    /** Puts invalid UTF-8 where a slot was left (or into the text), inside a JSON string. */
    private static byte[] withInvalidUtf8(ObjectNode activity, int which) {
        String json = activity.toString();
        if (!json.contains(SLOT)) {
            activity.put("text", "before" + SLOT + "after");
            json = activity.toString();
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        String[] parts = json.split(SLOT.replace("\u0001", "\\u0001"), -1);
        for (int i = 0; i < parts.length; i++) {
            out.writeBytes(parts[i].getBytes(StandardCharsets.UTF_8));
            if (i < parts.length - 1) {
                out.writeBytes(BAD_UTF8[which]);
            }
        }
        return out.toByteArray();
    }

    private static boolean isRating(JsonNode value) {
        // The domain's rule: the text, trimmed, is one digit from 1 to 5 (so " 4 " is a 4).
        return value.isTextual() && value.asText().trim().matches("[1-5]") || value.isIntegralNumber()
                && value.asLong() >= 1 && value.asLong() <= 5;
    }

    private static byte[] bytes(JsonNode node) {
        return node.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static TeamsClient.Answer post(byte[] body) {
        HttpRequest request = HttpRequest.newBuilder(endpoint).timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofByteArray(body)).build();
        try {
            HttpResponse<String> response = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
            return new TeamsClient.Answer(response.statusCode(), response.body());
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static void assertSafe(TeamsClient.Answer answer, byte[] body) {
        String sent = new String(body, 0, Math.min(body.length, 600), StandardCharsets.UTF_8);
        assertThat(answer.status()).as("status for %s", sent).isLessThan(500);
        String reply = answer.body() == null ? "" : answer.body();
        assertThat(reply).as("answer to %s", sent).doesNotContain("Exception").doesNotContain("\tat ")
                .doesNotContain("at com.waymark");
    }

    private static ObjectNode invoke(User user, JsonNode data) {
        ObjectNode invoke = teams.message(user, "");
        invoke.remove("text");
        invoke.put("type", "invoke").put("name", "adaptiveCard/action");
        invoke.putObject("value").put("trigger", "manual").putObject("action").put("type", "Action.Execute")
                .put("verb", data.path("action").asText()).set("data", data);
        return invoke;
    }

    /** Safe, answered, not the apology, and nothing logged at ERROR or with a stack trace. */
    private static void assertKind(TeamsClient.Answer answer, byte[] body) {
        assertSafe(answer, body);
        String sent = new String(body, 0, Math.min(body.length, 600), StandardCharsets.UTF_8);
        if (body.length > MAX_BODY_BYTES) {
            assertThat(answer.status()).as("oversized: %s", sent).isEqualTo(413);
            return;
        }
        assertThat(answer.status()).as("status for %s", sent).isEqualTo(200);
        assertThat(answer.body()).as("answer to %s", sent).isNotBlank()
                .doesNotContain(BotFrameworkConfiguration.TURN_ERROR_REPLY.substring(0, 30));
        assertThat(errorLog.events()).as("logged for %s", sent).isEmpty();
    }

    private static final DateTimeFormatter STRICT_DATE = DateTimeFormatter.ofPattern("uuuu-M-d")
            .withResolverStyle(ResolverStyle.STRICT);

    /** The oracle, independent of the code under test: java.time's strict resolver. */
    private static boolean isDate(String text) {
        try {
            strictDate(text);
            return true;
        } catch (DateTimeParseException e) {
            return false;
        }
    }

    private static LocalDate strictDate(String text) {
        return LocalDate.parse(text, STRICT_DATE);
    }

    private static boolean isTime(String text) {
        Matcher twelve = Pattern.compile("(\\d+) ?(am|pm)").matcher(text);
        if (twelve.matches()) {
            int hour = Integer.parseInt(twelve.group(1));
            return hour >= 1 && hour <= 12;
        }
        try {
            LocalTime.parse(text.replace('.', ':'), DateTimeFormatter.ofPattern("HH:mm").withResolverStyle(ResolverStyle.STRICT));
            return true;
        } catch (DateTimeParseException e) {
            return false;
        }
    }

    /** What a date or time command can change for the coach. */
    private static String coachState() {
        return db.queryForList("select count(*) from coaching_session where programme_id = ?", Integer.class,
                coachProgramme) + " " + db.queryForList("select count(*) from unavailable_day d join participant p "
                + "on p.id = d.participant_id where p.aad_object_id = ?", Integer.class, coach.aadObjectId()) + " "
                + db.queryForList("select coalesce(quiet_from, '-') || coalesce(quiet_to, '-') || coalesce(not_before, '-') "
                + "from participant_preferences r join participant p on p.id = r.participant_id where p.aad_object_id = ?",
                String.class, coach.aadObjectId());
    }

    private static int rows(String table, User user) {
        return db.queryForObject("select count(*) from " + table + " t join participant p on p.id = t.participant_id "
                + "where p.aad_object_id = ?", Integer.class, user.aadObjectId());
    }
}
