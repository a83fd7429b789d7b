package com.waymark.demo;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
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
import com.waymark.pairing.PastRounds;
import com.waymark.pairing.PastRounds.PastGroup;
import com.waymark.pairing.PastRounds.PastMember;
import com.waymark.pairing.PastRounds.PastRound;
import com.waymark.pairing.Round;

/**
 * The demo's peer coaching so far: a plan for everyone (a round every two weeks, progression through the modes, six
 * rounds), its first {@link #ROUNDS} rounds paired by the real engine five, three and one week ago, and the follow-up
 * answers a few days after each, most of them in. Five leaders have been too stretched to meet their partner in any
 * round: winter, as the check-ins say, and enough of them that "how many met" can be shown without giving anyone's
 * answer away. The next round falls a week from now, so nothing runs at start-up
 * and {@code pairs} and the pre-session digest have a true history to show. Written as history through pairing's
 * {@link PastRounds}, like the check-ins: no nudge or follow-up is queued for anyone.
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

    private final PastRounds pastRounds;
    private final Clock clock;

    DemoPeerCoaching(PastRounds pastRounds, Clock clock) {
        this.pastRounds = pastRounds;
        this.clock = clock;
    }

    void seed(long programmeId, List<Person> people) {
        Instant now = clock.instant();
        // Round k is due on the first round's date plus k × 2 weeks: five, three and one week ago, next in a week.
        LocalDate first = LocalDate.now(clock.withZone(ZONE)).minusWeeks(2L * ROUNDS - 1);
        PastRounds.Plan plan = new PastRounds.Plan(programmeId, EVERY_WEEKS, first, AT, PairingMode.PROGRESSION,
                programmeId, TOTAL_ROUNDS, FOLLOW_UP_DAYS, now.minus(Duration.ofDays(7L * 2 * ROUNDS)));
        List<PastRound> past = new ArrayList<>();
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
            List<PastGroup> groups = new ArrayList<>();
            for (Group group : round.groups()) {
                // A pair or trio meets unless one of them is too stretched; all of them say so in the follow-up.
                boolean met = group.memberIds().stream().noneMatch(id -> byId.get(id).stretched());
                List<PastMember> members = new ArrayList<>();
                for (long id : group.memberIds()) {
                    Person person = byId.get(id);
                    members.add(followUp(person, followUpAt, met, random, index == ROUNDS - 1));
                }
                groups.add(new PastGroup(group.matchesMode(), group.repeatPairs(), members));
            }
            past.add(new PastRound(index, round.mode(), runAt, followUpAt, groups));
            // Every demo leader takes part, and eighteen pair evenly: nobody is left without a partner.
        }
        pastRounds.record(plan, past);
    }

    /** Answered, a day or so after it was asked; in the latest round one in five has not answered yet. */
    private static PastMember followUp(Person person, Instant dueAt, boolean met, Random random, boolean latest) {
        if (latest && random.nextInt(5) == 0) {
            return new PastMember(person.id(), person.role(), person.organisation(), null, null, null);
        }
        Integer usefulness = met ? 3 + random.nextInt(3) : null;
        return new PastMember(person.id(), person.role(), person.organisation(), met, usefulness,
                dueAt.plus(Duration.ofHours(2 + random.nextInt(30))));
    }
}
