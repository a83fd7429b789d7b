package com.waymark.teams;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import com.microsoft.bot.builder.MessageFactory;
import com.microsoft.bot.builder.TurnContext;
import com.microsoft.bot.schema.Activity;
import com.microsoft.bot.schema.ChannelAccount;
import com.microsoft.bot.schema.ConversationReference;
import com.microsoft.bot.schema.Serialization;
import com.microsoft.bot.schema.teams.TeamsChannelAccount;
import com.waymark.programme.MembershipInfo;
import com.waymark.programme.EnrolmentService;
import com.waymark.programme.Participant;
import com.waymark.programme.ParticipantService;
import com.waymark.programme.Programme;
import com.waymark.programme.ProgrammeProblem;
import com.waymark.programme.ProgrammeService;
import com.waymark.programme.TeamConversation;
import com.waymark.programme.TeamLinkService;
import com.waymark.programme.TeamsIdentity;
import jakarta.annotation.PreDestroy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.stereotype.Component;

/**
 * Enrolment from a Teams roster: reads the team's or chat's members page by page, enrols each into the
 * coach's programme and opens a private 1:1 chat to welcome them. Sends run in the background, paced,
 * and end with a summary in the team, so a large team never times out the coach's turn.
 */
@EnableConfigurationProperties(EnrolSettings.class)
@Component
public class RosterEnrolment {

    /** What one roster run did, for the summary in the team. */
    record Tally(int welcomed, int notified, int alreadyIn, int coaches, int failed) {
    }

    private static final Logger log = LoggerFactory.getLogger(RosterEnrolment.class);

    private final ParticipantService participants;
    private final ProgrammeService programmes;
    private final EnrolmentService enrolment;
    private final TeamLinkService teamLinks;
    private final ProactiveSender sender;
    private final RosterReader rosterReader;
    private final long paceMillis;
    private final NoticeCards notices;
    private final ExecutorService background = Executors.newSingleThreadExecutor(r -> {
        Thread thread = new Thread(r, "waymark-roster");
        thread.setDaemon(true);
        return thread;
    });

    RosterEnrolment(ParticipantService participants, ProgrammeService programmes, EnrolmentService enrolment,
                    TeamLinkService teamLinks, ProactiveSender sender, RosterReader rosterReader,
                    EnrolSettings settings, NoticeCards notices) {
        this.notices = notices;
        this.participants = participants;
        this.programmes = programmes;
        this.enrolment = enrolment;
        this.teamLinks = teamLinks;
        this.sender = sender;
        this.rosterReader = rosterReader;
        this.paceMillis = settings.paceMs();
    }

    /** "enrol" in a team or group chat: everyone in it. */
    public CompletableFuture<List<Activity>> enrolEveryone(TurnContext turn, Participant coach) {
        Programme programme = programmes.currentCoached(coach.getId());
        TeamConversation team = TurnFacts.teamConversation(turn.getActivity());
        teamLinks.link(team, programme.getId());
        return roster(turn).thenApply(members -> start(turn, coach, programme, members, MembershipInfo.Via.ROSTER,
                null));
    }

    /** The coach picked people from the roster on a card. */
    public CompletableFuture<List<Activity>> enrolChosen(TurnContext turn, Participant coach, Set<String> memberIds,
                                                  Long groupId) {
        Programme programme = programmes.currentCoached(coach.getId());
        // Checked before anyone is enrolled: a group found wrong halfway would leave people enrolled but not placed.
        if (groupId != null && programmes.groups(programme.getId()).stream()
                .noneMatch(g -> g.id() == groupId)) {
            throw new BadInput("That group isn't part of \"" + programme.getName() + "\", so nobody was added. "
                    + "Say \"add people\" for a fresh card and choose a group from its list.");
        }
        return roster(turn).thenApply(members -> {
            List<TeamsChannelAccount> chosen = members.stream().filter(m -> memberIds.contains(m.getId())).toList();
            return chosen.isEmpty() ? List.of(MessageFactory.text("None of the people chosen are in this chat now, so "
                    + "nobody was added. Say \"add people\" for a fresh card."))
                    : start(turn, coach, programme, chosen, MembershipInfo.Via.CARD, groupId);
        });
    }

    /** Everyone in this team (by team id) or group chat (by conversation id), the bot left out. */
    public CompletableFuture<List<TeamsChannelAccount>> roster(TurnContext turn) {
        TeamConversation here = TurnFacts.teamConversation(turn.getActivity());
        String id = here.teamId() != null ? here.teamId() : here.conversationId();
        return rosterReader.readAll(turn.getActivity().getServiceUrl(), id).thenApply(all -> all.stream()
                .filter(m -> !TurnFacts.isBot(turn.getActivity(), m)).toList());
    }

    /** Who is in this team or group chat, as Teams identifies them (the bot left out). */
    public CompletableFuture<List<TeamsIdentity>> people(TurnContext turn) {
        return roster(turn).thenApply(members -> members.stream()
                .map(member -> TurnFacts.identity(turn.getActivity(), member)).toList());
    }

    private List<Activity> start(TurnContext turn, Participant coach, Programme programme,
                                 List<TeamsChannelAccount> members, MembershipInfo.Via via, Long groupId) {
        Activity activity = turn.getActivity();
        String tenant = TurnFacts.tenantId(activity);
        ChannelAccount bot = activity.getRecipient();
        ConversationReference here = activity.getConversationReference();
        String coachName = coach.getDisplayName() == null ? "your coach" : coach.getDisplayName();
        background.submit(() -> {
            Tally tally = enrolAll(programme, members, via, groupId, activity.getServiceUrl(), tenant, bot, coachName);
            sender.send(here, List.of(MessageFactory.text(summary(programme, tally)))).exceptionally(e -> {
                log.warn("Could not post the enrolment summary: {}", e.getClass().getSimpleName());
                return null;
            });
        });
        return List.of(MessageFactory.text("Enrolling " + members.size() + (members.size() == 1 ? " person" : " people")
                + " from this chat into \"" + PlainText.of(programme.getName())
                + "\". Each gets a private welcome from me with "
                + "the privacy notice; I'll post a summary here when I'm done."));
    }

    private Tally enrolAll(Programme programme, List<TeamsChannelAccount> members, MembershipInfo.Via via, Long groupId,
                           String serviceUrl, String tenant, ChannelAccount bot, String coachName) {
        Set<Long> staff = programmes.staffIds(programme.getId());
        int welcomed = 0, notified = 0, alreadyIn = 0, coaches = 0, failed = 0;
        for (TeamsChannelAccount member : members) {
            try {
                TeamsIdentity identity = new TeamsIdentity(tenant, member.getId(), member.getAadObjectId(),
                        member.getName(), null);
                Participant person = participants.recognise(identity, null);
                if (staff.contains(person.getId())) {
                    coaches++;
                    continue;
                }
                var enrolled = enrolment.enrol(programme.getId(), person.getId(), via);
                if (groupId != null) {
                    enrolment.assignGroup(programme.getId(), person.getId(), groupId);
                }
                if (!enrolled.added()) {
                    alreadyIn++;
                    continue;
                }
                boolean needsWelcome = person.getWelcomedAt() == null;
                List<Activity> messages = new ArrayList<>();
                // Someone welcomed before reads this programme's own threshold and retention here; a first-timer in
                // the notice below, which is rendered with this programme.
                messages.add(MessageFactory.text(intro(member, coachName, programme, needsWelcome)
                        + (needsWelcome ? "" : " " + notices.termsOf(programme))));
                if (needsWelcome) {
                    messages.add(notices.welcome(person.getId()));
                }
                ConversationReference chat = sender.openPersonalChat(serviceUrl, tenant, bot, member, messages).join();
                participants.recognise(identity, Serialization.toStringSilent(chat));
                if (needsWelcome && participants.claimWelcome(person.getId())) {
                    welcomed++;
                } else {
                    notified++;
                }
            } catch (RuntimeException e) {
                failed++;
                log.warn("Could not enrol or welcome one roster member: {}", e.getClass().getSimpleName());
            }
            pace();
        }
        return new Tally(welcomed, notified, alreadyIn, coaches, failed);
    }

    static String intro(ChannelAccount member, String coachName, Programme programme, boolean firstTime) {
        String first = member.getName() == null ? "" : " " + PlainText.of(member.getName().split(" ")[0]);
        return "Hello" + first + ". " + PlainText.of(coachName) + " has added you to \""
                + PlainText.of(programme.getName()) + "\" on Waymark. "
                + (firstTime ? "I'll help you carry your coaching between sessions. Please read how your answers "
                + "are kept, below, before we start."
                : "Check-ins for this programme will come here too; every message says which programme it's about.");
    }

    static String summary(Programme programme, Tally tally) {
        StringBuilder text = new StringBuilder("Enrolment into \"" + PlainText.of(programme.getName()) + "\" is done: ")
                .append(tally.welcomed()).append(" welcomed");
        if (tally.notified() > 0) {
            text.append(", ").append(tally.notified()).append(" already using Waymark (told, not welcomed again)");
        }
        if (tally.alreadyIn() > 0) {
            text.append(", ").append(tally.alreadyIn()).append(" already in the programme");
        }
        if (tally.coaches() > 0) {
            text.append(", ").append(tally.coaches()).append(" on the coaching team (not enrolled)");
        }
        if (tally.failed() > 0) {
            text.append(", ").append(tally.failed()).append(" I couldn't reach (they may need to install Waymark)");
        }
        return text.append(".").toString();
    }

    private void pace() {
        if (paceMillis <= 0) {
            return;
        }
        try {
            Thread.sleep(paceMillis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @PreDestroy
    void stop() throws InterruptedException {
        background.shutdown();
        background.awaitTermination(10, TimeUnit.SECONDS);
    }
}
