package com.waymark.diagnostic;

import java.time.Clock;
import java.time.Instant;

import com.waymark.outbox.OutboxService;
import com.waymark.privacy.ConsentGiven;
import com.waymark.programme.MembershipEnded;
import com.waymark.programme.MembershipInfo;
import com.waymark.programme.MembershipStarted;
import com.waymark.programme.Programmes;
import org.springframework.context.event.EventListener;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.stereotype.Component;

/**
 * When the diagnostic is offered: at enrolment, in the same transaction, to someone who has agreed to the notice;
 * for someone who has not, nothing is stored or queued until they agree, and then it is offered for the programmes
 * they joined in the last {@link DiagnosticService#OFFER_WITHIN} (agreeing to a revised notice, months in, offers
 * nothing). Leaving a programme cancels its question still queued.
 */
@Component
@EnableConfigurationProperties(DiagnosticSettings.class)
class DiagnosticOffers {

    private final DiagnosticService diagnostics;
    private final DiagnosticRepository rows;
    private final Programmes programmes;
    private final OutboxService outbox;
    private final Clock clock;

    private final boolean atEnrolment;

    DiagnosticOffers(DiagnosticService diagnostics, DiagnosticRepository rows, Programmes programmes,
                     OutboxService outbox, Clock clock, DiagnosticSettings settings) {
        this.atEnrolment = settings.atEnrolment();
        this.diagnostics = diagnostics;
        this.rows = rows;
        this.programmes = programmes;
        this.outbox = outbox;
        this.clock = clock;
    }

    @EventListener
    void enrolled(MembershipStarted started) {
        // The demo's leaders are seeded with weeks of history: they are not starting a programme.
        if (atEnrolment && started.via() != MembershipInfo.Via.DEMO) {
            diagnostics.offer(started.participantId(), started.programmeId());
        }
    }

    @EventListener
    void agreed(ConsentGiven given) {
        if (!atEnrolment) {
            return;
        }
        Instant since = clock.instant().minus(DiagnosticService.OFFER_WITHIN);
        programmes.of(given.participantId()).stream()
                .filter(p -> p.membership() != null && p.membership().isActive()
                        && p.membership().joinedAt().isAfter(since))
                .forEach(p -> diagnostics.offer(given.participantId(), p.programme().id()));
    }

    @EventListener
    void left(MembershipEnded ended) {
        rows.findByParticipantIdAndProgrammeId(ended.participantId(), ended.programmeId()).ifPresent(d ->
                outbox.cancelPending(ended.participantId(), DiagnosticService.KEY_PREFIX + d.getId() + ":"));
    }
}
