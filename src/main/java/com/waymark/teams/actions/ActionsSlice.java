package com.waymark.teams.actions;

import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.microsoft.bot.schema.Activity;
import com.waymark.checkin.ActionPlanService;
import com.waymark.checkin.ActionResult;
import com.waymark.teams.CardSubmit;
import com.waymark.teams.FeatureSlice;
import com.waymark.teams.HelpLine;
import com.waymark.teams.NoticeCards;
import com.waymark.teams.Phrase;
import com.waymark.teams.Reply;
import com.waymark.teams.Turn;
import com.waymark.teams.WaymarkCards;
import com.waymark.teams.reports.TeamReportsSlice;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * A person's action plan in the 1:1 chat: add, list, mark done, and say what is in the way ("stuck"; coaches only
 * ever see counts of blockers by kind, across the programme's threshold of people). Waits for consent, except
 * "actions" from someone who only coaches: for them the word means their team's action plans (the team report).
 */
@Component
@Order(20)
public class ActionsSlice implements FeatureSlice<ActionsCommand> {

    public static final String COMPLETE_ACTION = "completeAction";
    public static final String SHOW_ACTIONS = "showActions";

    private static final Pattern ADD_ACTION = Pattern.compile("^(?:add action|add|new action)\\b\\s*:?\\s*(.*)$",
            Pattern.CASE_INSENSITIVE | Pattern.DOTALL);
    private static final Pattern STUCK = Pattern.compile("^(?:stuck|blocked|stuck on|blocked on)\\s*#?\\s*(\\d{1,6})"
            + "(?:\\s*[:,.-]?\\s+(.*))?$", Pattern.CASE_INSENSITIVE | Pattern.DOTALL);
    private static final Pattern DONE = Pattern.compile("^(?:done|complete|completed|finished)\\s*#?\\s*(\\S*)$",
            Pattern.CASE_INSENSITIVE);

    private final ActionPlanService actionPlan;
    private final NoticeCards notices;
    private final TeamReportsSlice insight;

    ActionsSlice(ActionPlanService actionPlan, NoticeCards notices, TeamReportsSlice insight) {
        this.actionPlan = actionPlan;
        this.notices = notices;
        this.insight = insight;
    }

    @Override
    public Optional<ActionsCommand> parse(Phrase phrase) {
        return phrase.is("my actions", "actions", "my action plan", "action plan", "my plan")
                ? Optional.of(new ActionsCommand.List()) : Optional.empty();
    }

    /** Loose: "add …" would otherwise take "add group Blue", so these are tried after every other phrase. */
    @Override
    public Optional<ActionsCommand> parseLoosely(Phrase phrase) {
        String text = phrase.text();
        Matcher m = ADD_ACTION.matcher(text);
        if (m.matches()) {
            return Optional.of(new ActionsCommand.Add(m.group(1)));
        }
        if ((m = STUCK.matcher(text)).matches()) {
            return Optional.of(new ActionsCommand.Block(m.group(1), m.group(2)));
        }
        if ((m = DONE.matcher(text)).matches()) {
            return Optional.of(new ActionsCommand.Complete(m.group(1)));
        }
        return Optional.empty();
    }

    @Override
    public Optional<ActionsCommand> parseCard(CardSubmit submit) {
        return switch (submit.action()) {
            case COMPLETE_ACTION -> Optional.of(new ActionsCommand.Complete(submit.data().path("number").asText("")));
            case SHOW_ACTIONS -> Optional.of(new ActionsCommand.List());
            default -> Optional.empty();
        };
    }

    @Override
    public boolean needsConsent(Turn turn, ActionsCommand command) {
        return !(command instanceof ActionsCommand.List && insight.coachesOnly(turn.participant()));
    }

    @Override
    public List<HelpLine> help() {
        return List.of(HelpLine.participant("**add action** and what you will try, for example: add action Protect "
                        + "Friday afternoons"),
                HelpLine.participant("**my actions**; mark one done with its number, **done 1**; note what's in the "
                        + "way, **stuck 1 no time this week**"));
    }

    @Override
    public List<Activity> handle(Turn turn, ActionsCommand command) {
        long id = turn.participantId();
        if (command instanceof ActionsCommand.Add add) {
            return add(id, add);
        }
        if (command instanceof ActionsCommand.Complete done) {
            return complete(id, done);
        }
        if (command instanceof ActionsCommand.Block stuck) {
            return block(id, stuck);
        }
        return insight.coachesOnly(turn.participant()) ? insight.teamActions(turn) : List.of(Reply.card(WaymarkCards.actions(actionPlan.list(id),
                ZoneId.of(turn.participant().getTimeZone()))));
    }

    private List<Activity> add(long id, ActionsCommand.Add add) {
        ActionResult result = actionPlan.add(id, add.text());
        if (result instanceof ActionResult.Added added) {
            int number = added.action().number();
            return List.of(Reply.text("Added to your action plan as number " + number
                    + ". Say \"done " + number + "\" when you've done it."));
        }
        return List.of(Reply.text(((ActionResult.Rejected) result).problem()));
    }

    private List<Activity> block(long id, ActionsCommand.Block stuck) {
        ActionResult result = actionPlan.block(id, Integer.parseInt(stuck.number()), stuck.what());
        if (result instanceof ActionResult.Blocked blocked) {
            return List.of(Reply.text("Noted what's in the way of \"" + blocked.action().text() + "\". "
                    + "Naming it is a step. Your coach only ever sees how many actions are held up by each kind of "
                    + "obstacle, across " + notices.thresholdPhrase(id) + ", never your words. Say \"done "
                    + stuck.number() + "\" when it's done."));
        }
        if (result instanceof ActionResult.AlreadyDone already) {
            return List.of(Reply.text("Action " + already.action().number() + " is already done."));
        }
        if (result instanceof ActionResult.Rejected rejected) {
            return List.of(Reply.text(rejected.problem()));
        }
        return List.of(Reply.text("You have no action number " + ((ActionResult.NotFound) result).number()
                + ". Say \"my actions\" to see your plan."));
    }

    private List<Activity> complete(long id, ActionsCommand.Complete done) {
        if (!done.number().matches("\\d{1,6}")) {
            return List.of(Reply.text("Which action? Say \"done\" and its number from \"my actions\", "
                    + "for example: done 2."));
        }
        ActionResult result = actionPlan.complete(id, Integer.parseInt(done.number()));
        if (result instanceof ActionResult.Completed completed) {
            return List.of(Reply.text("Done – well done on \"" + completed.action().text() + "\". "
                    + (completed.stillOpen() == 0 ? "That was your last open action."
                    : completed.stillOpen() + " still open.")));
        }
        if (result instanceof ActionResult.AlreadyDone already) {
            return List.of(Reply.text("Action " + already.action().number() + " was already marked done."));
        }
        return List.of(Reply.text("You have no action number " + ((ActionResult.NotFound) result).number()
                + ". Say \"my actions\" to see your plan."));
    }
}
