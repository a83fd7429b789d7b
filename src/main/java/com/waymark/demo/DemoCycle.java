package com.waymark.demo;

import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import com.waymark.cycle.PastSessions;
import com.waymark.cycle.PastSessions.PastAnswer;
import com.waymark.cycle.PastSessions.PastCommitment;
import com.waymark.cycle.PastSessions.PastSession;
import com.waymark.cycle.Progress;
import com.waymark.cycle.Pulse;

/**
 * The demo's coaching cycle so far: two team sessions, on the Tuesdays four and two weeks ago, each followed by the after-session
 * card that most leaders answered (the pulse, and one or two things they would try, or "nothing this time"), and how
 * those commitments went since. The pulse rises a little from the first to the second, so {@code session pulse}, the
 * digest and the impact report have released figures and a trend to show. Written as history through the cycle's
 * {@link PastSessions}: no card is queued for anyone.
 */
final class DemoCycle {

    /** Weeks ago that each past session took place, oldest first. */
    static final int[] WEEKS_AGO = {4, 2};
    private static final LocalTime AT = LocalTime.of(9, 30);
    private static final Duration LENGTH = Duration.ofHours(2);
    private static final ZoneId ZONE = ZoneId.of("Europe/London");

    private static final List<String> TRIES = List.of("Ask my deputy to chair the Thursday huddle",
            "Spend an hour on the wards without an agenda", "Open the place partnership meeting with a shared problem",
            "Ask the team what we should stop doing", "Block Friday afternoons for thinking time",
            "Call my counterpart at the council before the board, not after");

    private final PastSessions pastSessions;
    private final Clock clock;

    DemoCycle(PastSessions pastSessions, Clock clock) {
        this.pastSessions = pastSessions;
        this.clock = clock;
    }

    /**
     * {@code people}: the leaders' ids; {@code actionsHeld}: how many actions each already has (their commitments are
     * numbered after them).
     */
    void seed(long programmeId, long coachId, List<Long> people, List<Integer> actionsHeld) {
        Random random = new Random(11);
        LocalDate today = LocalDate.now(clock.withZone(ZONE));
        int[] next = actionsHeld.stream().mapToInt(n -> n + 1).toArray();
        for (int s = 0; s < WEEKS_AGO.length; s++) {
            boolean latest = s == WEEKS_AGO.length - 1;
            // On a Tuesday, as a working team's sessions are, whatever day the demo starts.
            LocalDate day = today.minusWeeks(WEEKS_AGO[s]).with(TemporalAdjusters.previousOrSame(DayOfWeek.TUESDAY));
            Instant starts = ZonedDateTime.of(day, AT, ZONE).toInstant();
            Instant ended = starts.plus(LENGTH);
            List<PastAnswer> answers = new ArrayList<>();
            for (int i = 0; i < people.size(); i++) {
                // Two or three leaders don't answer a given card: life happens.
                if ((i + s) % 7 == 3) {
                    continue;
                }
                Instant answeredAt = ended.plus(Duration.ofMinutes(20 + random.nextInt(600)));
                // The second session went a little better: the pulse rises by about half a point.
                int base = 3 + s;
                Pulse pulse = new Pulse(score(base, random), score(base, random), score(base + 1, random), null);
                List<PastCommitment> tried = new ArrayList<>();
                int count = i % 5 == 4 ? 0 : 1 + random.nextInt(2);
                for (int c = 0; c < count; c++) {
                    Progress progress = progress(random, latest);
                    tried.add(new PastCommitment(next[i]++, TRIES.get((i + c + s) % TRIES.size()), progress,
                            progress == null ? null : answeredAt.plus(Duration.ofDays(5 + random.nextInt(4)))));
                }
                answers.add(new PastAnswer(people.get(i), answeredAt, pulse, tried));
            }
            pastSessions.record(new PastSession(programmeId, coachId, starts.minus(Duration.ofDays(10)), starts,
                    ended, answers));
        }
    }

    private static int score(int base, Random random) {
        return Math.max(1, Math.min(5, base + random.nextInt(3) - 1));
    }

    /** The earlier session's commitments have all been asked about; the latest's mostly, some still open. */
    private static Progress progress(Random random, boolean latest) {
        int roll = random.nextInt(10);
        if (latest && roll < 3) {
            return null;
        }
        return roll < 6 ? Progress.DONE : roll < 8 ? Progress.PARTLY : roll < 9 ? Progress.NOT_YET : Progress.IN_THE_WAY;
    }
}
