package com.waymark.teams.pairing;

import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

import com.microsoft.bot.schema.Activity;
import com.waymark.pairing.PairingMode;
import com.waymark.pairing.PairingProblem;
import com.waymark.pairing.PeerCoachingService.RoundOutcome;
import com.waymark.pairing.PeerCoachingParticipation;
import com.waymark.pairing.PeerCoachingParticipation.FollowUpOutcome;
import com.waymark.pairing.PeerCoachingService;
import com.waymark.pairing.PlanSettings;
import com.waymark.programme.EnrolmentService;
import com.waymark.programme.Participant;
import com.waymark.programme.Programme;
import com.waymark.programme.ProgrammeProblem;
import com.waymark.programme.ProgrammeService;
import com.waymark.schedule.PersonalScheduleService;
import com.waymark.schedule.ScheduleProblem;
import com.waymark.teams.AdaptiveCard;
import com.waymark.teams.CalendarInput;
import com.waymark.teams.CardIds;
import com.waymark.teams.CardSubmit;
import com.waymark.teams.FeatureSlice;
import com.waymark.teams.HelpLine;
import com.waymark.teams.PairingCards;
import com.waymark.teams.Phrase;
import com.waymark.teams.PlainText;
import com.waymark.teams.ProgrammeCards;
import com.waymark.teams.Reply;
import com.waymark.teams.Turn;
import com.waymark.teams.myclock.MyClockSlice;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Peer coaching in a 1:1 chat: coaches set the plan, forbid pairs, run a round and read the confidential
 * summary; participants see their pairings, step out of a round, opt out or in, and answer the follow-up. Its
 * messages are worded by {@link PairingWordings}. The follow-up answer is refused before consent by the domain.
 */
@Component
@Order(60)
public class PeerCoachingSlice implements FeatureSlice<PeerCoachingCommand> {

    public static final String SAVE_PEER_COACHING = "savePeerCoaching";
    public static final String SHOW_FORBID_PAIR = "showForbidPair";
    public static final String FORBID_PAIR = "forbidPair";
    public static final String PAIR_NOW = "pairNow";
    public static final String CANT_THIS_ROUND = "pairingCantThisRound";
    public static final String PAIRING_OPT_OUT = "pairingOptOut";
    public static final String PAIRING_FOLLOW_UP = "pairingFollowUp";
    public static final String MY_PAIRINGS = "myPairings";

    private final PeerCoachingService coaching;
    private final PeerCoachingParticipation participation;
    private final ProgrammeService programmes;
    private final EnrolmentService enrolment;
    private final PersonalScheduleService personal;
    private final CardIds cardIds;

    PeerCoachingSlice(PeerCoachingService coaching, PeerCoachingParticipation participation,
                        ProgrammeService programmes, EnrolmentService enrolment, PersonalScheduleService personal,
                        CardIds cardIds) {
        this.cardIds = cardIds;
        this.coaching = coaching;
        this.participation = participation;
        this.programmes = programmes;
        this.enrolment = enrolment;
        this.personal = personal;
    }

    @Override
    public Optional<PeerCoachingCommand> parse(Phrase phrase) {
        if (phrase.is("peer coaching", "peer-coaching", "pairing", "pairing plan", "peer coaching plan",
                "set up peer coaching")) {
            return Optional.of(new PeerCoachingCommand.ShowPlan());
        }
        if (phrase.is("pair now", "pair people now", "pairing now", "run pairing", "run a round")) {
            return Optional.of(new PeerCoachingCommand.PairNow());
        }
        if (phrase.is("forbid pair", "forbid a pair", "never pair", "forbidden pairs")) {
            return Optional.of(new PeerCoachingCommand.ShowForbidPair());
        }
        if (phrase.is("pairs", "pairs summary", "pairing summary", "peer coaching summary")) {
            return Optional.of(new PeerCoachingCommand.ShowPairs());
        }
        if (phrase.is("my pairings", "my pairing", "my pairs", "my peer coaching", "my partners", "my partner")) {
            return Optional.of(new PeerCoachingCommand.MyPairings());
        }
        if (phrase.is("can't this round", "cant this round", "can’t this round", "can't make this round",
                "cant make this round", "can’t make this round", "not this round")) {
            return Optional.of(new PeerCoachingCommand.CantThisRound(null));
        }
        if (phrase.is("opt out of peer coaching", "opt out of pairing", "opt out of pairings",
                "opt-out of peer coaching", "stop peer coaching", "no peer coaching", "opt out")) {
            return Optional.of(new PeerCoachingCommand.OptOut());
        }
        if (phrase.is("opt in", "opt back in", "opt in to peer coaching", "opt into peer coaching",
                "opt in to pairing", "opt in to pairings", "start peer coaching")) {
            return Optional.of(new PeerCoachingCommand.OptIn());
        }
        return Optional.empty();
    }

    @Override
    public Optional<PeerCoachingCommand> parseCard(CardSubmit submit) {
        return Optional.ofNullable(switch (submit.action()) {
            case SAVE_PEER_COACHING -> new PeerCoachingCommand.SavePlan(submit.value("everyWeeks"),
                    submit.value("weekday"), submit.value("time"), submit.value("mode"), submit.value("totalRounds"),
                    submit.value("followUpDays"), submit.value("groupId"));
            case SHOW_FORBID_PAIR -> new PeerCoachingCommand.ShowForbidPair();
            case FORBID_PAIR -> new PeerCoachingCommand.ForbidPair(submit.value("first"), submit.value("second"));
            case PAIR_NOW -> new PeerCoachingCommand.PairNow();
            case CANT_THIS_ROUND -> new PeerCoachingCommand.CantThisRound(submit.value("memberId"));
            case PAIRING_OPT_OUT -> new PeerCoachingCommand.OptOut();
            case PAIRING_FOLLOW_UP -> new PeerCoachingCommand.AnswerFollowUp(submit.value("followUpId"),
                    submit.value("met"), submit.value("usefulness"), submit.value("oneThing"));
            case MY_PAIRINGS -> new PeerCoachingCommand.MyPairings();
            default -> null;
        });
    }

    @Override
    public List<HelpLine> help() {
        return List.of(HelpLine.participant("**my pairings**, **can't this round**, **opt out of peer coaching**, "
                + "**opt in** – peer coaching"),
                HelpLine.coach("**peer coaching** (the plan), **pair now**, **forbid pair**, **pairs** (a confidential "
                        + "summary)"));
    }

    @Override
    public List<Activity> handle(Turn turn, PeerCoachingCommand command) {
        try {
            return dispatch(turn.participant(), command);
        } catch (PairingProblem | ProgrammeProblem | ScheduleProblem problem) {
            return text(PlainText.of(problem.getMessage()));
        }
    }

    private List<Activity> dispatch(Participant person, PeerCoachingCommand command) {
        long id = person.getId();
        if (command instanceof PeerCoachingCommand.ShowPlan) {
            Programme programme = programmes.currentCoached(id);
            return card(PairingCards.plan(programme, coaching.plans(id, programme.getId()),
                    programmes.groups(programme.getId())));
        }
        if (command instanceof PeerCoachingCommand.SavePlan save) {
            return savePlan(id, save);
        }
        if (command instanceof PeerCoachingCommand.PairNow) {
            return pairNow(id);
        }
        if (command instanceof PeerCoachingCommand.ShowForbidPair) {
            Programme programme = programmes.currentCoached(id);
            return card(PairingCards.forbid(programme, enrolment.members(programme.getId()),
                    coaching.forbidden(id, programme.getId()),
                    m -> cardIds.seal(CardIds.Kind.PERSON, id, m.participant().getId())));
        }
        if (command instanceof PeerCoachingCommand.ForbidPair forbid) {
            Programme programme = programmes.currentCoached(id);
            var pair = coaching.forbid(id, programme.getId(), person(id, forbid.first()), person(id, forbid.second()));
            return text("Noted: " + PlainText.of(pair.first()) + " and " + PlainText.of(pair.second())
                    + " will never be paired in \"" + PlainText.of(programme.getName())
                    + "\". Neither of them is told.");
        }
        if (command instanceof PeerCoachingCommand.ShowPairs) {
            Programme programme = programmes.currentCoached(id);
            return card(PairingCards.pairs(coaching.summary(id, programme.getId())));
        }
        if (command instanceof PeerCoachingCommand.MyPairings) {
            return card(PairingCards.mine(participation.mine(id), personal.zone(person.info())));
        }
        if (command instanceof PeerCoachingCommand.CantThisRound cant) {
            return cantThisRound(id, cant);
        }
        if (command instanceof PeerCoachingCommand.OptOut) {
            List<String> names = participation.optOut(id);
            return text(names.isEmpty() ? "You're not taking part in a programme right now, so there's no peer "
                    + "coaching to opt out of."
                    : "Done: no more peer-coaching pairings for you in " + quoted(names) + ". If you were paired this "
                    + "round, I'll let your partner know kindly. Say \"opt in\" whenever you'd like to be paired again.");
        }
        if (command instanceof PeerCoachingCommand.OptIn) {
            List<String> names = participation.optIn(id);
            return text(names.isEmpty() ? "You're not taking part in a programme right now. If your coach gave you a "
                    + "code, send \"join\" and the code, for example: join ABC-123"
                    : "You're in: you'll be included in peer coaching in " + quoted(names) + " from the next round.");
        }
        if (command instanceof PeerCoachingCommand.AnswerFollowUp answer) {
            return answerFollowUp(person, answer);
        }
        throw new IllegalArgumentException("Not a peer-coaching command: " + command.getClass().getSimpleName());
    }

    private List<Activity> savePlan(long coachId, PeerCoachingCommand.SavePlan save) {
        Programme programme = programmes.currentCoached(coachId);
        PairingMode mode;
        try {
            mode = PairingMode.parse(save.mode() == null ? "progression" : save.mode());
        } catch (IllegalArgumentException e) {
            throw new PairingProblem("Choose how to pair people: same-role, cross-role, cross-organisation or "
                    + "progression.");
        }
        Long groupId = ProgrammeCards.everyone(save.groupId()) ? null
                : ProgrammeCards.chosenId(save.groupId(), "group");
        PlanSettings settings = new PlanSettings(wholeNumber(save.everyWeeks(), 2),
                MyClockSlice.weekday(save.weekday() == null ? "MONDAY" : save.weekday()),
                CalendarInput.time(save.time() == null ? "09:00" : save.time(), "09:00"), mode,
                wholeNumber(save.totalRounds(), 6), wholeNumber(save.followUpDays(), 3), groupId);
        PeerCoachingService.PlanView plan = coaching.savePlan(coachId, programme.getId(), settings);
        return text("Saved: peer coaching for \"" + PlainText.of(programme.getName()) + "\" ("
                + (plan.groupName() == null ? "everyone" : "group " + PlainText.of(plan.groupName())) + "), "
                + PairingCards.describe(plan) + " Say \"pair now\" to run a round straight away.");
    }

    private List<Activity> pairNow(long coachId) {
        Programme programme = programmes.currentCoached(coachId);
        List<RoundOutcome> runs = coaching.pairNow(coachId, programme.getId());
        String lines = runs.stream().map(run -> "Round " + run.roundNumber() + " of " + run.totalRounds() + " ("
                + PairingCards.modeForCoaches(run.mode()) + "): " + describe(run)).collect(Collectors.joining("\n\n"));
        return text("Peer coaching for \"" + PlainText.of(programme.getName()) + "\" – " + lines);
    }

    public static String describe(RoundOutcome run) {
        String withoutChat = run.withoutChat() == 0 ? "" : " " + run.withoutChat()
                + (run.withoutChat() == 1 ? " person who agreed has" : " people who agreed have")
                + " no 1:1 chat with me yet, so I can't reach them: I open one when a coach enrols people from a "
                + "team (\"enrol\" there), or when they first message me.";
        if (!run.anyoneFree()) {
            return "nobody is free to pair right now, so nothing was run and the round is still to come. People take "
                    + "part once they've agreed to the privacy notice and while I can reach them in their 1:1 chat "
                    + "with me, and not while paused, on leave or opted out." + withoutChat;
        }
        String formed = run.pairs() == null
                ? "the pairs are formed (too few people this round to give numbers)"
                : run.pairs() + (run.pairs() == 1 ? " pair" : " pairs")
                + (run.trios() > 0 ? " and " + run.trios() + (run.trios() == 1 ? " trio" : " trios") : "") + " formed";
        return formed + ". Each person's nudge is on its way to their 1:1 chat, and anyone who couldn't be placed "
                + "this time has been told so." + withoutChat;
    }

    private List<Activity> cantThisRound(long id, PeerCoachingCommand.CantThisRound cant) {
        long memberId;
        if (cant.memberId() == null) {
            memberId = participation.currentMember(id).orElseThrow(() -> new PairingProblem(
                    "You're not paired in a round right now, so there's nothing to step out of."));
        } else {
            memberId = ProgrammeCards.chosenId(cant.memberId(), "pairing");
        }
        var out = participation.cantThisRound(id, memberId);
        String programme = PlainText.of(out.programme());
        return text(out.already() ? "You'd already told me you can't make round " + out.roundNumber() + " of \""
                + programme + "\". Nothing more to do."
                : "Thanks for letting me know – you're out of round " + out.roundNumber() + " of \"" + programme
                + "\". " + switch (out.partnersTold()) {
                    case 0 -> "Nobody is waiting to meet you this round, so there's no one to tell. You'll be "
                            + "included again next round.";
                    case 1 -> "I'll let your partner know kindly. You'll be paired again next round.";
                    default -> "I'll let your partners know kindly. You'll be paired again next round.";
                });
    }

    private List<Activity> answerFollowUp(Participant person, PeerCoachingCommand.AnswerFollowUp answer) {
        long followUpId = ProgrammeCards.chosenId(answer.followUpId(), "follow-up");
        FollowUpOutcome outcome = participation.answer(person.getId(), followUpId, answer.met(), answer.usefulness(),
                answer.oneThing());
        if (outcome instanceof FollowUpOutcome.Snoozed snoozed) {
            ZoneId zone = personal.zone(person.info());
            return text("No problem – I'll ask again " + PairingCards.when(snoozed.until(), zone) + ".");
        }
        if (outcome instanceof FollowUpOutcome.AlreadyAnswered) {
            return text("You've already answered this one – thank you.");
        }
        var met = ((FollowUpOutcome.Saved) outcome).met();
        return text(switch (met) {
            case YES -> "Thank you – glad you met. Your answers are saved; only you see them (\"my pairings\"). "
                    + "Coaches see only totals across several people.";
            case NO -> "Thanks for letting me know. There's always next round.";
            case NOT_YET -> "Thanks – I won't ask about this round again.";
        });
    }

    /** A person chosen on this coach's own forbid-pair card; any other id reads as "not on the card". */
    private long person(long coachId, String cardId) {
        return cardIds.open(CardIds.Kind.PERSON, coachId, cardId).orElseThrow(() -> new PairingProblem(
                "Please choose both people from the list on the \"forbid pair\" card."));
    }

    private static String quoted(List<String> names) {
        return names.stream().map(n -> "\"" + PlainText.of(n) + "\"").collect(Collectors.joining(", "));
    }

    private static int wholeNumber(String raw, int fallback) {
        if (raw == null || raw.isBlank()) {
            return fallback;
        }
        try {
            return (int) Math.round(Double.parseDouble(raw.strip()));
        } catch (NumberFormatException e) {
            throw new PairingProblem("Please use whole numbers for the weeks, rounds and days.");
        }
    }

    private static List<Activity> text(String text) {
        return List.of(Reply.text(text));
    }

    private static List<Activity> card(AdaptiveCard card) {
        return List.of(Reply.card(card));
    }
}
