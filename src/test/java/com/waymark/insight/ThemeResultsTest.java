package com.waymark.insight;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;

import com.waymark.checkin.TeamCheckIns;
import com.waymark.checkin.TeamCheckIns.Reflection;
import com.waymark.insight.themes.Theme;
import com.waymark.privacy.DataRightsService;
import com.waymark.privacy.ProgrammeDataHolder;
import com.waymark.support.Chat;
import com.waymark.support.Chat.Coach;
import com.waymark.support.Chat.Cohort;
import com.waymark.support.Chat.Person;
import com.waymark.support.TeamsClient;
import com.waymark.support.WaymarkIntegrationTest;
import io.micrometer.core.instrument.MeterRegistry;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Themes clustered ahead ({@link ThemeResults}, {@link ThemePrecompute}): what a read is served from the stored
 * result is what a fresh clustering gives, a changed set of reflections is never served an old result, and nothing
 * stored outlives a person's erasure or a programme's retention.
 */
class ThemeResultsTest extends WaymarkIntegrationTest {

    @LocalServerPort
    int port;
    @Autowired
    JdbcTemplate db;
    @Autowired
    TeamInsights insights;
    @Autowired
    ThemeResults results;
    @Autowired
    ProgrammeThemes pipelines;
    @Autowired
    ReflectionEmbeddings embeddings;
    @Autowired
    TeamCheckIns checkIns;
    @Autowired
    DataRightsService dataRights;
    @Autowired
    List<ProgrammeDataHolder> programmeData;
    @Autowired
    MeterRegistry meters;
    @Autowired
    TransactionTemplate transactions;

    Chat chat;
    Coach coach;
    long programmeId;

    @BeforeEach
    void client() {
        chat = new Chat(new TeamsClient(port, CONNECTOR.serviceUrl()), db);
    }

    @Test
    void aReadServedFromTheStoredClusteringEqualsAFreshOneAndNewDataIsNeverServedAnOldOne() {
        List<Person> people = programmeWithThemes();
        insights.precomputeThemes(programmeId);

        // The stored clustering is the one a fresh clustering of the same reflections gives.
        List<Reflection> rows = reflections();
        String fingerprint = ThemeResults.fingerprint(embeddings.model(), pipelines.feedbackVersion(programmeId), rows);
        List<Theme> stored = results.find(programmeId, fingerprint, rows.size()).orElseThrow();
        assertThat(stored).isNotEmpty().isEqualTo(fresh(rows));
        assertThat(insights.precomputeThemes(programmeId)).as("clustered again though nothing changed").isFalse();

        // A coach's read is served from it, and shows what a read clustering on the spot shows.
        double found = count("true");
        Report<ThemeReport> served = insights.themes(coachId(), ScopeRequest.everything());
        assertThat(count("true")).isEqualTo(found + 1);
        assertThat(served.body().themes()).extracting(ThemeReport.Line::name).contains("Workload and capacity");
        db.update("delete from theme_result where programme_id = ?", programmeId);
        Report<ThemeReport> onTheSpot = insights.themes(coachId(), ScopeRequest.everything());
        assertThat(onTheSpot.body()).isEqualTo(served.body());

        // One more reflection: a different set of reflections, looked up under another fingerprint, so the stored
        // result can't be served for it; what is stored for the new set is again a fresh clustering's.
        checkIn(people.get(7), CoachInsightTest.WORKLOAD.get(0) + " Again this week.");
        List<Reflection> more = reflections();
        assertThat(more).hasSize(rows.size() + 1);
        String changed = ThemeResults.fingerprint(embeddings.model(), pipelines.feedbackVersion(programmeId), more);
        assertThat(changed).isNotEqualTo(fingerprint);
        assertThat(results.find(programmeId, changed, rows.size())).as("a result for as many rows as before").isEmpty();
        insights.precomputeThemes(programmeId);
        assertThat(results.find(programmeId, changed, more.size()).orElseThrow()).isEqualTo(fresh(more));
    }

    @Test
    void erasingAPersonDeletesTheStoredThemesOfTheirProgrammesAndNoLaterResultHoldsThem() {
        List<Person> people = programmeWithThemes();
        insights.precomputeThemes(programmeId);
        List<String> before = fingerprints();
        assertThat(before).isNotEmpty();

        long leaver = participantId(people.get(0));
        Map<String, Integer> touched = dataRights.erase(leaver);
        assertThat(touched.get("themeResults")).isGreaterThanOrEqualTo(1);
        // Whatever is stored now (the precompute may have run again) was clustered without them.
        assertThat(fingerprints()).doesNotContainAnyElementsOf(before);
        assertThat(reflections()).noneMatch(r -> r.participantId() == leaver);
        insights.precomputeThemes(programmeId);
        List<Reflection> rows = reflections();
        assertThat(results.find(programmeId, ThemeResults.fingerprint(embeddings.model(),
                pipelines.feedbackVersion(programmeId), rows), rows.size())).isPresent();
        assertThat(dataRights.export(participantId(people.get(1))).document().has("themeResults"))
                .as("aggregated over the programme, in nobody's export").isFalse();
    }

    @Test
    void retentionDeletesAProgrammesStoredThemesAndAResultFromReflectionsThatWentIsNotStored() {
        programmeWithThemes();
        insights.precomputeThemes(programmeId);
        assertThat(fingerprints()).isNotEmpty();
        List<Reflection> rows = reflections();
        List<Theme> clustered = fresh(rows);

        // As the retention sweep does: every holder, in one transaction.
        transactions.executeWithoutResult(status -> programmeData.forEach(h -> h.eraseProgrammeData(programmeId)));
        assertThat(fingerprints()).isEmpty();
        // A clustering that read the reflections before the sweep took them finds them gone and stores nothing.
        results.store(programmeId, "0".repeat(64), rows, clustered);
        assertThat(fingerprints()).isEmpty();
    }

    // ---- helpers ----

    /** Eight people: six write about workload (a theme), two about recognition (too few to show). */
    private List<Person> programmeWithThemes() {
        List<Person> people = programme(8);
        for (int i = 0; i < 6; i++) {
            checkIn(people.get(i), CoachInsightTest.WORKLOAD.get(i));
        }
        checkIn(people.get(6), CoachInsightTest.RECOGNITION.get(0));
        checkIn(people.get(7), CoachInsightTest.RECOGNITION.get(1));
        return people;
    }

    /** The programme's reflections as a read clusters them: all written today by members, none by the coach. */
    private List<Reflection> reflections() {
        return checkIns.reflections(programmeId, Instant.EPOCH, Instant.now().plusSeconds(86_400 * 2));
    }

    private List<Theme> fresh(List<Reflection> rows) {
        Map<Long, float[]> vectors = embeddings.vectors(rows.stream().map(Reflection::checkInId).toList());
        return pipelines.pipeline(programmeId).run(rows.stream().map(Reflection::text).toList(),
                rows.stream().map(r -> vectors.get(r.checkInId())).toList(), OptionalInt.empty());
    }

    private List<String> fingerprints() {
        return db.queryForList("select fingerprint from theme_result where programme_id = ?", String.class,
                programmeId);
    }

    private double count(String found) {
        return meters.get("waymark.themes.results").tag("found", found).counter().count();
    }

    private long coachId() {
        return coach.id();
    }

    private static long participantId(Person person) {
        return person.id();
    }

    /** A coach's new programme with {@code size} members who agreed. */
    private List<Person> programme(int size) {
        Cohort cohort = chat.cohort("Themes ahead", size);
        coach = cohort.coach();
        programmeId = coach.programmeId();
        return cohort.members();
    }

    private static void checkIn(Person person, String reflection) {
        assertThat(person.click(Chat.action("checkin").put("wellbeing", "3").put("energy", "3")
                .put("reflection", reflection).put("quoteOk", "true")).toString()).contains("Saved");
    }
}
