package com.waymark.demo;

import java.sql.PreparedStatement;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.Function;
import java.util.stream.Collectors;

import com.waymark.pairing.Candidate;
import com.waymark.pairing.Group;
import com.waymark.pairing.PairingEngine;
import com.waymark.pairing.PairingHistory;
import com.waymark.pairing.PairingMode;
import com.waymark.pairing.PairingRequest;
import com.waymark.pairing.PairingRules;
import com.waymark.pairing.Round;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;

/**
 * The demo's peer coaching so far: a plan for everyone (a round every two weeks, progression through the modes, six
 * rounds), its first {@link #ROUNDS} rounds paired by the real engine five, three and one week ago, and the follow-up
 * answers a few days after each, most of them in. Five leaders have been too stretched to meet their partner in any
 * round: winter, as the check-ins say, and enough of them that "how many met" can be shown without giving anyone's
 * answer away. The next round falls a week from now, so nothing runs at start-up
 * and {@code pairs} and the pre-session digest have a true history to show. Written directly, like the check-ins:
 * these rounds are history, so no nudge or follow-up is queued for anyone.
 */
final class DemoPeerCoaching {

    /** Rounds already run when the demo starts. */
    static final int ROUNDS = 3;
    private static final int TOTAL_ROUNDS = 6;
    private static final int EVERY_WEEKS = 2;
    private static final int FOLLOW_UP_DAYS = 3;
    private static final LocalTime AT = LocalTime.of(9, 0);
    private static final ZoneId ZONE = ZoneId.of("Europe/London");

    /** {@code stretched}: too stretched this winter to meet a partner in any round so far, and says so. */
    record Person(long id, String role, String organisation, boolean stretched) {
    }

    private final JdbcTemplate jdbc;
    private final Clock clock;

    DemoPeerCoaching(JdbcTemplate jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    void seed(long programmeId, List<Person> people) {
        Instant now = clock.instant();
        // Round k is due on the first round's date plus k × 2 weeks: five, three and one week ago, next in a week.
        LocalDate first = LocalDate.now(clock.withZone(ZONE)).minusWeeks(2L * ROUNDS - 1);
        long planId = insert("insert into pairing_plan (programme_id, group_id, every_weeks, weekday, local_time, mode, "
                        + "seed, total_rounds, follow_up_days, first_round_on, active, created_at) "
                        + "values (?, null, ?, ?, ?, ?, ?, ?, ?, ?, true, ?)", programmeId, EVERY_WEEKS,
                first.getDayOfWeek().name(), AT.toString(), PairingMode.PROGRESSION.name(), programmeId, TOTAL_ROUNDS,
                FOLLOW_UP_DAYS, java.sql.Date.valueOf(first), Timestamp.from(now.minus(Duration.ofDays(7L * 2 * ROUNDS))));
        List<Candidate> candidates = people.stream().map(p -> new Candidate(p.id(), p.role(), p.organisation())).toList();
        Map<Long, Person> byId = people.stream().collect(Collectors.toMap(Person::id, Function.identity()));
        PairingEngine engine = new PairingEngine();
        PairingHistory history = PairingHistory.empty();
        Random random = new Random(7);
        for (int index = 0; index < ROUNDS; index++) {
            Instant runAt = ZonedDateTime.of(first.plusWeeks((long) index * EVERY_WEEKS), AT, ZONE).toInstant();
            Instant followUpAt = runAt.plus(Duration.ofDays(FOLLOW_UP_DAYS));
            Round round = engine.pair(new PairingRequest(candidates, PairingMode.PROGRESSION, index, TOTAL_ROUNDS,
                    programmeId + index), PairingRules.none(), history);
            history = history.withRound(round);
            long roundId = insert("insert into pairing_round (plan_id, programme_id, round_index, mode, run_at, "
                    + "follow_up_at) values (?, ?, ?, ?, ?, ?)", planId, programmeId, index, round.mode().name(),
                    Timestamp.from(runAt), Timestamp.from(followUpAt));
            for (Group group : round.groups()) {
                long groupId = insert("insert into pairing_group (round_id, matches_mode, repeat_pairs, created_at) "
                        + "values (?, ?, ?, ?)", roundId, group.matchesMode(), group.repeatPairs(), Timestamp.from(runAt));
                // A pair or trio meets unless one of them is too stretched; all of them say so in the follow-up.
                boolean met = group.memberIds().stream().noneMatch(id -> byId.get(id).stretched());
                for (long id : group.memberIds()) {
                    Person person = byId.get(id);
                    long memberId = insert("insert into pairing_member (round_id, group_id, participant_id, role, "
                            + "organisation, status, updated_at) values (?, ?, ?, ?, ?, 'PAIRED', ?)", roundId, groupId,
                            id, person.role(), person.organisation(), Timestamp.from(runAt));
                    followUp(memberId, groupId, id, followUpAt, met, random, index == ROUNDS - 1);
                }
            }
            // Every demo leader takes part, and eighteen pair evenly: nobody is left without a partner.
        }
    }

    /** Answered, a day or so after it was asked; in the latest round one in five has not answered yet. */
    private void followUp(long memberId, long groupId, long participantId, Instant dueAt, boolean met, Random random,
                          boolean latest) {
        if (latest && random.nextInt(5) == 0) {
            jdbc.update("insert into pairing_follow_up (member_id, group_id, participant_id, status, due_at, snoozes) "
                    + "values (?, ?, ?, 'QUEUED', ?, 0)", memberId, groupId, participantId, Timestamp.from(dueAt));
            return;
        }
        Integer usefulness = met ? 3 + random.nextInt(3) : null;
        jdbc.update("insert into pairing_follow_up (member_id, group_id, participant_id, status, due_at, snoozes, met, "
                        + "usefulness, answered_at) values (?, ?, ?, 'ANSWERED', ?, 0, ?, ?, ?)", memberId, groupId,
                participantId, Timestamp.from(dueAt), met ? "YES" : "NO", usefulness,
                Timestamp.from(dueAt.plus(Duration.ofHours(2 + random.nextInt(30)))));
    }

    private long insert(String sql, Object... values) {
        KeyHolder key = new GeneratedKeyHolder();
        jdbc.update(connection -> {
            PreparedStatement statement = connection.prepareStatement(sql, new String[] {"id"});
            for (int i = 0; i < values.length; i++) {
                statement.setObject(i + 1, values[i]);
            }
            return statement;
        }, key);
        return key.getKey().longValue();
    }
}
