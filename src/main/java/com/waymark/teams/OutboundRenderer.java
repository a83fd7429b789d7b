package com.waymark.teams;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
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
import com.waymark.schedule.OccurrencePayload;
import com.waymark.schedule.OutboundMessage;
import org.springframework.stereotype.Component;

/** Turns an outbox message into what Teams shows. Every message names the programme it is about. */
@Component
class OutboundRenderer {


    private final PromptLibrary prompts;
    private final PeerCoachingParticipation pairing;
    private final TeamInsights insights;
    private final ObjectMapper json;
    private final int maxReflectionChars;
    private final CoachCallService coachCalls;
    private final NameDirectory names;
    private final SupportResources support;
    private final ProgrammeService programmes;
    private final StaffInvitations invitations;
    private final Clock clock;

    OutboundRenderer(PromptLibrary prompts, ObjectMapper json,
                     CheckInSettings checkin,
                     PeerCoachingParticipation pairing, TeamInsights insights, CoachCallService coachCalls,
                     NameDirectory names, SupportResources support, ProgrammeService programmes,
                     StaffInvitations invitations, Clock clock) {
        this.invitations = invitations;
        this.support = support;
        this.programmes = programmes;
        this.clock = clock;
        this.coachCalls = coachCalls;
        this.names = names;
        this.insights = insights;
        this.prompts = prompts;
        this.pairing = pairing;
        this.json = json;
        this.maxReflectionChars = checkin.maxReflectionChars();
    }

    List<Activity> render(OutboundMessage message) {
        switch (message.kind()) {
            case CHECKIN_PROMPT:
            case CHECKIN_REMINDER: {
                OccurrencePayload payload = OccurrencePayload.fromJson(message.payload());
                Prompt prompt = prompts.find(payload.promptId()).orElse(prompts.all().iterator().next());
                String closes = DateText.when(payload.closesAt(), ZoneId.of(payload.timeZone()), clock);
                AdaptiveCard card = WaymarkCards.scheduledCheckIn(payload, prompt, maxReflectionChars, closes,
                        message.kind() == com.waymark.schedule.OutboxMessage.Kind.CHECKIN_REMINDER);
                return List.of(ParticipantConversation.card(card));
            }
            case SESSION_DIGEST: {
                // Composed when sent, not when queued: the digest covers everything up to the moment it arrives.
                JsonNode payload = read(message.payload());
                return insights.digest(message.participantId(), payload.path("programmeId").asLong(),
                                Instant.parse(payload.path("startsAt").asText()), payload.path("sessionId").asLong())
                        .map(digest -> List.of(ParticipantConversation.card(InsightCards.digest(digest))))
                        .orElse(List.of());
            }
            case PAIRING_NUDGE: {
                // Read when sent, not when queued: a nudge whose group has changed since is not sent at all.
                JsonNode payload = read(message.payload());
                return pairing.nudge(payload.path("memberId").asLong(), payload.path("groupId").asLong(),
                                payload.path("rematch").asBoolean())
                        .map(nudge -> List.of(ParticipantConversation.card(PairingCards.nudge(nudge))))
                        .orElse(List.of());
            }
            case PAIRING_FOLLOW_UP: {
                JsonNode payload = read(message.payload());
                return pairing.followUp(payload.path("followUpId").asLong())
                        .map(question -> List.of(ParticipantConversation.card(PairingCards.followUp(question))))
                        .orElse(List.of());
            }
            case COACH_CALL: {
                // Named when sent, from ids: a person who erased their data meanwhile is not named, nor asked for.
                JsonNode payload = read(message.payload());
                return coachCalls.find(payload.path("requestId").asLong())
                        .map(request -> List.of(ParticipantConversation.card(TrustCards.coachCall(
                                PlainText.of(names.personName(request.getParticipantId())
                                        .orElse("one of your participants")),
                                PlainText.of(names.programmeName(payload.path("programmeId").asLong())
                                        .orElse("your programme")), support.resources()))))
                        .orElse(List.of());
            }
            case THRESHOLD_LOWERED: {
                // Read when sent: a lowering the coach took back meanwhile is not announced.
                JsonNode payload = read(message.payload());
                int to = payload.path("to").asInt();
                Instant from = Instant.parse(payload.path("from").asText());
                return programmes.find(payload.path("programmeId").asLong())
                        .filter(p -> p.loweringAfter(clock.instant()).map(l -> l.to() == to && l.from().equals(from))
                                .orElse(p.thresholdAt(clock.instant()) == to))
                        .map(p -> List.of(MessageFactory.text(thresholdLowered(p, payload.path("was").asInt(), to,
                                from)))).orElse(List.of());
            }
            case STAFF_JOINED: {
                // Named when sent: someone who left the team or erased their data meanwhile is not named.
                JsonNode payload = read(message.payload());
                return invitations.joined(payload.path("staffMemberId").asLong())
                        .map(joined -> List.of(MessageFactory.text(staffJoined(joined)))).orElse(List.of());
            }
            default:
                // Plain sentences composed by a module, which may name a programme: plain text as a whole.
                return List.of(MessageFactory.text(PlainText.of(read(message.payload()).path("text").asText())));
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

    private JsonNode read(String payload) {
        try {
            return json.readTree(payload == null ? "{}" : payload);
        } catch (java.io.IOException e) {
            throw new IllegalArgumentException("Unreadable payload", e);
        }
    }
}
