package com.waymark.demo;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import com.waymark.checkin.PastEntries;
import com.waymark.checkin.PastEntries.PastAction;
import com.waymark.checkin.PastEntries.PastCheckIn;
import com.waymark.programme.MembershipInfo;
import com.waymark.programme.EnrolmentService;
import com.waymark.programme.EnrolmentService.MemberDetails;
import com.waymark.programme.ParticipantInfo;
import com.waymark.programme.ParticipantService;
import com.waymark.programme.ProgrammeInfo;
import com.waymark.programme.GroupInfo;
import com.waymark.programme.ProgrammeService;
import com.waymark.programme.ProgrammeSettings;
import com.waymark.pairing.PastRounds;
import com.waymark.cycle.PastSessions;
import com.waymark.programme.TeamsIdentity;
import com.waymark.privacy.ConsentService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The {@code demo} profile: one sample programme with a coach (the Agents Playground's default user, so a
 * newcomer can try every coach feature at once), eighteen leaders from three organisations in three groups of six
 * (each group above the threshold of five, so group views show), six weeks of check-ins and actions, and three
 * rounds of peer coaching with their follow-up answers, and two past sessions with their after-session pulse and
 * commitments ({@link DemoCycle}). Five of the leaders are the Playground's own users, so the edge can reach them (see
 * {@link DemoGuide}). Runs once; a second start finds it and does nothing.
 *
 * <p>A bean under that profile only ({@link DemoConfiguration}). Seeded as the context starts, before the web server and the scheduler (a lifecycle phase ahead of both): no
 * message, scheduled job or readiness probe ever sees the demo half made.
 */
class DemoData implements SmartLifecycle {

    static final String PROGRAMME = "North Ridge ICS system leadership (demo)";
    /** The identity the Microsoft 365 Agents Playground uses for its default user. */
    static final TeamsIdentity PLAYGROUND_USER = new TeamsIdentity("00000000-0000-0000-0000-0000000000001",
            "user-id-0", "00000000-0000-0000-0000-0000000000020", "Alex Wilber", "Europe/London");
    /** Before the web server (which starts at {@code DEFAULT_PHASE - 2048}) and Quartz ({@code DEFAULT_PHASE}). */
    static final int PHASE = SmartLifecycle.DEFAULT_PHASE - 4096;

    private static final Logger log = LoggerFactory.getLogger(DemoData.class);
    private static final String ZONE = "Europe/London";
    /** Weeks of history: the programme started this long ago, and each leader has a check-in a week (most weeks). */
    static final int WEEKS = 6;
    /** The programme's threshold, the default: each group of six stays above it even when one person is missing. */
    static final int THRESHOLD = 5;

    /** {@code playgroundId}: the Playground user this leader is ({@code user-id-1}…), or null for a made-up one. */
    private record Leader(String name, String role, String organisation, String group, String playgroundId,
                          String playgroundAad) {

        Leader(String name, String role, String organisation, String group) {
            this(name, role, organisation, group, null, null);
        }

        TeamsIdentity identity(int index) {
            String aad = playgroundAad != null ? playgroundAad : String.format("00000000-0000-4000-8000-%012d", index + 1);
            return new TeamsIdentity(PLAYGROUND_USER.tenantId(), playgroundId != null ? playgroundId : "29:demo-" + aad,
                    aad, name, "Europe/London");
        }
    }

    private static final String BOARD = "System leadership board";
    private static final String EAST = "East place partnership";
    private static final String SET = "Action learning set";

    /** The first twelve as before (their seeded history is unchanged); the last six fill each group to six. */
    private static final List<Leader> LEADERS = List.of(
            new Leader("Aisha Rahman", "Chair", "North Ridge ICB", BOARD),
            new Leader("Ben Fletcher", "Chief executive", "Riverside Hospitals NHS FT", BOARD),
            new Leader("Carys Howell", "Chief executive", "Moorland Community Health NHS Trust", BOARD),
            new Leader("Dev Malhotra", "Medical director", "Riverside Hospitals NHS FT", BOARD),
            new Leader("Eleanor Price", "Director of nursing", "Riverside Hospitals NHS FT", EAST),
            new Leader("Femi Adeyemi", "PCN clinical director", "North Ridge ICB", EAST),
            new Leader("Grace Whitfield", "Chief operating officer", "Moorland Community Health NHS Trust", EAST),
            new Leader("Hamid Qureshi", "Finance director", "North Ridge ICB", EAST),
            new Leader("Isla Morgan", "Director of nursing", "Moorland Community Health NHS Trust", SET),
            new Leader("Jonah Ellis", "Clinical director", "Riverside Hospitals NHS FT", SET),
            new Leader("Kemi Okoro", "PCN clinical director", "North Ridge ICB", SET),
            new Leader("Liam Doyle", "Chief operating officer", "Riverside Hospitals NHS FT", SET),
            new Leader("Megan Bowen", "Director of strategy", "North Ridge ICB", BOARD,
                    "user-id-1", "00000000-0000-0000-0000-0000000000021"),
            new Leader("Nadia Shah", "Director of people", "Moorland Community Health NHS Trust", BOARD),
            new Leader("Adele Vance", "Director of integrated care", "Moorland Community Health NHS Trust", EAST,
                    "user-id-2", "00000000-0000-0000-0000-0000000000022"),
            new Leader("Isaiah Langer", "Clinical director", "Riverside Hospitals NHS FT", EAST,
                    "user-id-3", "00000000-0000-0000-0000-0000000000023"),
            new Leader("Patti Fernandez", "Deputy chief executive", "Moorland Community Health NHS Trust", SET,
                    "user-id-4", "00000000-0000-0000-0000-0000000000024"),
            new Leader("Lynne Robbins", "Director of workforce", "North Ridge ICB", SET,
                    "user-id-5", "00000000-0000-0000-0000-0000000000025"));

    /** Too stretched to meet a peer-coaching partner so far: one or two from each group. */
    private static final java.util.Set<String> STRETCHED = java.util.Set.of("Ben Fletcher", "Grace Whitfield",
            "Jonah Ellis", "Nadia Shah", "Patti Fernandez");

    /** What the edge needs to know about the demo (there is no such bean without the profile). */
    static DemoGuide guide() {
        return new DemoGuide(PROGRAMME, PLAYGROUND_USER, java.time.ZoneId.of(ZONE), LEADERS.size(),
                (int) LEADERS.stream().map(Leader::organisation).distinct().count(), THRESHOLD,
                LEADERS.stream().map(Leader::group).distinct().toList(), WEEKS, DemoPeerCoaching.ROUNDS,
                java.util.stream.IntStream.range(0, LEADERS.size()).filter(i -> LEADERS.get(i).playgroundId() != null)
                        .mapToObj(i -> LEADERS.get(i).identity(i)).toList());
    }

    /**
     * Written for the demo in our own words (the theme evaluation set is kept separate on purpose), by theme, so
     * that the coach's digest has themes big enough to show: delegation and workload run through all six weeks,
     * recognition fades after the first four, and system partnership arrives in the last two.
     */
    private static final List<List<String>> REFLECTIONS = List.of(
            List.of("Chaired the system flow meeting without jumping in to solve everything. People filled the silence.",
                    "Tried asking 'what would you do?' before giving my view. Slower, but the team came up with a better option.",
                    "Delegated the elective recovery update to my deputy. She did it brilliantly and I learned to step back.",
                    "Let the matron lead the ward review instead of me. I bit my tongue twice and it was worth it.",
                    "Handed the budget sign-off to my deputy director for the first time. Anxious, but it went fine."),
            List.of("Back-to-back all week; I noticed I stopped asking questions and started issuing instructions.",
                    "Winter pressures are already here. I am running on adrenaline and I know it isn't sustainable.",
                    "My diary is wall to wall with meetings and there is no time left to think or plan ahead.",
                    "Covering two vacant director posts on top of my own job. Everything gets done at the last minute.",
                    "Firefighting every day this week; the strategic work I promised the board keeps slipping."),
            List.of("Thanked the night team in person. Two of them said nobody had done that in years.",
                    "Wrote handwritten cards to the porters after the outbreak. The response surprised me.",
                    "Made a point of naming the admin team's work at the board. They were quietly delighted.",
                    "We celebrated the ward that cut its falls by half. Recognition matters more than I admit."),
            List.of("Our partners agreed a shared discharge plan. It felt like the first time we owned the problem together.",
                    "The place partnership meeting was tense; the council and the trust still don't trust each other's data.",
                    "Spent time with the PCN directors and the voluntary sector on one shared pathway. Real progress.",
                    "Working across the ICS on urgent care, I realised we each protect our own organisation first."));

    private final ParticipantService participants;
    private final ConsentService consent;
    private final ProgrammeService programmes;
    private final EnrolmentService enrolment;
    private final DemoPeerCoaching peerCoaching;
    private final DemoCycle cycle;
    /** History is written by the modules that own it, as history (with its own times), through their seeding API. */
    private final PastEntries pastEntries;
    private final TransactionTemplate tx;
    private final Clock clock;
    private volatile boolean running;

    DemoData(ParticipantService participants, ConsentService consent, ProgrammeService programmes,
             EnrolmentService enrolment, PastEntries pastEntries, PastRounds pastRounds, PastSessions pastSessions,
             Clock clock, PlatformTransactionManager transactions) {
        this.pastEntries = pastEntries;
        this.participants = participants;
        this.consent = consent;
        this.programmes = programmes;
        this.enrolment = enrolment;
        this.clock = clock;
        this.tx = new TransactionTemplate(transactions);
        this.peerCoaching = new DemoPeerCoaching(pastRounds, clock);
        this.cycle = new DemoCycle(pastSessions, clock);
    }

    @Override
    public void start() {
        tx.executeWithoutResult(status -> seed());
        running = true;
    }

    @Override
    public void stop() {
        running = false;
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    @Override
    public int getPhase() {
        return PHASE;
    }

    void seed() {
        if (programmes.existsNamed(PROGRAMME)) {
            log.info("Demo programme already present; nothing to seed");
            return;
        }
        ParticipantInfo coach = participants.register(PLAYGROUND_USER);
        // The edge greets the coach with what to try when they open the chat; they agreed as the demo's coach.
        participants.claimWelcome(coach.id());
        consent.consent(coach.id());
        LocalDate today = LocalDate.now(clock);
        ProgrammeInfo programme = programmes.newProgramme(coach.id(), new ProgrammeSettings(PROGRAMME,
                "North Ridge ICB, Riverside Hospitals NHS FT, Moorland Community Health NHS Trust", ZONE,
                today.minusWeeks(WEEKS), today.plusMonths(9), THRESHOLD, 365, null));
        List<GroupInfo> groups = new ArrayList<>();
        LEADERS.stream().map(Leader::group).distinct()
                .forEach(name -> groups.add(programmes.newGroup(coach.id(), programme.id(), name)));

        Random random = new Random(42);
        List<DemoPeerCoaching.Person> people = new ArrayList<>();
        List<PastCheckIn> checkIns = new ArrayList<>();
        List<PastAction> actions = new ArrayList<>();
        for (int i = 0; i < LEADERS.size(); i++) {
            Leader leader = LEADERS.get(i);
            ParticipantInfo person = participants.register(leader.identity(i));
            participants.claimWelcome(person.id());
            consent.consent(person.id());
            enrolment.enrol(programme.id(), person.id(), MembershipInfo.Via.DEMO);
            Long groupId = groups.stream().filter(g -> g.name().equals(leader.group())).findFirst().orElseThrow().id();
            enrolment.describe(coach.id(), programme.id(), person.id(),
                    new MemberDetails(leader.role(), leader.organisation(), groupId, null));
            seedHistory(programme.id(), person.id(), i, random, checkIns, actions);
            people.add(new DemoPeerCoaching.Person(person.id(), leader.role(), leader.organisation(),
                    STRETCHED.contains(leader.name())));
        }
        pastEntries.checkIns(checkIns);
        pastEntries.actions(actions);
        peerCoaching.seed(programme.id(), people);
        List<Integer> actionsHeld = new ArrayList<>();
        for (DemoPeerCoaching.Person person : people) {
            actionsHeld.add((int) actions.stream().filter(a -> a.participantId() == person.id()).count());
        }
        cycle.seed(programme.id(), coach.id(), people.stream().map(DemoPeerCoaching.Person::id).toList(),
                actionsHeld);
        log.info("Seeded the demo programme with {} leaders", LEADERS.size());
    }

    /**
     * Six weekly check-ins (an early one sometimes skipped, as in life) and a few actions, some done. Wellbeing
     * dips in the last fortnight, as winter arrives, so the digest shows a team-level fall.
     */
    private void seedHistory(long programmeId, long participantId, int index, Random random,
                             List<PastCheckIn> checkIns, List<PastAction> actionsMade) {
        Instant now = clock.instant();
        int base = 3 + random.nextInt(2);
        for (int week = WEEKS; week >= 1; week--) {
            if (week > 4 && random.nextInt(5) == 0) {
                continue;
            }
            int wellbeing = Math.max(1, Math.min(5, base - (week <= 2 && index % 2 == 0 ? 1 : 0)
                    + random.nextInt(3) - 1));
            int energy = Math.max(1, Math.min(5, wellbeing + random.nextInt(3) - 1));
            // Two of three themes a week; recognition in the first four weeks, partnership in the last two.
            List<String> theme = REFLECTIONS.get((index + week) % 3 == 2 ? (week <= 2 ? 3 : 2) : (index + week) % 3);
            String reflection = theme.get((index / 3 + week) % theme.size());
            checkIns.add(new PastCheckIn(participantId, programmeId, wellbeing, energy, "al-tried", reflection,
                    random.nextBoolean(), now.minus(Duration.ofDays(7L * week)).plus(Duration.ofHours(1 + random.nextInt(48)))));
        }
        String[] actions = {"Ask my deputy to chair the weekly huddle", "Book a walk-round with the night team",
                "Hold a listening session with partner organisations", "Protect one hour a week for thinking time"};
        for (int n = 1; n <= 2 + index % 2; n++) {
            Instant created = now.minus(Duration.ofDays(35 - 7L * n));
            boolean done = random.nextBoolean();
            actionsMade.add(new PastAction(participantId, n, actions[(index + n) % actions.length], created,
                    done ? created.plus(Duration.ofDays(5)) : null));
        }
    }
}
