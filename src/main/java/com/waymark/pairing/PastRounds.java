package com.waymark.pairing;

import java.sql.PreparedStatement;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;

import com.waymark.privacy.ConsentService;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Peer coaching written as history: a plan and rounds already run, with their groups and follow-up answers, at the
 * times they happened, for seeding a sample programme (the {@code demo} profile). No chat reaches it, and no nudge or
 * follow-up is queued: these rounds are over. Each member's consent is checked first, as for anything recorded about
 * them. The SQL stays here, with the tables it writes.
 */
@Component
public class PastRounds {

    /** The coach's plan, for everyone in the programme (no group), made at {@code createdAt}. */
    public record Plan(long programmeId, int everyWeeks, LocalDate firstRoundOn, LocalTime at, PairingMode mode,
                       long seed, int totalRounds, int followUpDays, Instant createdAt) {
    }

    /** A round run at {@code runAt} (an engine's {@link Round} and when), its follow-up asked at {@code followUpAt}. */
    public record PastRound(int index, PairingMode mode, Instant runAt, Instant followUpAt, List<PastGroup> groups) {
    }

    public record PastGroup(boolean matchesMode, int repeatPairs, List<PastMember> members) {
    }

    /** {@code met}: their follow-up answer, or null when they have not answered yet. */
    public record PastMember(long participantId, String role, String organisation, Boolean met, Integer usefulness,
                             Instant answeredAt) {
    }

    private final JdbcTemplate jdbc;
    private final ConsentService consent;

    PastRounds(JdbcTemplate jdbc, ConsentService consent) {
        this.jdbc = jdbc;
        this.consent = consent;
    }

    /** Writes the plan and its rounds inside the caller's transaction; returns the plan's id. */
    @Transactional(propagation = Propagation.MANDATORY)
    public long record(Plan plan, List<PastRound> rounds) {
        rounds.stream().flatMap(r -> r.groups().stream()).flatMap(g -> g.members().stream())
                .map(PastMember::participantId).distinct().sorted().forEach(consent::lockForRecording);
        long planId = insert("insert into pairing_plan (programme_id, group_id, every_weeks, weekday, local_time, mode, "
                        + "seed, total_rounds, follow_up_days, first_round_on, active, created_at) "
                        + "values (?, null, ?, ?, ?, ?, ?, ?, ?, ?, true, ?)", plan.programmeId(), plan.everyWeeks(),
                plan.firstRoundOn().getDayOfWeek().name(), plan.at().toString(), plan.mode().name(), plan.seed(),
                plan.totalRounds(), plan.followUpDays(), java.sql.Date.valueOf(plan.firstRoundOn()),
                Timestamp.from(plan.createdAt()));
        for (PastRound round : rounds) {
            long roundId = insert("insert into pairing_round (plan_id, programme_id, round_index, mode, run_at, "
                    + "follow_up_at) values (?, ?, ?, ?, ?, ?)", planId, plan.programmeId(), round.index(),
                    round.mode().name(), Timestamp.from(round.runAt()), Timestamp.from(round.followUpAt()));
            for (PastGroup group : round.groups()) {
                long groupId = insert("insert into pairing_group (round_id, matches_mode, repeat_pairs, created_at) "
                        + "values (?, ?, ?, ?)", roundId, group.matchesMode(), group.repeatPairs(),
                        Timestamp.from(round.runAt()));
                for (PastMember member : group.members()) {
                    long memberId = insert("insert into pairing_member (round_id, group_id, participant_id, role, "
                            + "organisation, status, updated_at) values (?, ?, ?, ?, ?, 'PAIRED', ?)", roundId, groupId,
                            member.participantId(), member.role(), member.organisation(), Timestamp.from(round.runAt()));
                    followUp(memberId, groupId, member, round.followUpAt());
                }
            }
        }
        return planId;
    }

    private void followUp(long memberId, long groupId, PastMember member, Instant dueAt) {
        if (member.met() == null) {
            jdbc.update("insert into pairing_follow_up (member_id, group_id, participant_id, status, due_at, snoozes) "
                    + "values (?, ?, ?, 'QUEUED', ?, 0)", memberId, groupId, member.participantId(), Timestamp.from(dueAt));
            return;
        }
        jdbc.update("insert into pairing_follow_up (member_id, group_id, participant_id, status, due_at, snoozes, met, "
                        + "usefulness, answered_at) values (?, ?, ?, 'ANSWERED', ?, 0, ?, ?, ?)", memberId, groupId,
                member.participantId(), Timestamp.from(dueAt), (member.met() ? Met.YES
                        : Met.NO).name(), member.usefulness(), Timestamp.from(member.answeredAt()));
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
