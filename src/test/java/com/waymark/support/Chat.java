package com.waymark.support;

import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.waymark.support.TeamsClient.User;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * A test's way of talking to the bot as people do: over real HTTP to {@code /api/messages}, one 1:1 chat per
 * person, replies asked for in the response ({@code expectReplies}). It replaces the {@code say}, consent and
 * programme set-up each integration test used to write for itself.
 *
 * <pre>
 * Chat chat = new Chat(teams, db);
 * Chat.Coach coach = chat.coach("Dr Helen Marsh").creates("Riverside cohort");
 * Chat.Person leader = chat.person("Kofi Mensah").agree().join(coach.joinCode());
 * assertThat(leader.say("my programmes").card().toString()).contains("Riverside cohort");
 * </pre>
 */
public final class Chat {

    static final ObjectMapper JSON = new ObjectMapper();

    private final TeamsClient teams;
    private final JdbcTemplate db;
    private final boolean requireOk;

    public Chat(TeamsClient teams, JdbcTemplate db) {
        this(teams, db, false);
    }

    private Chat(TeamsClient teams, JdbcTemplate db, boolean requireOk) {
        this.teams = teams;
        this.db = db;
        this.requireOk = requireOk;
    }

    /** The same chat, failing the test if any activity it sends is not answered 200 (a turn that ran). */
    public Chat requiringOk() {
        return new Chat(teams, db, true);
    }

    public TeamsClient teams() {
        return teams;
    }

    /** Someone new who has installed the app (Teams sends installationUpdate) and not yet agreed to anything. */
    public Person person(String name) {
        return new Person(User.fresh(name), null).installs();
    }

    /**
     * Someone new in another organisation (Entra tenant): every activity of theirs carries {@code tenant} where
     * Teams puts it (the conversation and the channel data). Local mode serves every tenant.
     */
    public Person person(String name, String tenant) {
        return new Person(User.fresh(name), tenant).installs();
    }

    /** A person with a given identity (time zone, ids) who has installed the app. */
    public Person person(User user) {
        return new Person(user, null).installs();
    }

    /** A person who has not installed the app: their first message is their first contact. */
    public Person stranger(String name) {
        return new Person(User.fresh(name), null);
    }

    /** The same chat for an identity already known to the test; sends nothing. */
    public Person as(User user) {
        return new Person(user, null);
    }

    /** Someone who will coach: installed, nothing created yet. */
    public Coach coach(String name) {
        return new Coach(User.fresh(name), null).installs();
    }

    /** Someone who will coach, in another organisation (see {@link #person(String, String)}). */
    public Coach coach(String name, String tenant) {
        return new Coach(User.fresh(name), tenant).installs();
    }

    /** A unique programme name, so tests sharing one database never meet each other's programmes. */
    public static String uniqueName(String prefix) {
        return prefix + " " + UUID.randomUUID().toString().substring(0, 8);
    }

    /** Card data with only the {@code action} set, to add inputs to. */
    public static ObjectNode action(String action) {
        return JSON.createObjectNode().put("action", action);
    }

    /** One person's 1:1 chat with the bot. */
    public class Person {

        private final User user;
        /** Their organisation's tenant id, or null for {@link TeamsClient#TENANT}. */
        private final String tenant;

        Person(User user, String tenant) {
            this.user = user;
            this.tenant = tenant;
        }

        public User user() {
            return user;
        }

        public String name() {
            return user.name();
        }

        public String aadObjectId() {
            return user.aadObjectId();
        }

        public String userId() {
            return user.userId();
        }

        /** Their 1:1 conversation's id, as the connector stub sees it in what the bot posts there. */
        public String conversationId() {
            return user.conversationId();
        }

        /** Their row id in {@code participant}. */
        public long id() {
            return db.queryForObject("select id from participant where aad_object_id = ?", Long.class,
                    user.aadObjectId());
        }

        public String tenant() {
            return tenant == null ? TeamsClient.TENANT : tenant;
        }

        Person installs() {
            post(teams.install(user));
            return this;
        }

        /** Types {@code text} in the 1:1 chat. */
        public Replies say(String text) {
            return post(teams.message(user, text));
        }

        /** Presses a card button (or submits a card's inputs) whose data is {@code data}. */
        public Replies click(JsonNode data) {
            return post(teams.cardSubmit(user, data));
        }

        /** Sends any activity as this person (in their tenant), asking for the replies in the answer. */
        public Replies post(ObjectNode activity) {
            if (tenant != null) {
                ((ObjectNode) activity.path("conversation")).put("tenantId", tenant);
                ((ObjectNode) activity.path("channelData").path("tenant")).put("id", tenant);
            }
            TeamsClient.Answer answer = teams.expectReplies(activity);
            if (requireOk && answer.status() != 200) {
                throw new AssertionError("expected 200 for " + activity.path("type").asText() + " from " + name()
                        + " but was " + answer.status() + ": " + answer.body());
            }
            return new Replies(answer.status(), answer.replies());
        }

        /** Presses a button that carries only {@code action}. */
        public Replies click(String action) {
            return click(Chat.action(action));
        }

        /** @mentions the bot in the team channel {@code teamId}. */
        public Replies sayInTeam(String teamId, String text) {
            return post(teams.teamMessage(user, teamId, text));
        }

        /** Submits a card the bot posted in the team channel {@code teamId}. */
        public Replies clickInTeam(String teamId, JsonNode data) {
            return post(teams.teamCardSubmit(user, teamId, data));
        }

        /** Presses "I agree" on the privacy notice. */
        public Person agree() {
            click("consent");
            return this;
        }

        /** Joins a programme with its code. */
        public Person join(String code) {
            say("join " + code);
            return this;
        }

        /** Joins {@code coach}'s current programme with its code. */
        public Person joins(Coach coach) {
            return join(coach.joinCode());
        }

        @Override
        public String toString() {
            return user.name();
        }
    }

    /** A person who creates and runs programmes. */
    public final class Coach extends Person {

        private String programme;

        Coach(User user, String tenant) {
            super(user, tenant);
        }

        @Override
        Coach installs() {
            super.installs();
            return this;
        }

        /** Says {@code create programme <name>}; the programme becomes this coach's current one. */
        public Coach creates(String programmeName) {
            say("create programme " + programmeName);
            this.programme = programmeName;
            return this;
        }

        /** Creates a programme with a unique name starting {@code prefix}. */
        public Coach createsUnique(String prefix) {
            return creates(uniqueName(prefix));
        }

        /** The name of the programme this coach created last. */
        public String programme() {
            return programme;
        }

        /** The id of the programme this coach created last. */
        public long programmeId() {
            return db.queryForObject("select id from programme where name = ? order by id desc limit 1", Long.class,
                    requireProgramme());
        }

        /** The join code of the programme this coach created last. */
        public String joinCode() {
            return db.queryForObject("select join_code from programme where name = ? order by id desc limit 1",
                    String.class, requireProgramme());
        }

        private String requireProgramme() {
            if (programme == null) {
                throw new IllegalStateException(name() + " has not created a programme in this test");
            }
            return programme;
        }
    }
}
