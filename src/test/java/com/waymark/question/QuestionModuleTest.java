package com.waymark.question;

import java.io.IOException;
import java.nio.file.Files;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;

import com.waymark.care.CoachCallService;
import com.waymark.checkin.Prompt;
import com.waymark.checkin.PromptLibrary;
import com.waymark.outbox.DeliveryMetrics;
import com.waymark.outbox.OutboxService;
import com.waymark.privacy.ConsentService;
import com.waymark.programme.EnrolmentService;
import com.waymark.programme.ParticipantService;
import com.waymark.programme.ProgrammeService;
import com.waymark.schedule.ScheduleService;
import com.waymark.support.ModuleBoundaries;
import com.waymark.support.ModulePeople;
import com.waymark.support.MutableClock;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.modulith.test.ApplicationModuleTest;
import org.springframework.modulith.test.ApplicationModuleTest.BootstrapMode;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.bean.override.convention.TestBean;
import org.springframework.test.context.bean.override.mockito.MockitoBean;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * A coach's question for the cohort on its own service, with the modules it declares ({@code checkin},
 * {@code programme}, {@code schedule}, {@code privacy}) and nothing else. The check-ins ask it through checkin's
 * {@link PromptLibrary} (the extension point this module implements), a group's question beats everyone's, and it
 * ends at the programme's next session or after {@link CohortQuestions#WITHOUT_SESSION}. The chat test
 * ({@code CohortQuestionTest}) shows the same through the cards and the digest. {@code checkin} is named as an extra
 * include: Modulith starts a module's direct dependencies from the beans it injects, and this module injects none of
 * checkin's; it implements checkin's extension point, which is what the test drives.
 */
@ApplicationModuleTest(mode = BootstrapMode.DIRECT_DEPENDENCIES, extraIncludes = "checkin")
class QuestionModuleTest {

    static final Instant MONDAY = Instant.parse("2027-03-01T09:00:00Z");
    static final MutableClock CLOCK = new MutableClock(MONDAY);
    static final String EVERYONE = "What did you notice about how you listened this week?";
    static final String BLUE = "Where did you hold back in a meeting this week, and why?";

    @DynamicPropertySource
    static void scratch(DynamicPropertyRegistry registry) throws IOException {
        var dir = Files.createTempDirectory("waymark-question-module-");
        registry.add("waymark.data-dir", dir::toString);
        registry.add("spring.quartz.auto-startup", () -> "false");
        // Readiness names the Quartz health check of module ops, which is not started here.
        registry.add("management.endpoint.health.validate-group-membership", () -> "false");
    }

    /** The application's clock, moved by hand: a question lives until a session, or for two weeks. */
    @TestBean
    Clock clock;

    static Clock clock() {
        return CLOCK;
    }

    // What schedule needs from modules the question does not use: the outbox it queues prompts in, and care's
    // requests for a call. Nothing here plans a check-in or asks for a call.
    @MockitoBean
    OutboxService outbox;
    @MockitoBean
    DeliveryMetrics deliveryMetrics;
    @MockitoBean
    CoachCallService coachCalls;

    @Autowired
    CohortQuestions questions;
    @Autowired
    PromptLibrary prompts;
    @Autowired
    ScheduleService schedule;
    @Autowired
    ConfigurableApplicationContext context;

    ModulePeople people;

    @Autowired
    void people(ParticipantService participants, ProgrammeService programmes, EnrolmentService enrolment,
                ConsentService consent) {
        this.people = new ModulePeople(participants, programmes, enrolment, consent);
    }

    @BeforeEach
    void monday() {
        CLOCK.set(MONDAY);
    }

    @Test
    void startsWithOnlyItsDeclaredDependencies() {
        ModuleBoundaries.assertStartsWithOnlyItsDeclaredDependencies(context, "question",
                Set.of("checkin", "programme", "schedule", "privacy"), OutboxService.class, DeliveryMetrics.class,
                CoachCallService.class);
    }

    @Test
    void theNextCheckInAsksTheLiveQuestionOnceThenTheRotationGoesOn() {
        long coach = people.agreed("Dr Helen Marsh");
        long programme = people.programme(coach, "Question module");
        long member = people.member(programme, "Kofi Mensah");

        var asked = questions.ask(coach, null, "  " + EVERYONE + " ");

        assertThat(asked.text()).isEqualTo(EVERYONE);
        assertThat(asked.untilSession()).isFalse();
        assertThat(asked.expiresAt()).isEqualTo(MONDAY.plus(CohortQuestions.WITHOUT_SESSION));
        Prompt next = prompts.next(member, List.of());
        assertThat(next.text()).isEqualTo(EVERYONE);
        assertThat(next.approach()).isEqualTo(CohortQuestions.FROM_YOUR_COACH);
        assertThat(next.id()).matches("cohort-[0-9a-f]{16}");
        // Answered once: the rotation goes on, and the answer still finds the question it answered.
        assertThat(prompts.next(member, List.of(next.id())).id()).isNotEqualTo(next.id());
        assertThat(prompts.find(next.id()).map(Prompt::text)).contains(EVERYONE);
        // Its coach does not answer it.
        assertThat(questions.current(coach)).isEmpty();
    }

    @Test
    void aGroupsQuestionBeatsEveryonesForItsMembersOnly() {
        long coach = people.agreed("Dr Helen Marsh");
        long programme = people.programme(coach, "Question module");
        long blue = people.group(coach, programme, "Blue");
        people.group(coach, programme, "Green");
        long inBlue = people.member(programme, blue, "Amara Okafor");
        long elsewhere = people.member(programme, "Priya Shah");

        questions.ask(coach, null, EVERYONE);
        questions.askGroup(coach, "Blue: " + BLUE);

        assertThat(questions.current(inBlue).map(Prompt::text)).contains(BLUE);
        assertThat(questions.current(elsewhere).map(Prompt::text)).contains(EVERYONE);
        assertThat(questions.overview(coach).live()).extracting(CohortQuestions.Question::group)
                .containsExactly(null, "Blue");

        questions.withdraw(coach, "blue");

        assertThat(questions.current(inBlue).map(Prompt::text)).contains(EVERYONE);
    }

    @Test
    void aQuestionEndsAfterTwoWeeksWithoutASession() {
        long coach = people.agreed("Dr Helen Marsh");
        long programme = people.programme(coach, "Question module");
        long member = people.member(programme, "Kofi Mensah");
        questions.ask(coach, null, EVERYONE);

        CLOCK.advance(CohortQuestions.WITHOUT_SESSION.minusMinutes(1));
        assertThat(questions.current(member)).isPresent();
        CLOCK.advance(Duration.ofMinutes(2));
        assertThat(questions.current(member)).isEmpty();
        assertThat(questions.overview(coach).live()).isEmpty();
    }

    @Test
    void aQuestionEndsWhenTheNextSessionBegins() {
        long coach = people.agreed("Dr Helen Marsh");
        long programme = people.programme(coach, "Question module");
        long member = people.member(programme, "Kofi Mensah");
        Instant thursday = MONDAY.plus(Duration.ofDays(3));
        schedule.recordSession(coach, programme, thursday, 24);

        var asked = questions.ask(coach, null, EVERYONE);

        assertThat(asked.untilSession()).isTrue();
        assertThat(asked.expiresAt()).isEqualTo(thursday);
        CLOCK.set(thursday.minusSeconds(60));
        assertThat(questions.current(member)).isPresent();
        CLOCK.set(thursday.plusSeconds(60));
        assertThat(questions.current(member)).isEmpty();
    }

    @Test
    void onlyTheCoachingTeamSetsOneAndABadQuestionIsRefusedKindly() {
        long coach = people.agreed("Dr Helen Marsh");
        long programme = people.programme(coach, "Question module");
        long member = people.member(programme, "Kofi Mensah");

        assertThatThrownBy(() -> questions.ask(member, null, EVERYONE)).isInstanceOf(CohortQuestions.Refused.class)
                .hasMessageContaining("for the programme's coaches");
        assertThatThrownBy(() -> questions.ask(coach, null, "Why?")).isInstanceOf(CohortQuestions.Refused.class)
                .hasMessageContaining("for example: " + CohortQuestions.EXAMPLE);
        assertThatThrownBy(() -> questions.ask(coach, "Purple", EVERYONE)).isInstanceOf(CohortQuestions.Refused.class)
                .hasMessageContaining("no group called \"Purple\"");
        assertThat(questions.current(member)).isEmpty();
    }
}
