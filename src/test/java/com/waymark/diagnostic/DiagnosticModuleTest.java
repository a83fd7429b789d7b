package com.waymark.diagnostic;

import java.io.IOException;
import java.nio.file.Files;
import java.util.List;
import java.util.Set;

import com.waymark.care.CoachCallService;
import com.waymark.checkin.CheckInService;
import com.waymark.outbox.OutboundPort;
import com.waymark.privacy.ConsentGiven;
import com.waymark.privacy.ConsentService;
import com.waymark.programme.EnrolmentService;
import com.waymark.programme.MembershipInfo;
import com.waymark.programme.MembershipStarted;
import com.waymark.programme.ParticipantService;
import com.waymark.programme.ProgrammeService;
import com.waymark.support.ModuleBoundaries;
import com.waymark.support.ModulePeople;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.modulith.test.ApplicationModuleTest;
import org.springframework.modulith.test.ApplicationModuleTest.BootstrapMode;
import org.springframework.modulith.test.Scenario;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.bean.override.mockito.MockitoBean;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The diagnostic before the first session on its own services, with the modules it declares ({@code programme},
 * {@code schedule}, {@code outbox}, {@code privacy}) and nothing else. It is offered when {@code programme} announces
 * a membership ({@link MembershipStarted}) or {@code privacy} a consent ({@link ConsentGiven}): both checked with a
 * Modulith {@link Scenario}, the contract the other modules keep. The chat test ({@code DiagnosticTest}) shows the
 * cards, the digest's themes and the release rules.
 */
@ApplicationModuleTest(mode = BootstrapMode.DIRECT_DEPENDENCIES)
class DiagnosticModuleTest {

    @DynamicPropertySource
    static void scratch(DynamicPropertyRegistry registry) throws IOException {
        var dir = Files.createTempDirectory("waymark-diagnostic-module-");
        registry.add("waymark.data-dir", dir::toString);
        registry.add("spring.quartz.auto-startup", () -> "false");
        registry.add("waymark.outbox.poll-ms", () -> "0");
        // On in the product, off in the tests' own configuration (most tests count what they queue): on here.
        registry.add("waymark.diagnostic.at-enrolment", () -> "true");
        // Readiness names the Quartz health check of module ops, which is not started here.
        registry.add("management.endpoint.health.validate-group-membership", () -> "false");
    }

    // What schedule needs from modules the diagnostic does not use (check-ins, care's requests for a call), and what
    // the outbox sends through (the edge's): none of it is used here.
    @MockitoBean
    CheckInService checkIns;
    @MockitoBean
    CoachCallService coachCalls;
    @MockitoBean
    OutboundPort outbound;

    @Autowired
    DiagnosticService diagnostics;
    @Autowired
    EnrolmentService enrolment;
    @Autowired
    ConsentService consent;
    @Autowired
    JdbcTemplate db;
    @Autowired
    ConfigurableApplicationContext context;

    ModulePeople people;

    @Autowired
    void people(ParticipantService participants, ProgrammeService programmes) {
        this.people = new ModulePeople(participants, programmes, enrolment, consent);
    }

    @Test
    void startsWithOnlyItsDeclaredDependencies() {
        ModuleBoundaries.assertStartsWithOnlyItsDeclaredDependencies(context, "diagnostic",
                Set.of("programme", "schedule", "outbox", "privacy"), CheckInService.class, CoachCallService.class,
                OutboundPort.class);
    }

    @Test
    void aNewMemberWhoHasAgreedIsOfferedTheFirstQuestionInTheSameCommit(Scenario scenario) {
        long coach = people.agreed("Dr Helen Marsh");
        long programme = people.programme(coach, "Diagnostic module");
        long member = people.agreed("Kofi Mensah");

        scenario.stimulate(() -> enrolment.enrol(programme, member, MembershipInfo.Via.CODE))
                .andWaitForEventOfType(MembershipStarted.class)
                .matching(started -> started.participantId() == member)
                .toArriveAndVerify(started -> {
                    assertThat(started.programmeId()).isEqualTo(programme);
                    assertThat(positions(member)).containsExactly(0);
                    assertThat(queued(member)).isEqualTo(1);
                });
        // Its coach, enrolled in their own programme, is staff: no diagnostic.
        enrolment.enrol(programme, coach, MembershipInfo.Via.CODE);
        assertThat(positions(coach)).isEmpty();
        // Joining again offers nothing new.
        enrolment.enrol(programme, member, MembershipInfo.Via.CODE);
        assertThat(positions(member)).containsExactly(0);
    }

    @Test
    void someoneWhoJoinedBeforeAgreeingIsOfferedItWhenTheyAgree(Scenario scenario) {
        long coach = people.agreed("Dr Helen Marsh");
        long programme = people.programme(coach, "Diagnostic module");
        long member = people.person("Amara Okafor");
        enrolment.enrol(programme, member, MembershipInfo.Via.ROSTER);
        assertThat(positions(member)).as("nothing stored before they agree").isEmpty();
        assertThat(queued(member)).isZero();

        scenario.stimulate(() -> consent.consent(member))
                .andWaitForEventOfType(ConsentGiven.class)
                .matching(given -> given.participantId() == member)
                .toArriveAndVerify(given -> {
                    assertThat(positions(member)).containsExactly(0);
                    assertThat(queued(member)).isEqualTo(1);
                });
    }

    @Test
    void anAnswerOrASkipMovesThemOnAndQueuesTheNextQuestion() {
        long coach = people.agreed("Dr Helen Marsh");
        long programme = people.programme(coach, "Diagnostic module");
        long member = people.member(programme, "Kofi Mensah");

        Asking first = diagnostics.now(member).orElseThrow();
        assertThat(first.position()).isZero();
        assertThat(first.of()).isEqualTo(DiagnosticQuestions.count());
        assertThat(queued(member)).as("shown now: the queued one is not sent as well").isZero();

        var afterAnswer = diagnostics.answer(member, first.diagnosticId(), first.question().id(),
                "  Our joint discharge work with the council.  ", true);
        assertThat(afterAnswer.next().position()).isEqualTo(1);
        assertThat(afterAnswer.answered()).isEqualTo(1);
        assertThat(queued(member)).isEqualTo(1);

        var afterSkip = diagnostics.skip(member, null, null);
        assertThat(afterSkip.next().position()).isEqualTo(2);
        assertThat(afterSkip.answered()).isEqualTo(1);
        assertThat(afterSkip.skipped()).isEqualTo(1);
        assertThat(db.queryForList("select question_id from diagnostic_answer a join diagnostic d "
                + "on d.id = a.diagnostic_id where d.participant_id = ? and a.answer is null", String.class, member))
                .containsExactly(DiagnosticQuestions.at(1).id());

        // The card of a question already answered, and an empty answer: refused kindly, nothing changes.
        assertThatThrownBy(() -> diagnostics.answer(member, first.diagnosticId(), first.question().id(), "Again",
                false)).isInstanceOf(DiagnosticProblem.class).hasMessageContaining("already answered");
        assertThatThrownBy(() -> diagnostics.answer(member, null, null, "   ", false))
                .isInstanceOf(DiagnosticProblem.class).hasMessageContaining("nothing was saved");
        assertThat(positions(member)).containsExactly(2);

        for (int i = 2; i < DiagnosticQuestions.count(); i++) {
            diagnostics.skip(member, null, null);
        }
        assertThat(diagnostics.now(member)).as("finished").isEmpty();
    }

    private List<Integer> positions(long person) {
        return db.queryForList("select position from diagnostic where participant_id = ?", Integer.class, person);
    }

    private int queued(long person) {
        return db.queryForObject("select count(*) from outbox_message where kind = 'DIAGNOSTIC_QUESTION' "
                + "and participant_id = ? and status = 'PENDING'", Integer.class, person);
    }
}
