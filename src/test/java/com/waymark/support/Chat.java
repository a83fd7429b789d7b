package com.waymark.support;

import java.util.ArrayList;
import java.util.List;
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
 *
 * Chat.Cohort cohort = chat.cohort(3).withGroups("Blue", "Green");   // a coach and three members who agreed
 * cohort.coach().places(cohort.member(0), "Blue");
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

    /** Someone with a given identity who will coach (a test that meets them again in a later context). */
    public Coach coach(User user) {
        return new Coach(user, null).installs();
    }

    /** Someone who will coach, in another organisation (see {@link #person(String, String)}). */
    public Coach coach(String name, String tenant) {
        return new Coach(User.fresh(name), tenant).installs();
    }

    /**
     * A coach who agreed to the notice and created a programme (named uniquely), with {@code size} people who agreed
     * and joined it with its code: what most tests of a feature for a cohort start from.
     */
    public Cohort cohort(int size) {
        return cohort("Cohort", size);
    }

    /** {@link #cohort(int)} with the programme's name starting {@code prefix}. */
    public Cohort cohort(String prefix, int size) {
        Coach coach = coach(uniqueName("Coach")).agree().createsUnique(prefix);
        List<Person> members = new ArrayList<>();
        for (int i = 0; i < size; i++) {
            members.add(person(uniqueName("Leader " + (char) ('A' + i % 26))).agree().joins(coach));
        }
        return new Cohort(coach, List.copyOf(members));
    }

    /** A unique programme name, so tests sharing one database never meet each other's programmes. */
    public static String uniqueName(String prefix) {
        return prefix + " " + UUID.randomUUID().toString().substring(0, 8);
    }

    /** Card data with only the {@code action} set, to add inputs to. */
    public static ObjectNode action(String action) {
        return JSON.createObjectNode().put("action", action);
    }

    /** A coach's programme and its members, as {@link #cohort(int)} made them. */
    public record Cohort(Coach coach, List<Person> members) {

        public Person member(int index) {
            return members.get(index);
        }

        /** The coach adds these groups to the programme ({@code add group …}). */
        public Cohort withGroups(String... names) {
            for (String name : names) {
                coach.addsGroup(name);
            }
            return this;
        }
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

        @Override
        public Coach agree() {
            super.agree();
            return this;
        }

        @Override
        public Coach joins(Coach coach) {
            super.joins(coach);
            return this;
        }

        /** Says {@code add group <name>} for the programme this coach created last; fails unless it was added. */
        public Coach addsGroup(String name) {
            String reply = say("add group " + name).text();
            if (!reply.startsWith("Added the group")) {
                throw new AssertionError("group " + name + " not added: " + reply);
            }
            return this;
        }

        /** The id of the group {@code name} in the programme this coach created last. */
        public long groupId(String name) {
            return db.queryForObject("select id from programme_group where programme_id = ? and name = ?", Long.class,
                    programmeId(), name);
        }

        /** Places {@code member} in group {@code group} with the member-details card (role and organisation set too). */
        public Coach places(Person member, String group) {
            return describes(member, "Director", "North Ridge ICB", group, null);
        }

        /**
         * Saves a member's details with the member-details card, as the coach would: role, organisation, and where not
         * null their group and line manager.
         */
        public Coach describes(Person member, String role, String organisation, String group, Person lineManager) {
            ObjectNode data = action("describeMember").put("participantId", Long.toString(member.id()))
                    .put("role", role).put("organisation", organisation);
            if (group != null) {
                data.put("groupId", Long.toString(groupId(group)));
            }
            if (lineManager != null) {
                data.put("lineManagerId", Long.toString(lineManager.id()));
            }
            String reply = click(data).text();
            if (!reply.startsWith("Saved")) {
                throw new AssertionError(member.name() + "'s details not saved: " + reply);
            }
            return this;
        }

        /**
         * Says {@code next session <day> <time><extra>} for the programme this coach created last, checks it was
         * recorded, and returns the session's id.
         */
        public long recordsSession(java.time.LocalDate day, String time, String extra) {
            String reply = say("next session " + day + " " + time + extra).text();
            if (!reply.contains("Recorded the next session")) {
                throw new AssertionError("session not recorded: " + reply);
            }
            return db.queryForObject("select max(id) from coaching_session where programme_id = ?", Long.class,
                    programmeId());
        }

        /** {@link #recordsSession(java.time.LocalDate, String, String)} with nothing after the time. */
        public long recordsSession(java.time.LocalDate day, String time) {
            return recordsSession(day, time, "");
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
