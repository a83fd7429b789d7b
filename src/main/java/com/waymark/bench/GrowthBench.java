package com.waymark.bench;

import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.PreparedStatement;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Locale;
import java.util.Random;
import java.util.stream.IntStream;

import com.waymark.checkin.Prompt;
import com.waymark.checkin.PromptLibrary;
import com.waymark.insight.ReflectionEmbeddings;
import com.waymark.insight.ScopeRequest;
import com.waymark.insight.TeamInsights;
import com.waymark.privacy.FieldCipher;
import com.waymark.privacy.PrivacyNotice;
import com.waymark.schedule.CheckInPlanner;
import com.waymark.schedule.CheckInTicker;
import com.waymark.outbox.DeliveryWorker;
import com.waymark.outbox.OutboxService;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * {@code growth-bench}: how a coach's summary and a scheduled fan-out slow down as the data grows tenfold
 * (1,000 → 10,000 → 100,000 check-ins). One programme on a scratch H2 database, grown in place: its people
 * ({@code size / weeks}, in groups of about twelve) each answered one check-in a week for {@code --weeks} weeks,
 * at a random time of their week, some with a reflection (encrypted, as the application stores it) and its sealed
 * embedding (as the application computes it right after each check-in, so the summary reads stored vectors and
 * does not embed on the spot). Bulk inserts by JDBC batch. At each size it times
 * <ul>
 * <li>the coach's team summary ({@link TeamInsights#summary}: participation, wellbeing with its trend, actions and the
 * themes of the reflections, over the default period, the last two weeks against the two before), and</li>
 * <li>a scheduled fan-out: a rhythm due now for the whole programme, planned ({@link CheckInPlanner}), queued
 * ({@link CheckInTicker}) and delivered through the outbox to the local connector stub, until the outbox is empty.</li>
 * </ul>
 * Both should grow about tenfold per step (the programme grows tenfold), not more.
 */
public final class GrowthBench implements Subcommand {

    static final String TENANT = "growth-tenant";
    private static final String[] ROLES = {"Chief executive", "Chair", "Medical director", "Director of nursing",
        "Chief operating officer", "Finance director", "Clinical director", "Service manager"};
    private static final String[] ORGANISATIONS = {"North Ridge NHS Trust", "Eastvale ICB", "Riverside Community Health",
        "Westmoor Hospitals", "Harbour Mental Health"};
    private static final String[] OPENINGS = {"This week I", "On Tuesday I", "In the board meeting I", "With the ward team I",
        "At the system huddle I", "In my one-to-ones I", "During the winter planning session I", "With finance colleagues I"};
    private static final String[] ACTIONS = {"listened before offering my view", "delegated the operational detail",
        "asked what gets in the way", "held a difficult conversation about performance",
        "protected an hour to think about strategy", "said no to a meeting that didn't need me",
        "shared the decision and the reasons for it", "tried a shorter, more focused huddle"};
    private static final String[] OUTCOMES = {"and it changed the tone of the discussion.",
        "but I still felt stretched by the end of the week.", "and the team took more ownership than I expected.",
        "though back-to-back papers squeezed out any reflection time.", "and I want to keep doing it.",
        "and people were more open about the risks."};

    @Override
    public String name() {
        return "growth-bench";
    }

    @Override
    public String description() {
        return "coach summary and fan-out time as check-ins grow 10x [--sizes 1000,10000,100000] [--weeks 20]";
    }

    /** What one size measured. */
    record Step(int checkIns, int people, double summaryMs, double summaryCpuMs, double fanoutMs, double fanoutCpuMs) {
    }

    @Override
    public int run(List<String> args, PrintStream out) throws Exception {
        BenchOptions options = new BenchOptions(args, List.of("sizes", "weeks", "reflections", "seed"));
        List<Integer> sizes = new ArrayList<>();
        for (String size : options.text("sizes", "1000,10000,100000").split(",")) {
            sizes.add(parseSize(size.strip()));
        }
        int weeks = options.integer("weeks", 20, 2, 520);
        double reflections = options.number("reflections", 0.25);
        if (reflections < 0 || reflections > 1) {
            throw new IllegalArgumentException("--reflections must be a share from 0 to 1");
        }
        Random random = new Random(options.integer("seed", 42, 0, Integer.MAX_VALUE));
        Path dataDir = Files.createTempDirectory("waymark-growth-");
        out.printf(Locale.ROOT, "growth-bench: one programme, %d weekly check-ins per person, %.0f%% with a reflection; "
                + "H2 at %s, %d cores%n", weeks, 100 * reflections, dataDir, Runtime.getRuntime().availableProcessors());
        List<Step> steps = new ArrayList<>();
        try (ConnectorStub stub = new ConnectorStub();
             ConfigurableApplicationContext app = FanoutWorker.start(dataDir, 100_000, 16)) {
            Seeder seeder = new Seeder(app, stub.serviceUrl(), weeks, reflections, random);
            warmUp(app, seeder, out);
            for (int size : sizes) {
                int people = Math.max(1, size / weeks);
                long seedStart = System.nanoTime();
                seeder.growTo(people);
                double seedSeconds = (System.nanoTime() - seedStart) / 1e9;
                long stored = app.getBean(JdbcTemplate.class).queryForObject(
                        "select count(*) from check_in where programme_id = ?", Long.class, seeder.programmeId);

                long ledgerBefore = ledgerRows(app);
                long start = System.nanoTime();
                long cpu = BenchRuntime.processCpuNanos();
                var summary = app.getBean(TeamInsights.class).summary(seeder.coachId, ScopeRequest.everything());
                double summaryMs = (System.nanoTime() - start) / 1e6;
                double summaryCpuMs = (BenchRuntime.processCpuNanos() - cpu) / 1e6;
                long ledgerWritten = ledgerRows(app) - ledgerBefore;
                // The same summary read again, nothing changed: what a repeated read costs the ledger.
                long againBefore = ledgerRows(app);
                long againStart = System.nanoTime();
                app.getBean(TeamInsights.class).summary(seeder.coachId, ScopeRequest.everything());
                double againMs = (System.nanoTime() - againStart) / 1e6;
                long ledgerAgain = ledgerRows(app) - againBefore;

                String parts = summaryParts(app.getBean(TeamInsights.class), seeder.coachId);

                int before = stub.distinctDelivered();
                start = System.nanoTime();
                cpu = BenchRuntime.processCpuNanos();
                String fanoutParts = fanOut(app, seeder.scheduleDueNow());
                double fanoutMs = (System.nanoTime() - start) / 1e6;
                double fanoutCpuMs = (BenchRuntime.processCpuNanos() - cpu) / 1e6;
                long delivered = stub.distinctDelivered() - before;

                long rss = BenchRuntime.rssMegabytes();
                steps.add(new Step((int) stored, people, summaryMs, summaryCpuMs, fanoutMs, fanoutCpuMs));
                out.printf(Locale.ROOT, "check-ins=%d people=%d seeded-in=%.1fs summary-ms=%.0f cpu-ms=%.0f (%d "
                        + "themes; figures alone: %s) ledger-rows=%d again-ms=%.0f again-ledger-rows=%d fanout-ms=%.0f "
                        + "cpu-ms=%.0f (%s) delivered=%d rss=%dMB load=%s%n",
                        stored, people, seedSeconds, summaryMs, summaryCpuMs, summary.themes().themes().size(), parts,
                        ledgerWritten, againMs, ledgerAgain, fanoutMs, fanoutCpuMs, fanoutParts, delivered, rss,
                        BenchRuntime.loadAverage());
            }
        } finally {
            BenchRuntime.deleteQuietly(dataDir);
        }
        for (int i = 1; i < steps.size(); i++) {
            Step a = steps.get(i - 1);
            Step b = steps.get(i);
            double growth = (double) b.checkIns() / a.checkIns();
            out.printf(Locale.ROOT, "%d -> %d check-ins (x%.1f): summary x%.2f (cpu x%.2f), fan-out x%.2f (cpu x%.2f)%n",
                    a.checkIns(), b.checkIns(), growth, b.summaryMs() / a.summaryMs(), b.summaryCpuMs() / a.summaryCpuMs(),
                    b.fanoutMs() / a.fanoutMs(), b.fanoutCpuMs() / a.fanoutCpuMs());
        }
        out.printf(Locale.ROOT, "growth-bench: sizes=%s summary-ms=%s fanout-ms=%s%n",
                join(steps, s -> String.valueOf(s.checkIns())), join(steps, s -> String.format(Locale.ROOT, "%.0f",
                        s.summaryMs())), join(steps, s -> String.format(Locale.ROOT, "%.0f", s.fanoutMs())));
        return 0;
    }

    /** Rows of the release ledger (released figures, contributor sets and their members). */
    private static long ledgerRows(ConfigurableApplicationContext app) {
        JdbcTemplate jdbc = app.getBean(JdbcTemplate.class);
        return jdbc.queryForObject("select (select count(*) from released_figure) "
                + "+ (select count(*) from release_contributor_set) + (select count(*) from release_contributor)",
                Long.class);
    }

    /** The sentence-embedding models load on first use, and the JIT warms up: neither belongs to the first size. */
    private static void warmUp(ConfigurableApplicationContext app, Seeder seeder, PrintStream out) {
        long start = System.nanoTime();
        seeder.growTo(12);
        app.getBean(TeamInsights.class).summary(seeder.coachId, ScopeRequest.everything());
        fanOut(app, seeder.scheduleDueNow());
        out.printf(Locale.ROOT, "warm-up (12 people, models loaded): %.1f s%n", (System.nanoTime() - start) / 1e9);
    }

    /**
     * The summary's figures on their own, in milliseconds: where the time goes. The themes are what is left (run again
     * here, they would embed every reflection a second time).
     */
    private static String summaryParts(TeamInsights insights, long coachId) {
        ScopeRequest all = ScopeRequest.everything();
        long t0 = System.nanoTime();
        insights.participation(coachId, all);
        long t1 = System.nanoTime();
        insights.wellbeing(coachId, all);
        long t2 = System.nanoTime();
        insights.actions(coachId, all);
        long t3 = System.nanoTime();
        return String.format(Locale.ROOT, "participation %.0f, wellbeing %.0f, actions %.0f", (t1 - t0) / 1e6,
                (t2 - t1) / 1e6, (t3 - t2) / 1e6);
    }

    /** Plans the rhythm, queues what is due and delivers it all to the stub; returns the time of each part. */
    private static String fanOut(ConfigurableApplicationContext app, long scheduleId) {
        long t0 = System.nanoTime();
        app.getBean(CheckInPlanner.class).planSchedule(scheduleId);
        long t1 = System.nanoTime();
        app.getBean(CheckInTicker.class).tick();
        long t2 = System.nanoTime();
        OutboxService outbox = app.getBean(OutboxService.class);
        DeliveryWorker worker = app.getBean(DeliveryWorker.class);
        while (outbox.depth() > 0) {
            if (worker.drainOnce() == 0) {
                try {
                    Thread.sleep(5);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    break;
                }
            }
        }
        long t3 = System.nanoTime();
        return String.format(Locale.ROOT, "plan %.0f, queue %.0f, deliver %.0f", (t1 - t0) / 1e6, (t2 - t1) / 1e6,
                (t3 - t2) / 1e6);
    }

    private static int parseSize(String raw) {
        try {
            int size = Integer.parseInt(raw);
            if (size < 10 || size > 10_000_000) {
                throw new NumberFormatException();
            }
            return size;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("--sizes takes whole numbers from 10 to 10000000, comma separated");
        }
    }

    private static String join(List<Step> steps, java.util.function.Function<Step, String> field) {
        return String.join(",", steps.stream().map(field).toList());
    }

    /** Grows one programme in place by bulk JDBC inserts. */
    static final class Seeder {

        private static final ZoneId LONDON = ZoneId.of("Europe/London");

        final long programmeId;
        final long coachId;
        private final JdbcTemplate jdbc;
        private final FieldCipher cipher;
        private final ReflectionEmbeddings embeddings;
        /** The generated reflections repeat (a few hundred combinations): each is embedded once. */
        private final Map<String, float[]> vectors = new HashMap<>();
        private final List<String> prompts;
        private final String serviceUrl;
        private final int weeks;
        private final double reflections;
        private final Random random;
        private final Instant now = Instant.now();
        private final List<Long> groups = new ArrayList<>();
        private int people;

        Seeder(ConfigurableApplicationContext app, String serviceUrl, int weeks, double reflections, Random random) {
            this.jdbc = app.getBean(JdbcTemplate.class);
            this.cipher = app.getBean(FieldCipher.class);
            this.embeddings = app.getBean(ReflectionEmbeddings.class);
            this.prompts = app.getBean(PromptLibrary.class).all().stream().map(Prompt::id).toList();
            this.serviceUrl = serviceUrl;
            this.weeks = weeks;
            this.reflections = reflections;
            this.random = random;
            Timestamp created = Timestamp.from(now.minus(Duration.ofDays(7L * weeks + 7)));
            jdbc.update("insert into programme (tenant_id, name, time_zone, confidentiality_threshold, retention_days, "
                    + "join_code, created_at) values (?, 'Growth programme', 'Europe/London', 5, 0, 'GROWTH01', ?)",
                    TENANT, created);
            this.programmeId = jdbc.queryForObject("select id from programme where join_code = 'GROWTH01'", Long.class);
            this.coachId = insertPeople(-1, 1).get(0);
            jdbc.update("insert into programme_staff (programme_id, participant_id, role, added_at) values (?, ?, "
                    + "'COACH', ?)", programmeId, coachId, created);
        }

        /** Adds people (with their memberships, consent and weekly check-ins) until there are {@code target}. */
        void growTo(int target) {
            if (target <= people) {
                return;
            }
            List<Long> added = insertPeople(people, target - people);
            Timestamp joined = Timestamp.from(now.minus(Duration.ofDays(7L * weeks + 1)));
            for (int i = 0; i < added.size(); i++) {
                int index = people + i;
                if (index / 12 >= groups.size()) {
                    String name = "Group " + (groups.size() + 1);
                    jdbc.update("insert into programme_group (programme_id, name, name_key) values (?, ?, ?)",
                            programmeId, name, name.toLowerCase(Locale.ROOT));
                    groups.add(jdbc.queryForObject("select id from programme_group where programme_id = ? and "
                            + "name_key = ?", Long.class, programmeId, name.toLowerCase(Locale.ROOT)));
                }
            }
            int first = people;
            jdbc.batchUpdate("insert into membership (programme_id, participant_id, group_id, role, organisation, status, "
                    + "enrolled_via, joined_at) values (?, ?, ?, ?, ?, 'ACTIVE', 'CODE', ?)",
                    IntStream.range(0, added.size()).boxed().toList(), 1000, (PreparedStatement ps, Integer i) -> {
                        int index = first + i;
                        ps.setLong(1, programmeId);
                        ps.setLong(2, added.get(i));
                        ps.setLong(3, groups.get(index / 12));
                        ps.setString(4, ROLES[index % ROLES.length]);
                        ps.setString(5, ORGANISATIONS[index % ORGANISATIONS.length]);
                        ps.setTimestamp(6, joined);
                    });
            List<Object[]> checkIns = new ArrayList<>();
            List<String> texts = new ArrayList<>();
            for (long id : added) {
                for (int week = weeks; week >= 1; week--) {
                    Instant at = now.minus(Duration.ofDays(7L * week)).plusSeconds(random.nextInt(7 * 24 * 3600 - 60));
                    String text = random.nextDouble() < reflections ? reflection() : null;
                    texts.add(text);
                    String reflection = text == null ? null : cipher.encrypt(text);
                    checkIns.add(new Object[] {id, 1 + random.nextInt(5), 1 + random.nextInt(5),
                        prompts.get(random.nextInt(prompts.size())), reflection,
                        reflection != null && random.nextBoolean(), Timestamp.from(at)});
                }
            }
            long before = jdbc.queryForObject("select coalesce(max(id), 0) from check_in", Long.class);
            jdbc.batchUpdate("insert into check_in (participant_id, wellbeing, energy, prompt_id, reflection, quote_ok, "
                    + "source, submitted_at, programme_id) values (?, ?, ?, ?, ?, ?, 'CARD', ?, ?)", checkIns, 2000,
                    (PreparedStatement ps, Object[] row) -> {
                        ps.setLong(1, (Long) row[0]);
                        ps.setInt(2, (Integer) row[1]);
                        ps.setInt(3, (Integer) row[2]);
                        ps.setString(4, (String) row[3]);
                        ps.setString(5, (String) row[4]);
                        ps.setBoolean(6, (Boolean) row[5]);
                        ps.setTimestamp(7, (Timestamp) row[6]);
                        ps.setLong(8, programmeId);
                    });
            storeEmbeddings(jdbc.queryForList("select id from check_in where id > ? order by id", Long.class, before),
                    texts);
            people = target;
        }

        /** The check-ins just inserted (in insertion order) get their reflection's vector, as if embedded after each. */
        private void storeEmbeddings(List<Long> ids, List<String> texts) {
            if (ids.size() != texts.size()) {
                throw new IllegalStateException("expected " + texts.size() + " new check-ins, found " + ids.size());
            }
            List<String> unseen = texts.stream().filter(t -> t != null && !vectors.containsKey(t)).distinct().toList();
            List<float[]> computed = embeddings.embed(unseen);
            for (int i = 0; i < unseen.size(); i++) {
                vectors.put(unseen.get(i), computed.get(i));
            }
            Map<Long, float[]> batch = new HashMap<>();
            for (int i = 0; i < ids.size(); i++) {
                if (texts.get(i) != null) {
                    batch.put(ids.get(i), vectors.get(texts.get(i)));
                }
                if (batch.size() == 5000 || i == ids.size() - 1) {
                    embeddings.store(batch);
                    batch.clear();
                }
            }
        }

        /** Participants with a 1:1 chat at the stub, agreed to the notice, in this programme; returns their ids. */
        private List<Long> insertPeople(int from, int count) {
            Timestamp created = Timestamp.from(now.minus(Duration.ofDays(7L * weeks + 2)));
            List<Integer> indexes = IntStream.range(from, from + count).boxed().toList();
            long before = jdbc.queryForObject("select coalesce(max(id), 0) from participant", Long.class);
            jdbc.batchUpdate("insert into participant (tenant_id, identity_key, teams_user_id, display_name, time_zone, "
                    + "conversation_reference, reachable, welcomed_at, created_at, updated_at, current_programme_id) "
                    + "values (?, ?, ?, ?, 'Europe/London', ?, true, ?, ?, ?, ?)", indexes, 1000,
                    (PreparedStatement ps, Integer i) -> {
                        String user = "29:growth-" + i;
                        ps.setString(1, TENANT);
                        ps.setString(2, "id:" + user);
                        ps.setString(3, user);
                        ps.setString(4, i < 0 ? "Growth Coach" : "Growth Leader " + i);
                        ps.setString(5, "{\"channelId\":\"msteams\",\"serviceUrl\":\"" + serviceUrl + "\","
                                + "\"conversation\":{\"id\":\"a:growth-" + i + "\",\"conversationType\":\"personal\","
                                + "\"tenantId\":\"" + TENANT + "\"},\"user\":{\"id\":\"" + user + "\"},"
                                + "\"bot\":{\"id\":\"28:waymark\",\"name\":\"Waymark\"}}");
                        ps.setTimestamp(6, created);
                        ps.setTimestamp(7, created);
                        ps.setTimestamp(8, created);
                        ps.setLong(9, programmeId);
                    });
            List<Long> ids = jdbc.queryForList("select id from participant where tenant_id = ? and id > ? order by id",
                    Long.class, TENANT, before);
            // The current notice: consent to an older one is asked again, and nobody unconsented is planned for.
            jdbc.batchUpdate("insert into consent_record (participant_id, notice_version, given_at) values (?, ?, ?)",
                    ids, 1000, (PreparedStatement ps, Long id) -> {
                        ps.setLong(1, id);
                        ps.setInt(2, PrivacyNotice.VERSION);
                        ps.setTimestamp(3, created);
                    });
            return ids;
        }

        /**
         * A weekly rhythm for the whole programme whose slot is today, two minutes ago (London time), open twelve
         * hours, reminding after six: due now for every member, and nothing else due.
         */
        long scheduleDueNow() {
            jdbc.update("update checkin_schedule set active = false where programme_id = ?", programmeId);
            ZonedDateTime slot = now().atZone(LONDON).minusMinutes(2);
            jdbc.update("insert into checkin_schedule (programme_id, every_weeks, weekdays, local_time, open_hours, "
                    + "remind_after_hours, anchor_date, active, created_at) values (?, 1, ?, ?, 12, 6, ?, true, ?)",
                    programmeId, slot.getDayOfWeek().name(), slot.format(DateTimeFormatter.ofPattern("HH:mm")),
                    LocalDate.from(slot), Timestamp.from(now().minus(Duration.ofDays(1))));
            return jdbc.queryForObject("select max(id) from checkin_schedule where programme_id = ?", Long.class,
                    programmeId);
        }

        private static Instant now() {
            return Instant.now();
        }

        private String reflection() {
            return OPENINGS[random.nextInt(OPENINGS.length)] + " " + ACTIONS[random.nextInt(ACTIONS.length)] + " "
                    + OUTCOMES[random.nextInt(OUTCOMES.length)];
        }
    }
}
