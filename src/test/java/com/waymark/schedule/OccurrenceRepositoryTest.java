package com.waymark.schedule;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;

import com.waymark.support.SliceRows;
import com.waymark.support.ThrowawayCipher;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.orm.jpa.DataJpaTest;
import org.springframework.context.annotation.Import;
import org.springframework.data.domain.PageRequest;
import org.springframework.jdbc.core.JdbcTemplate;

import static com.waymark.support.SliceRows.insert;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The queries the check-in ticker lives by, run as real SQL against the schema Flyway builds (H2 in memory): only
 * the JPA slice starts, no web, no Quartz, no bot. A wrong {@code <=} or a missing status here would send a check-in
 * early, twice or never, which the chat tests would only show as a flaky count.
 */
@DataJpaTest
@Import(ThrowawayCipher.class)
class OccurrenceRepositoryTest {

    static final Instant NOW = Instant.parse("2027-01-04T09:00:00Z");

    @Autowired
    OccurrenceRepository occurrences;
    @Autowired
    JdbcTemplate db;

    long programme;
    long schedule;
    long person;
    long other;

    @BeforeEach
    void aProgrammeWithARhythmAndTwoPeople() {
        programme = SliceRows.programme(db, "Slice cohort", NOW);
        schedule = insert(db, "insert into checkin_schedule (programme_id, every_weeks, weekdays, local_time, "
                + "open_hours, remind_after_hours, anchor_date, active, created_at) "
                + "values (?, 1, 'MONDAY', '09:00', 48, 24, ?, true, ?)", programme, LocalDate.of(2027, 1, 4), NOW);
        person = participant();
        other = participant();
    }

    @Test
    void dueIsPlannedAndNotLaterThanNowOldestFirstAndPaged() {
        Occurrence late = save(person, "2027-01-04T08:30:00Z", Occurrence.Status.PLANNED);
        Occurrence early = save(other, "2027-01-04T07:00:00Z", Occurrence.Status.PLANNED);
        Occurrence exactlyNow = save(person, "2027-01-04T09:00:00Z", Occurrence.Status.PLANNED);
        save(other, "2027-01-04T09:00:01Z", Occurrence.Status.PLANNED); // a second too early
        save(person, "2027-01-04T06:00:00Z", Occurrence.Status.QUEUED); // already in the outbox

        assertThat(occurrences.findDue(Occurrence.Status.PLANNED, NOW, PageRequest.of(0, 10)))
                .extracting(Occurrence::getId).containsExactly(early.getId(), late.getId(), exactlyNow.getId());
        assertThat(occurrences.findDue(Occurrence.Status.PLANNED, NOW, PageRequest.of(0, 2)))
                .extracting(Occurrence::getId).containsExactly(early.getId(), late.getId());
    }

    @Test
    void openForSomeoneIsSentQueuedOrRemindedInsideItsWindowNewestFirst() {
        Occurrence sent = save(person, "2027-01-03T09:00:00Z", Occurrence.Status.SENT);
        Occurrence reminded = save(person, "2027-01-04T08:00:00Z", Occurrence.Status.REMINDED);
        save(person, "2027-01-01T09:00:00Z", Occurrence.Status.SENT); // its 48 hours closed on the 3rd
        save(person, "2027-01-04T08:30:00Z", Occurrence.Status.ANSWERED);
        save(person, "2027-01-04T08:40:00Z", Occurrence.Status.SKIPPED);
        save(person, "2027-01-04T10:00:00Z", Occurrence.Status.QUEUED); // not sent yet
        save(other, "2027-01-04T08:50:00Z", Occurrence.Status.SENT); // someone else's

        List<Occurrence> open = occurrences.findOpenFor(person, NOW);

        assertThat(open).extracting(Occurrence::getId).containsExactly(reminded.getId(), sent.getId());
    }

    @Test
    void theKeyMakesPlanningIdempotent() {
        Occurrence once = save(person, "2027-01-04T09:00:00Z", Occurrence.Status.PLANNED);

        assertThat(occurrences.existsByKey(once.getKey())).isTrue();
        assertThat(occurrences.findKeysFrom(schedule, Instant.parse("2027-01-04T00:00:00Z")))
                .containsExactly(once.getKey());
        assertThat(occurrences.findKeysFrom(schedule, Instant.parse("2027-01-05T00:00:00Z"))).isEmpty();
    }

    private Occurrence save(long participant, String sendAt, Occurrence.Status status) {
        Instant at = Instant.parse(sendAt);
        Slot slot = new Slot(LocalDate.ofInstant(at, ZoneOffset.UTC), at, at, null, at.plusSeconds(48 * 3600));
        Occurrence occurrence = new Occurrence(participant + ":" + schedule + ":" + at, participant, schedule,
                programme, slot, NOW);
        occurrence.moveTo(status, NOW);
        return occurrences.saveAndFlush(occurrence);
    }

    private long participant() {
        String aad = UUID.randomUUID().toString();
        return insert(db, "insert into participant (tenant_id, identity_key, teams_user_id, aad_object_id, "
                + "time_zone, created_at, updated_at) values ('t', ?, ?, ?, 'Europe/London', ?, ?)", aad, "29:" + aad,
                aad, NOW, NOW);
    }
}
