package com.waymark.checkin;

import java.io.IOException;
import java.nio.file.Files;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

import com.waymark.privacy.FieldCipher;
import com.waymark.privacy.ConsentService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.modulith.test.ApplicationModuleTest;
import org.springframework.modulith.test.ApplicationModuleTest.BootstrapMode;
import org.springframework.modulith.test.Scenario;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.mockito.Mockito.verify;

/**
 * The check-in module on its own: only {@code checkin}'s beans are started, with the database; no bot, no schedule,
 * no programme. What it takes from {@code privacy} is mocked: the cipher and the person lock. {@code DIRECT_DEPENDENCIES} would start all of {@code privacy}, whose own service interfaces
 * ({@code PersonLock}, {@code NameDirectory}, the data holders) are implemented by {@code programme} and others, so it
 * would need those mocked too. The service is driven directly and the event it publishes to other modules is
 * checked with a Modulith {@link Scenario}: the contract the schedule module relies on to close an occurrence in the
 * same commit.
 */
@ApplicationModuleTest(mode = BootstrapMode.STANDALONE)
class CheckInModuleTest {

    @DynamicPropertySource
    static void scratch(DynamicPropertyRegistry registry) throws IOException {
        var dir = Files.createTempDirectory("waymark-checkin-module-");
        registry.add("waymark.data-dir", dir::toString);
        registry.add("spring.quartz.auto-startup", () -> "false");
        // Readiness names the Quartz health check of module ops, which is not started here.
        registry.add("management.endpoint.health.validate-group-membership", () -> "false");
    }

    /**
     * {@code privacy}'s cipher, mocked: a test configuration's bean is not seen by a module test here, and encryption
     * at rest has its own test ({@code EncryptionAtRestTest}). The converter and the migration of old rows need one.
     */
    @MockitoBean
    FieldCipher cipher;

    /**
     * {@code privacy}'s consent check, which also takes the person's lock (implemented on a row of {@code programme},
     * a module this test does not start). Mocked: the test shows the service asks it before it writes.
     */
    @MockitoBean
    ConsentService consent;
    @Autowired
    CheckInService checkIns;
    @Autowired
    JdbcTemplate db;
    @Autowired
    CheckInRepository repository;

    @Test
    void aSavedCheckInIsAnnouncedWithoutItsRatingsOrText(Scenario scenario) {
        long person = participant();
        var submission = new CheckInSubmission("4", "2", "unknown-prompt", "  A long week on the ward.  ", true,
                CheckInSubmission.Source.TEXT, null, null);

        scenario.stimulate(() -> checkIns.record(person, submission))
                .andWaitForEventOfType(CheckInRecorded.class)
                .matching(event -> event.participantId() == person)
                .toArriveAndVerify((event, result) -> {
                    assertThat(result).isInstanceOf(CheckInResult.Saved.class);
                    var saved = (CheckInResult.Saved) result;
                    assertThat(event.checkInId()).isEqualTo(saved.checkInId());
                    assertThat(saved.participantId()).isEqualTo(person);
                    assertThat(saved.wellbeing()).isEqualTo(4);
                    assertThat(saved.reflection()).isEqualTo("A long week on the ward.");
                    assertThat(saved.quoteOk()).isTrue();
                    assertThat(saved.toString()).doesNotContain("ward");
                    assertThat(event.source()).isEqualTo(CheckInSubmission.Source.TEXT);
                    assertThat(event.occurrenceId()).isNull();
                    assertThat(event.toString()).doesNotContain("ward");
                    assertThat(((CheckInResult.Saved) result).trend().total()).isEqualTo(1);
                });

        verify(consent).lockForRecording(person);
        // An unknown prompt id is not kept.
        assertThat(db.queryForObject("select prompt_id from check_in where participant_id = ?", String.class, person))
                .isNull();
    }

    /** The turn writes the row in plain SQL; the entity that every other read uses must map it back as recorded. */
    @Test
    void aRecordedCheckInReadsBackThroughTheEntityAsItWasRecorded(Scenario scenario) {
        long person = participant();
        var submission = new CheckInSubmission(" 5", "1 ", null, null, false, CheckInSubmission.Source.TEXT, null, null);

        scenario.stimulate(() -> checkIns.record(person, submission))
                .andWaitForEventOfType(CheckInRecorded.class)
                .matching(event -> event.participantId() == person)
                .toArriveAndVerify(event -> {
                    CheckIn stored = repository.findById(event.checkInId()).orElseThrow();
                    assertThat(stored.getParticipantId()).isEqualTo(person);
                    assertThat(stored.getWellbeing()).isEqualTo(5);
                    assertThat(stored.getEnergy()).isEqualTo(1);
                    assertThat(stored.getSource()).isEqualTo(CheckInSubmission.Source.TEXT);
                    assertThat(stored.isQuoteOk()).isFalse();
                    assertThat(stored.getProgrammeId()).isNull();
                    assertThat(stored.getOccurrenceId()).isNull();
                    // The column keeps microseconds (rounded).
                    assertThat(stored.getSubmittedAt()).isCloseTo(event.at(), within(1, ChronoUnit.MICROS));
                });
    }

    @Test
    void theTrendIsTheLatestTwelveAndTheTotalCountsOnlyThisPersonsCheckIns() {
        long person = participant();
        long someoneElse = participant();
        for (int i = 0; i < 15; i++) {
            // The first three low, the latest twelve high: the trend must show only the latest.
            checkIns.record(person, new CheckInSubmission(i < 3 ? "1" : "5", "3", null, null, false,
                    CheckInSubmission.Source.CARD, null, null));
        }
        for (int i = 0; i < 3; i++) {
            checkIns.record(someoneElse, new CheckInSubmission("2", "2", null, null, false,
                    CheckInSubmission.Source.CARD, null, null));
        }

        Trend trend = checkIns.trend(person);
        assertThat(trend.total()).isEqualTo(15);
        assertThat(trend.wellbeing()).hasSize(CheckInService.TREND_LENGTH).containsOnly(5);
        assertThat(trend.energy()).hasSize(CheckInService.TREND_LENGTH).containsOnly(3);
        assertThat(checkIns.trend(someoneElse).total()).isEqualTo(3);
        assertThat(checkIns.trend(participant()).isEmpty()).isTrue();
        assertThat(checkIns.trend(participant()).total()).isZero();
    }

    @Test
    void aBadSubmissionStoresNothingAndSaysWhy() {
        long person = participant();
        var submission = new CheckInSubmission("9", "two", null, null, false, CheckInSubmission.Source.CARD, null, null);

        CheckInResult result = checkIns.record(person, submission);

        assertThat(result).isInstanceOf(CheckInResult.Rejected.class);
        assertThat(((CheckInResult.Rejected) result).problems()).containsExactly(
                "Please choose a wellbeing rating from 1 to 5.", "Please choose an energy rating from 1 to 5.");
        assertThat(db.queryForObject("select count(*) from check_in where participant_id = ?", Integer.class, person))
                .isZero();
    }

    /** The participant row is another module's table: written in SQL, as this module sees only its id. */
    private long participant() {
        String aad = UUID.randomUUID().toString();
        var now = java.sql.Timestamp.from(Instant.parse("2027-01-04T09:00:00Z"));
        db.update("insert into participant (tenant_id, identity_key, teams_user_id, aad_object_id, time_zone, "
                + "created_at, updated_at) values ('t', ?, ?, ?, 'Europe/London', ?, ?)", aad, "29:" + aad, aad, now, now);
        return db.queryForObject("select id from participant where aad_object_id = ?", Long.class, aad);
    }
}
