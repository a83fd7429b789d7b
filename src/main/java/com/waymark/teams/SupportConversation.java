package com.waymark.teams;

import java.util.List;
import java.util.Optional;

import com.microsoft.bot.builder.MessageFactory;
import com.microsoft.bot.schema.Activity;
import com.waymark.care.CoachCallService;
import com.waymark.care.SupportCheck;
import com.waymark.care.SupportReason;
import com.waymark.care.SupportResources;
import com.waymark.checkin.CheckInResult;
import com.waymark.programme.Participant;
import com.waymark.programme.Programme;
import com.waymark.programme.ProgrammeService;
import org.springframework.stereotype.Component;

/**
 * Duty of care in the 1:1 chat: after a check-in that suggests someone is struggling, a kind card matched to what
 * they said (care.SupportTier), with an offer to ask their coach to call; and {@code support}, every place to turn,
 * at any time. Only pressing "Please ask my coach to call me" tells anyone anything.
 */
@Component
class SupportConversation {

    private final SupportResources resources;
    private final CoachCallService coachCalls;
    private final ProgrammeService programmes;

    SupportConversation(SupportResources resources, CoachCallService coachCalls, ProgrammeService programmes) {
        this.resources = resources;
        this.coachCalls = coachCalls;
        this.programmes = programmes;
    }

    static boolean handles(Command command) {
        return command instanceof Command.RequestCoachCall || command instanceof Command.ShowSupport;
    }

    /** The support card to follow a saved check-in, when one is called for; otherwise nothing. */
    List<Activity> afterCheckIn(CheckInResult.Saved saved) {
        List<Integer> ratings = saved.trend().wellbeing();
        // The trend ends with the check-in just saved; the ones before it are "how you have been".
        List<Integer> earlier = ratings.isEmpty() ? ratings : ratings.subList(0, ratings.size() - 1);
        Optional<SupportReason> reason = SupportCheck.assess(saved.checkIn().getWellbeing(), earlier,
                saved.checkIn().getReflection());
        long participantId = saved.checkIn().getParticipantId();
        return reason.map(r -> List.of(ParticipantConversation.card(TrustCards.support(r,
                resources.offeredAt(r.tier()), resources.dangerLine(), coachToTell(participantId))))).orElse(List.of());
    }

    List<Activity> handle(Participant person, Command command) {
        if (command instanceof Command.ShowSupport) {
            return List.of(supportCard(person.getId()));
        }
        if (!(command instanceof Command.RequestCoachCall)) {
            throw new IllegalArgumentException("Not a support command: " + command.getClass().getSimpleName());
        }
        Long programmeId = currentProgramme(person.getId());
        if (programmes.callRecipients(person.getId(), programmeId).isEmpty()) {
            // An old card, or the coaching team has left since: say so, and put the help in front of them again.
            return List.of(MessageFactory.text("I'm sorry: you're not in a programme with a coach I could pass a "
                    + "message to, so I can't ask anyone to call you."), supportCard(person.getId()));
        }
        boolean recorded = coachCalls.request(person.getId(), programmeId);
        String said = recorded
                ? "Thank you for asking. I've recorded that you'd like your coach to call you, and I'll pass it on "
                        + "to them."
                : "You've already asked for your coach to call you, and that request is still waiting to be passed "
                        + "on.";
        // No emergency number here: the card they pressed already showed whatever their check-in called for.
        return List.of(MessageFactory.text(said + " Waymark isn't an emergency service: if you need someone before "
                + "they call, say **support** for people who are there for you."));
    }

    private Activity supportCard(long participantId) {
        return ParticipantConversation.card(TrustCards.supportCard(resources, coachToTell(participantId)));
    }

    private boolean coachToTell(long participantId) {
        return !programmes.callRecipients(participantId, currentProgramme(participantId)).isEmpty();
    }

    private Long currentProgramme(long participantId) {
        return programmes.current(participantId).map(Programme::getId).orElse(null);
    }
}
