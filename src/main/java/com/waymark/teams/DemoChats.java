package com.waymark.teams;

import java.time.Clock;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

import com.microsoft.bot.schema.Activity;
import com.microsoft.bot.schema.ChannelAccount;
import com.microsoft.bot.schema.ConversationReference;
import com.microsoft.bot.schema.Serialization;
import com.waymark.demo.DemoGuide;
import com.waymark.programme.ParticipantService;
import com.waymark.programme.TeamsIdentity;
import jakarta.annotation.PreDestroy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * The demo in the Agents Playground, when the {@code demo} profile runs (otherwise this does nothing). Its coach is
 * greeted with what to try when they open the chat, once for each chat the Playground opens (a new one each time it
 * starts; its connector remembers nothing). And the 1:1 chats of the leaders who are the Playground's own users are
 * opened through the serviceUrl the coach's turns arrive from, so a peer-coaching nudge reaches them as it would in
 * Teams; the made-up leaders have no chat, and "pair now" says so.
 */
@Component
class DemoChats {

    private static final Logger log = LoggerFactory.getLogger(DemoChats.class);
    private static final DateTimeFormatter SESSION = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    private final DemoGuide demo;
    private final ParticipantService participants;
    private final ProactiveSender sender;
    private final Clock clock;
    private final Set<String> greeted = ConcurrentHashMap.newKeySet();
    /** The connector the Playground people's chats were opened on: the Playground picks a new port each start. */
    private final AtomicReference<String> openedOn = new AtomicReference<>();
    private final ExecutorService background = Executors.newSingleThreadExecutor(task -> {
        Thread thread = new Thread(task, "demo-chats");
        thread.setDaemon(true);
        return thread;
    });

    DemoChats(ObjectProvider<DemoGuide> demo, ParticipantService participants, ProactiveSender sender, Clock clock) {
        this.demo = demo.getIfAvailable();
        this.participants = participants;
        this.sender = sender;
        this.clock = clock;
    }

    /** The 1:1 chat was opened (installed, or the bot added): the demo's coach is greeted, once in each chat. */
    List<Activity> opened(Activity activity, TeamsIdentity identity) {
        if (demo == null || !demo.isCoach(identity)) {
            return List.of();
        }
        reachPlaygroundPeople(activity);
        return greeted.add(activity.getConversation().getId()) ? List.of(Reply.card(greeting()))
                : List.of();
    }

    /** Any 1:1 turn of the demo's coach: if the Playground started again, on another port, reach its people there. */
    void turn(Activity activity, TeamsIdentity identity) {
        if (demo != null && demo.isCoach(identity)) {
            reachPlaygroundPeople(activity);
        }
    }

    AdaptiveCard greeting() {
        String example = SESSION.format(ZonedDateTime.now(clock.withZone(demo.zone())).plusHours(3)
                .truncatedTo(ChronoUnit.HOURS));
        List<String> playground = demo.playgroundPeople().stream().map(p -> PlainText.of(p.name())).toList();
        int madeUp = demo.leaders() - playground.size();
        return AdaptiveCard.create().heading("Welcome to the Waymark demo")
                .text("You coach \"" + PlainText.of(demo.programme()) + "\": " + demo.leaders() + " leaders from "
                        + demo.organisationCount() + " organisations in " + demo.groups().size() + " groups, with "
                        + demo.weeks() + " weeks of check-ins and action plans and " + demo.peerCoachingRounds()
                        + " rounds of peer coaching behind them. They and their answers are made up.")
                .emphasis("Try, as their coach")
                .text("- **summary** – the team at a glance, with the wellbeing trend\n"
                        + "- **themes** – what their reflections are about, named and sized\n"
                        + "- **wellbeing team " + PlainText.of(demo.groups().get(0)) + "** – one group; every figure "
                        + "combines at least " + demo.threshold() + " people, never counting you\n"
                        + "- **pairs** – peer coaching so far; **pair now** runs the next round\n"
                        + "- **next session " + example + "** – a session within 24 hours, so its pre-session "
                        + "digest comes at once\n"
                        + "- **help** – everything else")
                .subtle(playground.size() + " of the leaders (" + String.join(", ", playground) + ") are the "
                        + "Playground's own people, so a peer-coaching nudge really reaches their chats (the "
                        + "Playground shows you only yours). The other " + madeUp + " have no chat to reach, so "
                        + "\"pair now\" leaves them out and says so.");
    }

    private void reachPlaygroundPeople(Activity activity) {
        String serviceUrl = activity.getServiceUrl();
        if (serviceUrl == null || serviceUrl.equals(openedOn.getAndSet(serviceUrl))) {
            return;
        }
        String tenant = TurnFacts.tenantId(activity);
        ChannelAccount bot = activity.getRecipient();
        background.submit(() -> {
            for (TeamsIdentity person : demo.playgroundPeople()) {
                try {
                    ConversationReference chat = sender.openPersonalChat(serviceUrl, tenant, bot,
                            new ChannelAccount(person.userId(), person.name()), List.of()).join();
                    participants.recognise(person, Serialization.toStringSilent(chat));
                } catch (RuntimeException e) {
                    // Tried again on the coach's next turn.
                    openedOn.compareAndSet(serviceUrl, null);
                    log.warn("Could not open a demo leader's chat in the Playground: {}", e.getClass().getSimpleName());
                }
            }
        });
    }

    @PreDestroy
    void stop() throws InterruptedException {
        background.shutdown();
        background.awaitTermination(5, TimeUnit.SECONDS);
    }
}
