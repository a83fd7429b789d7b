package com.waymark.teams;

import java.net.HttpURLConnection;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

import com.fasterxml.jackson.databind.JsonNode;
import com.microsoft.bot.builder.ActivityHandler;
import com.microsoft.bot.builder.InvokeResponse;
import com.microsoft.bot.builder.MessageFactory;
import com.microsoft.bot.builder.TurnContext;
import com.microsoft.bot.schema.Activity;
import com.microsoft.bot.schema.AdaptiveCardInvokeResponse;
import com.microsoft.bot.schema.AdaptiveCardInvokeValue;
import com.microsoft.bot.schema.ChannelAccount;
import com.microsoft.bot.schema.Serialization;
import com.waymark.privacy.ConsentRequired;
import com.waymark.privacy.ConsentService;
import com.waymark.privacy.PersonLock;
import com.waymark.programme.Participant;
import com.waymark.programme.EnrolmentService;
import com.waymark.programme.ParticipantService;
import com.waymark.programme.TeamLinkService;
import com.waymark.programme.TeamsIdentity;
import com.waymark.teams.help.HelpSlice;
import org.springframework.stereotype.Component;

/**
 * The Teams edge: routes each activity type to a plain domain call and sends back what it returns.
 * Extends {@link ActivityHandler} rather than the SDK's TeamsActivityHandler, whose member-added dispatch
 * makes a blocking roster call per member on every event; we read what we need from the activity itself.
 */
@Component
class WaymarkBot extends ActivityHandler {

    /** Teams passes a team or group chat message to a bot only when it @mentions the bot: so the hello says how. */
    static final String TEAM_HELLO = "Hello, I'm Waymark. I carry leadership coaching between sessions. "
            + "Check-ins, reflections and action plans are private, so I keep them to each person's 1:1 chat "
            + "with me: open a chat with Waymark to start. Here, @mention me so I see your message: coaches can "
            + "say @Waymark enrol to bring everyone in this chat into their programme, or @Waymark help.";

    private final ParticipantService participants;
    private final HelpSlice help;
    private final TeamLinkService teamLinks;
    private final EnrolmentService enrolment;
    private final ConsentService consent;
    private final NoticeCards notices;
    private final DemoChats demo;
    private final FileOffers fileOffers;
    private final Slices slices;
    private final com.waymark.teams.cycle.MeetingEvents meetingEvents;

    WaymarkBot(Slices slices, ParticipantService participants, HelpSlice help,
               TeamLinkService teamLinks, EnrolmentService enrolment, ConsentService consent,
               NoticeCards notices, FileOffers fileOffers, DemoChats demo,
               com.waymark.teams.cycle.MeetingEvents meetingEvents) {
        this.meetingEvents = meetingEvents;
        this.fileOffers = fileOffers;
        this.notices = notices;
        this.demo = demo;
        this.participants = participants;
        this.help = help;
        this.teamLinks = teamLinks;
        this.enrolment = enrolment;
        this.slices = slices;
        this.consent = consent;
    }

    private Command parse(String text, JsonNode value) {
        return slices.read(text, value);
    }

    @Override
    protected CompletableFuture<Void> onMessageActivity(TurnContext turn) {
        Activity activity = turn.getActivity();
        if (!TurnFacts.hasSender(activity)) {
            return CompletableFuture.completedFuture(null);
        }
        JsonNode value = activity.getValue() instanceof JsonNode node ? node : null;
        if (!TurnFacts.isPersonal(activity)) {
            // Never store or echo what is said in a shared chat: only coaching-team commands work there.
            return inSharedChat(turn, slices.readInSharedChat(activity.getText(), value))
                    .thenCompose(replies -> send(turn, replies));
        }
        return send(turn, replyTo(activity, parse(activity.getText(), value)));
    }

    /** A slice's command that works in a team or group chat is answered there; anything else gets help's answer. */
    private CompletableFuture<List<Activity>> inSharedChat(TurnContext turn, Command command) {
        Participant person = participants.recognise(TurnFacts.identity(turn.getActivity()), null);
        try {
            return command instanceof Slices.Sliced<?> sliced && sliced.worksInSharedChat()
                    ? sliced.handleShared(new SharedTurn(turn, person))
                    : CompletableFuture.completedFuture(help.unreadInSharedChat(command));
        } catch (BadInput bad) {
            return CompletableFuture.completedFuture(List.of(MessageFactory.text(PlainText.of(bad.getMessage()))));
        }
    }

    @Override
    protected CompletableFuture<AdaptiveCardInvokeResponse> onAdaptiveCardInvoke(
            TurnContext turn, AdaptiveCardInvokeValue invokeValue) {
        Activity activity = turn.getActivity();
        JsonNode data = Serialization.objectToTree(invokeValue.getAction().getData());
        if (data == null || !data.isObject()) {
            data = Serialization.createObjectNode();
        }
        if (!data.has("action") && invokeValue.getAction().getVerb() != null) {
            ((com.fasterxml.jackson.databind.node.ObjectNode) data).put("action", invokeValue.getAction().getVerb());
        }
        List<Activity> replies = TurnFacts.isPersonal(activity) && TurnFacts.hasSender(activity)
                ? replyTo(activity, parse(null, data))
                : List.of(MessageFactory.text(TEAM_HELLO));
        // Universal Actions replace the card in place: the first reply becomes the new card, the rest follow.
        Activity first = replies.get(0);
        AdaptiveCardInvokeResponse response = new AdaptiveCardInvokeResponse();
        response.setStatusCode(200);
        response.setType(AdaptiveCard.CONTENT_TYPE);
        response.setValue(first.getAttachments() != null && !first.getAttachments().isEmpty()
                ? first.getAttachments().get(0).getContent()
                : AdaptiveCard.create().text(first.getText()).toJson());
        return send(turn, replies.subList(1, replies.size())).thenApply(sent -> response);
    }

    /**
     * Invokes we don't offer (message extensions, handoff…) get a quiet 200, not the SDK's 501, whether the SDK
     * answers 501 or fails the future with its {@code InvokeResponseException} (as it does for unknown invoke names).
     */
    @Override
    protected CompletableFuture<InvokeResponse> onInvokeActivity(TurnContext turn) {
        if (ADAPTIVE_CARD_ACTION.equals(turn.getActivity().getName()) && !hasActionType(turn.getActivity())) {
            // The SDK reads the action's type without a null check: a Universal Action without one failed the turn.
            return CompletableFuture.completedFuture(new InvokeResponse(HttpURLConnection.HTTP_BAD_REQUEST, null));
        }
        if (FileOffers.INVOKE.equals(turn.getActivity().getName())) {
            // Allow or Decline on a file consent card.
            return fileOffers.answer(turn);
        }
        return super.onInvokeActivity(turn).handle((response, failure) -> {
            InvokeResponse answer = response;
            if (failure != null) {
                Throwable cause = failure instanceof CompletionException && failure.getCause() != null
                        ? failure.getCause() : failure;
                if (!(cause instanceof InvokeResponseException invoke)) {
                    throw failure instanceof CompletionException completion ? completion
                            : new CompletionException(failure);
                }
                answer = invoke.createInvokeResponse();
            }
            return answer != null && answer.getStatus() == HttpURLConnection.HTTP_NOT_IMPLEMENTED
                    ? new InvokeResponse(HttpURLConnection.HTTP_OK, null) : answer;
        });
    }

    private static final String ADAPTIVE_CARD_ACTION = "adaptiveCard/action";

    private static boolean hasActionType(Activity activity) {
        JsonNode value = activity.getValue() == null ? null : Serialization.objectToTree(activity.getValue());
        return value != null && value.path("action").path("type").isTextual();
    }

    /** Teams' meeting-end event ends the session recorded in that meeting (the coaching cycle's own component). */
    @Override
    protected CompletableFuture<Void> onEventActivity(TurnContext turn) {
        return meetingEvents.handle(turn.getActivity()) ? CompletableFuture.completedFuture(null)
                : super.onEventActivity(turn);
    }

    /** The SDK skips events where the bot is the only member added or removed: those are the ones we need most. */
    @Override
    protected CompletableFuture<Void> onConversationUpdateActivity(TurnContext turn) {
        Activity activity = turn.getActivity();
        if (activity.getMembersAdded() != null && !activity.getMembersAdded().isEmpty()) {
            return onMembersAdded(activity.getMembersAdded(), turn);
        }
        if (activity.getMembersRemoved() != null && !activity.getMembersRemoved().isEmpty()) {
            return onMembersRemoved(activity.getMembersRemoved(), turn);
        }
        return CompletableFuture.completedFuture(null);
    }

    @Override
    protected CompletableFuture<Void> onMembersAdded(List<ChannelAccount> membersAdded, TurnContext turn) {
        Activity activity = turn.getActivity();
        if (!TurnFacts.isPersonal(activity)) {
            boolean botAdded = membersAdded.stream().anyMatch(m -> TurnFacts.isBot(activity, m));
            boolean news = botAdded && teamLinks.botAdded(TurnFacts.teamConversation(activity));
            return news ? send(turn, List.of(MessageFactory.text(TEAM_HELLO + "\n\n" + help.teamHelp())))
                    : CompletableFuture.completedFuture(null);
        }
        List<Activity> replies = new ArrayList<>();
        for (ChannelAccount member : membersAdded) {
            if (!TurnFacts.isBot(activity, member) && member.getId() != null) {
                replies.addAll(welcomeOnce(activity, TurnFacts.identity(activity, member)));
            }
        }
        return send(turn, replies);
    }

    @Override
    protected CompletableFuture<Void> onMembersRemoved(List<ChannelAccount> membersRemoved, TurnContext turn) {
        Activity activity = turn.getActivity();
        if (TurnFacts.isPersonal(activity)) {
            return CompletableFuture.completedFuture(null);
        }
        var team = TurnFacts.teamConversation(activity);
        for (ChannelAccount member : membersRemoved) {
            if (TurnFacts.isBot(activity, member)) {
                teamLinks.botRemoved(team);
            } else {
                // They left the team: stop messaging them for the programmes this team enrolled them into.
                enrolment.removedFromTeam(team.teamId() != null ? team.teamId() : team.conversationId(),
                        TurnFacts.identity(activity, member));
            }
        }
        return CompletableFuture.completedFuture(null);
    }

    @Override
    protected CompletableFuture<Void> onInstallationUpdateAdd(TurnContext turn) {
        Activity activity = turn.getActivity();
        if (!TurnFacts.isPersonal(activity)) {
            // Teams also sends "bot added" for a team install; the hello goes out from there, once.
            return CompletableFuture.completedFuture(null);
        }
        if (!TurnFacts.hasSender(activity)) {
            return CompletableFuture.completedFuture(null);
        }
        return send(turn, welcomeOnce(activity, TurnFacts.identity(activity)));
    }

    @Override
    protected CompletableFuture<Void> onInstallationUpdateRemove(TurnContext turn) {
        Activity activity = turn.getActivity();
        if (TurnFacts.isPersonal(activity) && TurnFacts.hasSender(activity)) {
            participants.markUnreachable(TurnFacts.identity(activity));
        }
        return CompletableFuture.completedFuture(null);
    }

    /** Install and "bot added" arrive together: whichever comes first welcomes, the other stays silent. */
    private List<Activity> welcomeOnce(Activity activity, TeamsIdentity identity) {
        Participant participant = participants.recognise(identity, TurnFacts.conversationReference(activity));
        List<Activity> replies = new ArrayList<>();
        if (claimWelcome(participant)) {
            replies.add(notices.welcome(participant.getId()));
        }
        // The demo's coach agreed as part of the demo: they are greeted with what to try instead, in each new chat.
        replies.addAll(demo.opened(activity, identity));
        return replies;
    }

    /** Welcomed already, as the turn loaded them: no second trip to the database (the claim itself decides races). */
    private boolean claimWelcome(Participant participant) {
        return participant.getWelcomedAt() == null && participants.claimWelcome(participant.getId());
    }

    private List<Activity> replyTo(Activity activity, Command command) {
        Participant participant = participants.recognise(TurnFacts.identity(activity),
                TurnFacts.conversationReference(activity));
        demo.turn(activity, TurnFacts.identity(activity));
        try {
            List<Activity> replies = replyTo(participant, command, FileOffers.canOfferFiles(activity));
            if (Slices.unwrap(command) instanceof Command.Agreement) {
                // Now that they agreed, keep the time zone Teams reports, so check-ins follow their own clock.
                participants.recognise(TurnFacts.identity(activity), TurnFacts.conversationReference(activity));
            }
            return replies;
        } catch (PersonLock.PersonErased erasedMeanwhile) {
            // Recognised just before their erasure committed: whatever this turn meant to store was not stored.
            return List.of(MessageFactory.text(PersonLock.PersonErased.ANSWER));
        } catch (ConsentRequired notYet) {
            // The services refuse on their own; a command the edge did not gate gets the same answer as one it did.
            return notices.consentFirst(participant.getId());
        }
    }

    /** {@code files}: whether the chat can take a file consent card (Teams' 1:1 chat, {@link FileOffers}). */
    private List<Activity> replyTo(Participant participant, Command command, boolean files) {
        List<Activity> replies = new ArrayList<>();
        boolean firstContact = claimWelcome(participant);
        Command bare = Slices.unwrap(command);
        if (firstContact && !(bare instanceof Command.Agreement)) {
            // The welcome already carries the notice and the consent button: say it once, not twice.
            replies.add(notices.welcome(participant.getId()));
            if (bare instanceof Command.AnsweredByWelcome || command instanceof Command.Unknown
                    || needsConsent(new Turn(participant, files), command)) {
                return replies;
            }
        }
        try {
            replies.addAll(dispatch(participant, command, files));
        } catch (BadInput bad) {
            replies.add(MessageFactory.text(PlainText.of(bad.getMessage())));
        }
        return replies;
    }

    /** The one route: a slice's command to its slice; what no slice read to help's answer for it. */
    private List<Activity> dispatch(Participant participant, Command command, boolean files) {
        if (command instanceof Slices.Refused refused) {
            throw refused.reason();
        }
        Turn turn = new Turn(participant, files);
        if (command instanceof Slices.Sliced<?> sliced) {
            // Nothing of a person's own coaching is recorded or shown before they agree: the notice instead (asked
            // here unless the service asks itself, answered by the ConsentRequired it throws).
            return sliced.needsConsent(turn) && !sliced.consentAskedByService(turn)
                    && !consent.hasConsented(participant.getId())
                    ? notices.consentFirst(participant.getId()) : sliced.handle(turn);
        }
        return help.unread(turn, command);
    }

    /** Whether a command waits for agreement to the privacy notice (a slice says so for its own). */
    private static boolean needsConsent(Turn turn, Command command) {
        return command instanceof Slices.Sliced<?> sliced && sliced.needsConsent(turn);
    }

    private static CompletableFuture<Void> send(TurnContext turn, List<Activity> replies) {
        if (replies.isEmpty()) {
            return CompletableFuture.completedFuture(null);
        }
        return turn.sendActivities(replies).thenApply(sent -> null);
    }
}
