package com.waymark.cycle;

import java.io.IOException;
import java.nio.file.Files;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import com.waymark.care.CoachCallService;
import com.waymark.checkin.ActionInfo;
import com.waymark.checkin.ActionPlanService;
import com.waymark.outbox.OutboundPort;
import com.waymark.outbox.OutboxMessageSent;
import com.waymark.outbox.OutboxPayload;
import com.waymark.privacy.ConsentRequired;
import com.waymark.privacy.ConsentService;
import com.waymark.programme.EnrolmentService;
import com.waymark.programme.MembershipInfo;
import com.waymark.programme.ParticipantService;
import com.waymark.programme.ProgrammeService;
import com.waymark.support.ModuleBoundaries;
import com.waymark.support.ModulePeople;
import com.waymark.support.MutableClock;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.modulith.test.ApplicationModuleTest;
import org.springframework.modulith.test.ApplicationModuleTest.BootstrapMode;
import org.springframework.modulith.test.Scenario;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.bean.override.convention.TestBean;
import org.springframework.test.context.bean.override.mockito.MockitoBean;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The coaching cycle on its own services, with the modules it declares ({@code schedule}, {@code programme},
 * {@code checkin}, {@code outbox}, {@code privacy}) and nothing else: no bot, no Teams, no insight. A session's end is
 * claimed once whoever asks; a participant's commitments become actions in their own plan; a person who has not
 * agreed to the notice is refused by the service itself, before anything is written. Cheaper than the chat test
 * ({@code CoachingCycleTest}), which shows the same through the cards.
 */
@ApplicationModuleTest(mode = BootstrapMode.DIRECT_DEPENDENCIES)
class CycleModuleTest {

    static final MutableClock CLOCK = new MutableClock(Instant.parse("2027-02-01T09:00:00Z"));

    @DynamicPropertySource
    static void scratch(DynamicPropertyRegistry registry) throws IOException {
        var dir = Files.createTempDirectory("waymark-cycle-module-");
        registry.add("waymark.data-dir", dir::toString);
        registry.add("spring.quartz.auto-startup", () -> "false");
        registry.add("waymark.outbox.poll-ms", () -> "0");
        // Readiness names the Quartz health check of module ops, which is not started here.
        registry.add("management.endpoint.health.validate-group-membership", () -> "false");
    }

    /** The application's clock, moved by hand: a session has to begin before it can end. */
    @TestBean
    Clock clock;

    static Clock clock() {
        return CLOCK;
    }

    /** What schedule's coach-call delivery needs from {@code care}, a module the cycle does not use. */
    @MockitoBean
    CoachCallService coachCalls;
    /** What the outbox sends through: the edge's ({@code teams}), not started here; nothing is sent in this test. */
    @MockitoBean
    OutboundPort outbound;

    @Autowired
    SessionCycle cycle;
    @Autowired
    SessionEnds ends;
    @Autowired
    AfterSessions after;
    @Autowired
    ActionPlanService actions;
    @Autowired
    EnrolmentService enrolment;
    @Autowired
    JdbcTemplate db;
    @Autowired
    ConfigurableApplicationContext context;

    ModulePeople people;

    @Autowired
    void people(ParticipantService participants, ProgrammeService programmes, ConsentService consent) {
        this.people = new ModulePeople(participants, programmes, enrolment, consent);
    }

    @BeforeEach
    void now() {
        CLOCK.set(Instant.parse("2027-02-01T09:00:00Z"));
    }

    @Test
    void startsWithOnlyItsDeclaredDependencies() {
        ModuleBoundaries.assertStartsWithOnlyItsDeclaredDependencies(context, "cycle",
                Set.of("schedule", "programme", "checkin", "outbox", "privacy"), CoachCallService.class,
                OutboundPort.class);
    }

    @Test
    void aSessionEndsOnceHoweverManyTimesItsEndIsNoticed() {
        Session session = sessionWithMembers(2);
        CLOCK.advance(Duration.ofMinutes(75));

        var byTheMeeting = ends.meetingEnded(session.thread(), null, null);
        var byTheTimer = ends.timerFired(session.id());
        var byTheMeetingAgain = ends.meetingEnded(session.thread(), null, null);

        assertThat(byTheMeeting).contains(new SessionEnds.Ended(session.id(), 2));
        assertThat(byTheTimer).isEmpty();
        assertThat(byTheMeetingAgain).isEmpty();
        assertThat(db.queryForObject("select ended_by from cycle_session where session_id = ?", String.class,
                session.id())).isEqualTo("MEETING_END");
        // One after-session card each, to the members and not to their coach.
        assertThat(db.queryForList("select participant_id from outbox_message where kind = 'AFTER_SESSION' "
                + "and idempotency_key like ?", Long.class, "after:s" + session.id() + ":%"))
                .containsExactlyInAnyOrderElementsOf(session.members());
    }

    @Test
    void aSessionThatHasNotBegunIsNotEndedByItsMeeting() {
        Session session = sessionWithMembers(1);

        assertThat(ends.meetingEnded(session.thread(), null, null)).isEmpty();
        assertThat(after.invitation(session.members().get(0), session.id())).isEmpty();
    }

    @Test
    void commitmentsBecomeActionsInTheirOwnPlanAndTheirProgressIsKept() {
        Session session = sessionWithMembers(1);
        long member = session.members().get(0);
        actions.add(member, "Protect Friday afternoons");
        CLOCK.advance(Duration.ofMinutes(75));
        ends.timerFired(session.id());
        assertThat(after.invitation(member, session.id())).isPresent();

        var answered = after.answer(member, session.id(), false,
                List.of(" Ask my deputy to chair Thursday's huddle ", "", "Walk the wards with the night team"),
                new Pulse(4, 5, 3, "heard"));

        assertThat(answered.actionNumbers()).containsExactly(2, 3);
        assertThat(answered.pulse()).isTrue();
        assertThat(actions.list(member)).extracting(ActionInfo::text).containsExactly("Protect Friday afternoons",
                "Ask my deputy to chair Thursday's huddle", "Walk the wards with the night team");
        assertThat(after.open(member)).extracting(AfterSessions.OpenCommitment::text)
                .containsExactly("Ask my deputy to chair Thursday's huddle", "Walk the wards with the night team");
        assertThat(after.invitation(member, session.id())).as("answered: no card again").isEmpty();
        assertThatThrownBy(() -> after.answer(member, session.id(), true, List.of(), null))
                .isInstanceOf(CycleProblem.class).hasMessageContaining("already answered");

        long first = after.open(member).get(0).actionId();
        after.progress(member, Map.of(first, Progress.DONE));

        assertThat(after.open(member)).extracting(AfterSessions.OpenCommitment::text)
                .containsExactly("Walk the wards with the night team");
        assertThat(db.queryForObject("select progress from cycle_commitment where action_id = ?", String.class,
                first)).isEqualTo("DONE");
    }

    @Test
    void aCheckInPromptReachingSomeoneWithOpenCommitmentsIsFollowedByTheirCard(Scenario scenario) {
        Session session = sessionWithMembers(2);
        long committed = session.members().get(0);
        long without = session.members().get(1);
        CLOCK.advance(Duration.ofMinutes(75));
        ends.timerFired(session.id());
        after.answer(committed, session.id(), false, List.of("Ask my deputy to chair Thursday's huddle"), null);
        after.answer(without, session.id(), true, List.of(), null);

        scenario.publish(new OutboxMessageSent(committed, prompt(committed, false)))
                .andWaitForStateChange(() -> followUps(committed))
                .andVerify(count -> assertThat(count).isEqualTo(1));
        scenario.publish(new OutboxMessageSent(without, prompt(without, false)))
                .andWaitForStateChange(() -> followUps(without))
                .andVerify(count -> assertThat(count).as("nothing open: nothing to ask").isZero());
        // A reminder of the same prompt does not ask again.
        scenario.publish(new OutboxMessageSent(committed, prompt(committed, true)))
                .andWaitForStateChange(() -> followUps(committed))
                .andVerify(count -> assertThat(count).isEqualTo(1));
    }

    @Test
    void someoneWhoHasNotAgreedIsRefusedByTheServiceAndNothingIsWritten() {
        Session session = sessionWithMembers(0);
        long notAgreed = people.person("Kofi Mensah");
        enrolment.enrol(session.programme(), notAgreed, MembershipInfo.Via.ROSTER);
        CLOCK.advance(Duration.ofMinutes(75));
        ends.timerFired(session.id());

        assertThatThrownBy(() -> after.answer(notAgreed, session.id(), false,
                List.of("Ask my deputy to chair Thursday's huddle"), new Pulse(4, 4, 4, "calm")))
                .isInstanceOf(ConsentRequired.class);

        assertThat(db.queryForObject("select count(*) from action_item where participant_id = ?", Integer.class,
                notAgreed)).isZero();
        assertThat(db.queryForObject("select count(*) from cycle_commitment where participant_id = ?", Integer.class,
                notAgreed)).isZero();
        assertThat(db.queryForObject("select count(*) from cycle_answer where participant_id = ?", Integer.class,
                notAgreed)).isZero();
    }

    record Session(long id, long programme, String thread, List<Long> members) {
    }

    /** A programme with {@code size} agreed members and a session starting in an hour, in a Teams meeting. */
    private Session sessionWithMembers(int size) {
        long coach = people.agreed("Dr Helen Marsh");
        long programme = people.programme(coach, "Cycle module");
        List<Long> members = new java.util.ArrayList<>();
        for (int i = 0; i < size; i++) {
            members.add(people.member(programme, "Leader " + i));
        }
        String thread = "19:meeting_" + UUID.randomUUID().toString().replace("-", "") + "@thread.v2";
        var recorded = cycle.record(coach, programme, CLOCK.instant().plus(Duration.ofHours(1)), null, thread);
        return new Session(recorded.session().id(), programme, thread, List.copyOf(members));
    }

    private static OutboxPayload.CheckIn prompt(long person, boolean reminder) {
        return new OutboxPayload.CheckIn(person * 1000 + (reminder ? 1 : 0), 1, "Programme", "library-1", CLOCK.instant().plusSeconds(3600),
                "Europe/London", reminder);
    }

    private int followUps(long person) {
        return db.queryForObject("select count(*) from outbox_message where kind = 'COMMITMENT_FOLLOW_UP' "
                + "and participant_id = ?", Integer.class, person);
    }
}
