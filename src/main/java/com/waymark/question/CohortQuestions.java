package com.waymark.question;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import com.waymark.checkin.Prompt;
import com.waymark.checkin.PromptLibrary;
import com.waymark.privacy.FieldCipher;
import com.waymark.privacy.NameDirectory;
import com.waymark.privacy.PersonLock;
import com.waymark.programme.ProgrammeInfo;
import com.waymark.programme.GroupInfo;
import com.waymark.programme.ProgrammeProblem;
import com.waymark.programme.Programmes;
import com.waymark.programme.Programmes.Mine;
import com.waymark.schedule.ScheduleService;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A coach's question for the cohort: one reflective question for a programme, or for one of its groups, that the next
 * check-ins ask in place of the rotating prompt until the programme's next coaching session (with none planned, for
 * {@link #WITHOUT_SESSION}). Each member answers it once, then the rotation goes on ({@link PromptLibrary#next}). The
 * answers are reflections like any other, themed in the digest and {@code themes} under the same rules; the prompt id
 * keeps them together: {@code cohort-} and 16 random hex digits, not the row id, because a check-in card carries it
 * back and the check-in is stored (and exported with the question's text) under it, so one programme's member must not
 * be able to name another programme's question. For a group's members the group's question wins over the
 * programme's; a new question replaces the one before for the same programme or group. Only the programme's coaching
 * team (coaches and admins) may set or withdraw one.
 * <p>
 * Whose data: the question is the coaching team's words to a cohort, part of the programme like its groups or its
 * check-in rhythm, and says nothing about a participant. So it is in nobody's export and stays when its author erases
 * their data (participants may be answering it). Who asked it is about a person: shown to the coaching team, and
 * dropped with that person (the foreign key sets {@code asked_by} null, as for a rhythm's or theme feedback's author).
 * The text is free text a person wrote, so it is encrypted at rest like reflections; retention erases a programme's
 * questions with the answers to them ({@link CohortQuestionData}).
 */
@Service
public class CohortQuestions implements PromptLibrary.CohortPrompts {

    /** A question, not an essay: it has to sit in the check-in card in place of a one-line prompt. */
    public static final int MAX_CHARS = 300;
    static final int MIN_CHARS = 10;
    /** How long a question stays when no session is planned: about the gap between two coaching sessions. */
    public static final Duration WITHOUT_SESSION = Duration.ofDays(14);
    /** How the check-in card attributes it, where a library prompt names its coaching approach. */
    public static final String FROM_YOUR_COACH = "From your coach";
    public static final String EXAMPLE = "ask everyone What did you notice about how you listened this week?";
    /** A question that points at each member's own commitments, when the coach sets one without words of their own. */
    public static final String ABOUT_COMMITMENTS = "Looking at what you said you'd try after the last session: what "
            + "did trying it, or not getting to it, teach you?";

    private static final String ID_PREFIX = "cohort-";
    private static final Pattern ID = Pattern.compile(ID_PREFIX + "[0-9a-f]{16}");
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final String COLUMNS = "id, prompt_id, programme_id, group_id, question, asked_by, asked_at, "
            + "expires_at, until_session, about_commitments";

    /**
     * One question as the coaching team sees it; {@code group} null for everyone, {@code askedBy} null once erased;
     * {@code aboutCommitments}: each member's check-in shows their own commitments from the last session beside it.
     */
    public record Question(String promptId, String programme, String group, String text, String askedBy,
                           Instant askedAt, Instant expiresAt, boolean untilSession, ZoneId zone,
                           boolean aboutCommitments) {
    }

    /** The coach's current programme: its groups (to choose from) and the questions live now, everyone's first. */
    public record Overview(String programme, List<String> groups, List<Question> live) {
    }

    /** A request refused, with a sentence the coach can act on; nothing was stored. */
    public static final class Refused extends RuntimeException {

        public Refused(String message) {
            super(message, null, false, false);
        }
    }

    private record Row(long id, String promptId, long programmeId, Long groupId, String stored, Long askedBy, Instant askedAt,
                       Instant expiresAt, boolean untilSession, boolean aboutCommitments) {
    }

    private final JdbcTemplate jdbc;
    private final FieldCipher cipher;
    private final Programmes programmes;
    private final ScheduleService schedule;
    private final NameDirectory names;
    private final PersonLock people;
    private final Clock clock;

    public CohortQuestions(JdbcTemplate jdbc, FieldCipher cipher, Programmes programmes,
                           ScheduleService schedule, NameDirectory names, PersonLock people, Clock clock) {
        this.jdbc = jdbc;
        this.cipher = cipher;
        this.programmes = programmes;
        this.schedule = schedule;
        this.names = names;
        this.people = people;
        this.clock = clock;
    }

    // ---- the coaching team ----

    /** Sets {@code text} for everyone in the coach's current programme, or for its group named {@code group}. */
    @Transactional
    public Question ask(long coachId, String group, String text) {
        return ask(coachId, group, text, false);
    }

    /**
     * The same; {@code aboutCommitments}: it points each member at their own commitments from the last session, and
     * without words of the coach's own asks {@link #ABOUT_COMMITMENTS}.
     */
    @Transactional
    public Question ask(long coachId, String group, String text, boolean aboutCommitments) {
        ProgrammeInfo programme = coached(coachId);
        GroupInfo chosen = group == null || group.isBlank() ? null : group(programme, group.strip());
        return store(coachId, programme, chosen, valid(aboutCommitments && (text == null || text.isBlank())
                ? ABOUT_COMMITMENTS : text), aboutCommitments);
    }

    /** The programme whose last session's commitments this question points its members at, if it does. */
    @Transactional(readOnly = true)
    public Optional<Long> pointsAtCommitments(String promptId) {
        if (promptId == null || !ID.matcher(promptId).matches()) {
            return Optional.empty();
        }
        return jdbc.queryForList("select programme_id from cohort_question where prompt_id = ? and about_commitments",
                Long.class, promptId).stream().findFirst();
    }

    /** {@code ask group Blue What…}: the group is the longest of the programme's group names the words start with. */
    @Transactional
    public Question askGroup(long coachId, String groupAndText) {
        ProgrammeInfo programme = coached(coachId);
        String words = groupAndText == null ? "" : groupAndText.strip();
        List<GroupInfo> groups = programmes.groups(programme.id());
        GroupInfo chosen = groups.stream()
                .filter(g -> startsWithName(words, g.name()))
                .max(Comparator.comparingInt(g -> g.name().length()))
                .orElseThrow(() -> new Refused(groups.isEmpty()
                        ? "\"" + programme.name() + "\" has no groups yet. To ask everyone, say, for example: "
                                + EXAMPLE
                        : "Which group? Put its name first, for example: ask group " + groups.get(0).name()
                                + " What did you notice about how you listened this week? Groups of \""
                                + programme.name() + "\": " + groupNames(groups) + "."));
        String text = words.substring(chosen.name().length()).replaceFirst("^\\s*[:,\\-–]?\\s*", "");
        return store(coachId, programme, chosen, valid(text), false);
    }

    @Transactional(readOnly = true)
    public Overview overview(long coachId) {
        ProgrammeInfo programme = coached(coachId);
        List<GroupInfo> groups = programmes.groups(programme.id());
        Map<Long, String> groupName = groups.stream()
                .collect(Collectors.toMap(GroupInfo::id, GroupInfo::name));
        List<Question> live = live(programme.id()).stream()
                .sorted(Comparator.comparing((Row r) -> r.groupId() != null)
                        .thenComparing(r -> groupName.getOrDefault(r.groupId(), ""), String.CASE_INSENSITIVE_ORDER))
                .map(r -> question(r, programme, r.groupId() == null ? null : groupName.get(r.groupId())))
                .toList();
        return new Overview(programme.name(), groups.stream().map(GroupInfo::name).toList(), live);
    }

    /** Withdraws everyone's question ({@code group} null) or the group's; empty when there was none to withdraw. */
    @Transactional
    public Optional<Question> withdraw(long coachId, String group) {
        ProgrammeInfo programme = coached(coachId);
        GroupInfo chosen = group == null || group.isBlank() ? null : group(programme, group.strip());
        Long groupId = chosen == null ? null : chosen.id();
        Optional<Row> live = live(programme.id()).stream()
                .filter(r -> java.util.Objects.equals(r.groupId(), groupId)).findFirst();
        live.ifPresent(r -> end(programme.id(), groupId, clock.instant()));
        return live.map(r -> question(r, programme, chosen == null ? null : chosen.name()));
    }

    // ---- the check-ins ----

    /**
     * The question for this person now: among the programmes they take part in (not those they coach), their group's
     * question, else their programme's. Someone in two programmes that both have one gets their current programme's
     * (where a check-in they type counts), else the newest. One indexed read when no question is live anywhere.
     */
    @Override
    @Transactional(readOnly = true)
    public Optional<Prompt> current(long participantId) {
        Instant now = clock.instant();
        List<Row> live = jdbc.query("select " + COLUMNS + " from cohort_question where ended_at is null "
                + "and expires_at > ? order by asked_at desc, id desc", CohortQuestions::row, utc(now));
        if (live.isEmpty()) {
            return Optional.empty();
        }
        List<Row> mine = new ArrayList<>();
        for (Programmes.Mine place : programmes.of(participantId)) {
            if (place.membership() == null || !place.membership().isActive() || place.staff()) {
                continue;
            }
            long programmeId = place.programme().id();
            Long groupId = place.membership().groupId();
            live.stream().filter(r -> r.programmeId() == programmeId)
                    .filter(r -> r.groupId() == null || r.groupId().equals(groupId))
                    .filter(r -> !sessionSince(r, now))
                    .min(Comparator.comparing((Row r) -> r.groupId() == null)) // the group's first, then newest
                    .ifPresent(mine::add);
        }
        if (mine.size() > 1) {
            Optional<Long> current = programmes.current(participantId).map(ProgrammeInfo::id);
            mine.sort(Comparator.comparing((Row r) -> current.map(id -> id != r.programmeId()).orElse(true))
                    .thenComparing(Row::askedAt, Comparator.reverseOrder()));
        }
        return mine.stream().findFirst().map(this::prompt);
    }

    @Override
    @Transactional(readOnly = true)
    public Optional<Prompt> find(String id) {
        if (!ID.matcher(id).matches()) {
            return Optional.empty();
        }
        return jdbc.query("select " + COLUMNS + " from cohort_question where prompt_id = ?", CohortQuestions::row, id)
                .stream().findFirst().map(this::prompt);
    }

    // ---- inside ----

    private ProgrammeInfo coached(long coachId) {
        if (programmes.of(coachId).stream().allMatch(p -> !p.staff())) {
            throw new Refused("Setting a question for the cohort is for the programme's coaches. Your own thoughts "
                    + "have their place in your check-in: say \"check in\" whenever you like.");
        }
        try {
            return programmes.currentCoached(coachId);
        } catch (ProgrammeProblem problem) {
            throw new Refused(problem.getMessage());
        }
    }

    private GroupInfo group(ProgrammeInfo programme, String name) {
        List<GroupInfo> groups = programmes.groups(programme.id());
        return groups.stream().filter(g -> g.name().equalsIgnoreCase(name)).findFirst()
                .orElseThrow(() -> new Refused("There's no group called \"" + name + "\" in \""
                        + programme.name() + "\"." + (groups.isEmpty() ? " It has no groups yet."
                        : " Its groups: " + groupNames(groups) + ".")));
    }

    private static String groupNames(List<GroupInfo> groups) {
        return groups.stream().map(GroupInfo::name).collect(Collectors.joining(", "));
    }

    private static boolean startsWithName(String words, String name) {
        if (!words.toLowerCase(Locale.ROOT).startsWith(name.toLowerCase(Locale.ROOT))) {
            return false;
        }
        return words.length() == name.length() || !Character.isLetterOrDigit(words.charAt(name.length()));
    }

    private static String valid(String text) {
        String question = text == null ? "" : text.strip();
        if (question.length() < MIN_CHARS) {
            throw new Refused("What would you like to ask? Write the question after it, for example: " + EXAMPLE);
        }
        if (question.length() > MAX_CHARS) {
            throw new Refused("That question is " + question.length() + " characters long; a question for the "
                    + "cohort can be up to " + MAX_CHARS + ". Could you shorten it? Nothing has been set yet.");
        }
        return question;
    }

    /** Ends the question before (same programme, same group or everyone's) and stores the new one, in one go. */
    private Question store(long coachId, ProgrammeInfo programme, GroupInfo group, String text,
                           boolean aboutCommitments) {
        people.lockForWrite(coachId);
        Instant now = clock.instant();
        Optional<Instant> next = schedule.nextSessionStart(programme.id());
        Instant expires = next.orElse(now.plus(WITHOUT_SESSION));
        Long groupId = group == null ? null : group.id();
        end(programme.id(), groupId, now);
        String promptId = ID_PREFIX + HexFormat.of().formatHex(bytes(8));
        jdbc.update("insert into cohort_question (prompt_id, programme_id, group_id, question, asked_by, asked_at, "
                + "expires_at, until_session, about_commitments) values (?, ?, ?, ?, ?, ?, ?, ?, ?)", promptId,
                programme.id(), groupId, cipher.encrypt(text), coachId, utc(now), utc(expires), next.isPresent(),
                aboutCommitments);
        return new Question(promptId, programme.name(), group == null ? null : group.name(), text,
                names.personName(coachId).orElse(null), now, expires, next.isPresent(),
                ZoneId.of(programme.timeZone()), aboutCommitments);
    }

    private void end(long programmeId, Long groupId, Instant now) {
        if (groupId == null) {
            jdbc.update("update cohort_question set ended_at = ? where programme_id = ? and group_id is null "
                    + "and ended_at is null", utc(now), programmeId);
        } else {
            jdbc.update("update cohort_question set ended_at = ? where programme_id = ? and group_id = ? "
                    + "and ended_at is null", utc(now), programmeId, groupId);
        }
    }

    /** The programme's live questions, the newest for each group (and for everyone). */
    private List<Row> live(long programmeId) {
        Instant now = clock.instant();
        List<Row> rows = jdbc.query("select " + COLUMNS + " from cohort_question where programme_id = ? "
                + "and ended_at is null and expires_at > ? order by asked_at desc, id desc", CohortQuestions::row,
                programmeId, utc(now));
        Map<Optional<Long>, Row> newest = rows.stream().filter(r -> !sessionSince(r, now))
                .collect(Collectors.toMap(r -> Optional.ofNullable(r.groupId()), Function.identity(),
                        (first, later) -> first, java.util.LinkedHashMap::new));
        return List.copyOf(newest.values());
    }

    /**
     * A session recorded after the question was asked, and already begun, ends it too: "until the next session" means
     * the next one that happens, even when it was planned later than the question.
     */
    private boolean sessionSince(Row row, Instant now) {
        return schedule.lastSessionStartBefore(row.programmeId(), now).map(start -> start.isAfter(row.askedAt()))
                .orElse(false);
    }

    private Question question(Row row, ProgrammeInfo programme, String group) {
        return new Question(row.promptId(), programme.name(), group, cipher.decrypt(row.stored()),
                row.askedBy() == null ? null : names.personName(row.askedBy()).orElse(null), row.askedAt(),
                row.expiresAt(), row.untilSession(), ZoneId.of(programme.timeZone()), row.aboutCommitments());
    }

    private Prompt prompt(Row row) {
        return new Prompt(row.promptId(), FROM_YOUR_COACH, cipher.decrypt(row.stored()));
    }

    private static Row row(ResultSet rs, int n) throws SQLException {
        long groupId = rs.getLong("group_id");
        Long group = rs.wasNull() ? null : groupId;
        long askedBy = rs.getLong("asked_by");
        Long author = rs.wasNull() ? null : askedBy;
        return new Row(rs.getLong("id"), rs.getString("prompt_id"), rs.getLong("programme_id"), group, rs.getString("question"), author,
                rs.getObject("asked_at", OffsetDateTime.class).toInstant(),
                rs.getObject("expires_at", OffsetDateTime.class).toInstant(), rs.getBoolean("until_session"),
                rs.getBoolean("about_commitments"));
    }

    private static byte[] bytes(int count) {
        byte[] random = new byte[count];
        RANDOM.nextBytes(random);
        return random;
    }

    private static OffsetDateTime utc(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }
}
