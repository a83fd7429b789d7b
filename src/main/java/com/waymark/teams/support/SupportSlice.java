package com.waymark.teams.support;

import java.util.List;
import java.util.Optional;

import com.microsoft.bot.schema.Activity;
import com.waymark.care.CoachCallService;
import com.waymark.care.SupportCheck;
import com.waymark.care.SupportReason;
import com.waymark.care.SupportResources;
import com.waymark.checkin.CheckInResult;
import com.waymark.programme.Programme;
import com.waymark.programme.ProgrammeService;
import com.waymark.teams.CardSubmit;
import com.waymark.teams.FeatureSlice;
import com.waymark.teams.HelpLine;
import com.waymark.teams.Phrase;
import com.waymark.teams.Reply;
import com.waymark.teams.TrustCards;
import com.waymark.teams.Turn;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Duty of care in the 1:1 chat: after a check-in that suggests someone is struggling, a kind card matched to what
 * they said (care.SupportTier), with an offer to ask their coach to call; and {@code support}, every place to turn,
 * at any time. Only pressing "Please ask my coach to call me" tells anyone anything. None of it waits for consent.
 */
@Component
@Order(80)
public class SupportSlice implements FeatureSlice<SupportCommand> {

    public static final String REQUEST_COACH_CALL = "requestCoachCall";
    public static final String SHOW_SUPPORT = "showSupport";

    private final SupportResources resources;
    private final CoachCallService coachCalls;
    private final ProgrammeService programmes;

    SupportSlice(SupportResources resources, CoachCallService coachCalls, ProgrammeService programmes) {
        this.resources = resources;
        this.coachCalls = coachCalls;
        this.programmes = programmes;
    }

    @Override
    public Optional<SupportCommand> parse(Phrase phrase) {
        return phrase.is("support", "where to find support", "support card", "get support", "i need support",
                "wellbeing support", "help and support", "support services")
                ? Optional.of(new SupportCommand.Show()) : Optional.empty();
    }

    @Override
    public Optional<SupportCommand> parseCard(CardSubmit submit) {
        return switch (submit.action()) {
            case REQUEST_COACH_CALL -> Optional.of(new SupportCommand.RequestCoachCall());
            case SHOW_SUPPORT -> Optional.of(new SupportCommand.Show());
            default -> Optional.empty();
        };
    }

    @Override
    public List<HelpLine> help() {
        return List.of(HelpLine.participant("**support** – people to talk to, in confidence, whenever you need them"));
    }

    @Override
    public List<Activity> handle(Turn turn, SupportCommand command) {
        return command instanceof SupportCommand.RequestCoachCall ? requestCall(turn.participantId())
                : List.of(supportCard(turn.participantId()));
    }

    /**
     * The support card to follow a saved check-in, when one is called for; otherwise nothing. {@code currentProgrammeId}
     * is the person's current programme as the check-in found it ({@code ProgrammeService.CheckInProgrammes}), so the
     * card's offer of a call asks about the same one a later request goes to, without reading it again.
     */
    public List<Activity> afterCheckIn(CheckInResult.Saved saved, Long currentProgrammeId) {
        List<Integer> ratings = saved.trend().wellbeing();
        // The trend ends with the check-in just saved; the ones before it are "how you have been".
        List<Integer> earlier = ratings.isEmpty() ? ratings : ratings.subList(0, ratings.size() - 1);
        Optional<SupportReason> reason = SupportCheck.assess(saved.wellbeing(), earlier, saved.reflection());
        long participantId = saved.participantId();
        return reason.map(r -> List.of(Reply.card(TrustCards.support(r, resources.offeredAt(r.tier()),
                resources.dangerLine(), programmes.hasCallRecipient(participantId, currentProgrammeId)))))
                .orElse(List.of());
    }

    private List<Activity> requestCall(long participantId) {
        Long programmeId = currentProgramme(participantId);
        if (programmes.callRecipients(participantId, programmeId).isEmpty()) {
            // An old card, or the coaching team has left since: say so, and put the help in front of them again.
            return List.of(Reply.text("I'm sorry: you're not in a programme with a coach I could pass a "
                    + "message to, so I can't ask anyone to call you."), supportCard(participantId));
        }
        boolean recorded = coachCalls.request(participantId, programmeId);
        String said = recorded
                ? "Thank you for asking. I've recorded that you'd like your coach to call you, and I'll pass it on "
                        + "to them."
                : "You've already asked for your coach to call you, and that request is still waiting to be passed "
                        + "on.";
        // No emergency number here: the card they pressed already showed whatever their check-in called for.
        return List.of(Reply.text(said + " Waymark isn't an emergency service: if you need someone before "
                + "they call, say **support** for people who are there for you."));
    }

    private Activity supportCard(long participantId) {
        return Reply.card(TrustCards.supportCard(resources, coachToTell(participantId)));
    }

    private boolean coachToTell(long participantId) {
        return programmes.hasCallRecipient(participantId, currentProgramme(participantId));
    }

    private Long currentProgramme(long participantId) {
        return programmes.current(participantId).map(Programme::getId).orElse(null);
    }
}
