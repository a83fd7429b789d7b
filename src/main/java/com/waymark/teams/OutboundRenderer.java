package com.waymark.teams;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import com.microsoft.bot.builder.MessageFactory;
import com.microsoft.bot.schema.Activity;
import com.waymark.care.CoachCallService;
import com.waymark.care.SupportResources;
import com.waymark.checkin.CheckInSettings;
import com.waymark.checkin.Prompt;
import com.waymark.checkin.PromptLibrary;
import com.waymark.insight.TeamInsights;
import com.waymark.pairing.PeerCoachingParticipation;
import com.waymark.privacy.NameDirectory;
import com.waymark.programme.Programme;
import com.waymark.programme.ProgrammeService;
import com.waymark.programme.StaffInvitations;
import com.waymark.programme.StaffMember;
import com.waymark.programme.ThresholdLowering;
import com.waymark.outbox.OutboxPayload;
import com.waymark.outbox.OutboxPayloadType;
import com.waymark.outbox.OutboundMessage;
import org.springframework.stereotype.Component;

/** Turns an outbox message into what Teams shows. Every message names the programme it is about. */
@Component
class OutboundRenderer {


    private final PromptLibrary prompts;
    private final PeerCoachingParticipation pairing;
    private final TeamInsights insights;
    private final int maxReflectionChars;
    private final CoachCallService coachCalls;
    private final NameDirectory names;
    private final SupportResources support;
    private final ProgrammeService programmes;
    private final StaffInvitations invitations;
    private final Clock clock;
    private final Map<Class<?>, MessageWording<?>> wordings;

    OutboundRenderer(List<MessageWording<?>> wordings, List<OutboxPayloadType> types, PromptLibrary prompts,
                     CheckInSettings checkin,
                     PeerCoachingParticipation pairing, TeamInsights insights, CoachCallService coachCalls,
                     NameDirectory names, SupportResources support, ProgrammeService programmes,
                     StaffInvitations invitations, Clock clock) {
        this.wordings = wordings.stream().collect(Collectors.toMap(MessageWording::payloadType, w -> w));
        types.stream().filter(type -> !this.wordings.containsKey(type.type())).findFirst().ifPresent(type -> {
            // Caught at start-up, not when the first such message is due and would fail to send.
            throw new IllegalStateException("No MessageWording for outbox type " + type.name());
        });
        this.invitations = invitations;
        this.support = support;
        this.programmes = programmes;
        this.clock = clock;
        this.coachCalls = coachCalls;
        this.names = names;
        this.insights = insights;
        this.prompts = prompts;
        this.pairing = pairing;
        this.maxReflectionChars = checkin.maxReflectionChars();
    }

    List<Activity> render(OutboundMessage message) {
        if (message.payload() == null) {
            throw new IllegalArgumentException("Unreadable payload");
        }
        MessageWording<?> wording = wordings.get(message.payload().getClass());
        return wording != null ? word(wording, message.participantId(), message.payload())
                : message.payload().accept(new Words(message.participantId()));
    }

    private static <P extends OutboxPayload> List<Activity> word(MessageWording<P> wording, long recipient,
                                                                 OutboxPayload payload) {
        return wording.render(recipient, wording.payloadType().cast(payload));
    }

    /** One method per payload type: a new type does not compile until it is worded here. */
    private final class Words implements OutboxPayload.Visitor<List<Activity>> {

        private final Long recipient;

        Words(Long recipient) {
            this.recipient = recipient;
        }

        @Override
        public List<Activity> checkIn(OutboxPayload.CheckIn payload) {
            Prompt prompt = prompts.find(payload.promptId()).orElse(prompts.all().iterator().next());
            String closes = DateText.when(payload.closesAt(), ZoneId.of(payload.timeZone()), clock);
            AdaptiveCard card = WaymarkCards.scheduledCheckIn(payload, prompt, maxReflectionChars, closes,
                    payload.reminder());
            return List.of(ParticipantConversation.card(card));
        }

        @Override
        public List<Activity> sessionDigest(OutboxPayload.SessionDigest payload) {
            // Composed when sent, not when queued: the digest covers everything up to the moment it arrives.
            return insights.digest(recipient, payload.programmeId(), payload.startsAt(), payload.sessionId())
                    .map(digest -> List.of(ParticipantConversation.card(InsightCards.digest(digest))))
                    .orElse(List.of());
        }

        @Override
        public List<Activity> pairingNudge(OutboxPayload.PairingNudge payload) {
            // Read when sent, not when queued: a nudge whose group has changed since is not sent at all.
            return pairing.nudge(payload.memberId(), payload.groupId(), payload.rematch())
                    .map(nudge -> List.of(ParticipantConversation.card(PairingCards.nudge(nudge))))
                    .orElse(List.of());
        }

        @Override
        public List<Activity> pairingFollowUp(OutboxPayload.PairingFollowUp payload) {
            return pairing.followUp(payload.followUpId())
                    .map(question -> List.of(ParticipantConversation.card(PairingCards.followUp(question))))
                    .orElse(List.of());
        }

        @Override
        public List<Activity> pairingUpdate(OutboxPayload.PairingUpdate update) {
            return List.of(MessageFactory.text(PairingCards.update(update)));
        }

        @Override
        public List<Activity> coachCall(OutboxPayload.CoachCall payload) {
            // Named when sent, from ids: a person who erased their data meanwhile is not named, nor asked for.
            return coachCalls.find(payload.requestId())
                    .map(request -> List.of(ParticipantConversation.card(TrustCards.coachCall(
                            PlainText.of(names.personName(request.getParticipantId())
                                    .orElse("one of your participants")),
                            PlainText.of(names.programmeName(payload.programmeId()).orElse("your programme")),
                            support.resources()))))
                    .orElse(List.of());
        }

        @Override
        public List<Activity> thresholdLowered(OutboxPayload.ThresholdLowered payload) {
            // Read when sent: a lowering the coach took back meanwhile is not announced.
            int to = payload.to();
            Instant from = payload.from();
            return programmes.find(payload.programmeId())
                    .filter(p -> p.loweringAfter(clock.instant()).map(l -> l.to() == to && l.from().equals(from))
                            .orElse(p.thresholdAt(clock.instant()) == to))
                    .map(p -> List.of(MessageFactory.text(OutboundRenderer.thresholdLowered(p, payload.was(), to, from))))
                    .orElse(List.of());
        }

        @Override
        public List<Activity> staffJoined(OutboxPayload.StaffJoined payload) {
            // Named when sent: someone who left the team or erased their data meanwhile is not named.
            return invitations.joined(payload.staffMemberId())
                    .map(joined -> List.of(MessageFactory.text(OutboundRenderer.staffJoined(joined)))).orElse(List.of());
        }

        @Override
        public List<Activity> legacyText(OutboxPayload.LegacyText payload) {
            // Rows queued before payloads were typed: plain sentences that may name a programme, plain text whole.
            return List.of(MessageFactory.text(PlainText.of(payload.text() == null ? "" : payload.text())));
        }
    }

    /** What an admin is told when someone accepts their invitation to the coaching team: briefly. */
    static String staffJoined(StaffInvitations.Joined joined) {
        return PlainText.of(joined.person()) + " accepted your invitation: they are now "
                + (joined.role() == StaffMember.Role.ADMIN ? "an admin" : "a coach") + " of \""
                + PlainText.of(joined.programme()) + "\". Say \"coaches\" to see the team.";
    }

    /** What a participant is told when their programme's coach lowers its threshold. */
    static String thresholdLowered(Programme programme, int was, int to, Instant from) {
        String name = PlainText.of(programme.getName());
        return "A change to \"" + name + "\": its coach has lowered the confidentiality threshold. From "
                + NoticeCards.when(new ThresholdLowering(programme.getId(), programme.getName(), was, to, from),
                ZoneId.of(programme.getTimeZone())) + ", a team summary may combine as few as " + to
                + " people (until then, at least " + was + "). Coaches still never see your own answers or your "
                + "name next to anything you wrote. If you'd rather not take part on these terms, you can leave "
                + "before then (\"leave programme " + name + "\") or erase your data (\"delete my data\"). "
                + "Say \"privacy\" to read the notice.";
    }
}
