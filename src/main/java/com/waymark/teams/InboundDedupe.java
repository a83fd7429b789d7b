package com.waymark.teams;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;

import com.microsoft.bot.schema.Activity;
import org.quartz.DisallowConcurrentExecution;
import org.quartz.Job;
import org.quartz.JobBuilder;
import org.quartz.JobDetail;
import org.quartz.JobExecutionContext;
import org.quartz.SimpleScheduleBuilder;
import org.quartz.Trigger;
import org.quartz.TriggerBuilder;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Each activity is processed once, across every instance sharing the database: the first request for an
 * (channel, conversation, activity id) claims it with a row in {@code processed_activity}; a redelivery within
 * the window finds the row and is answered without being processed. A turn that fails releases its claim, so
 * Teams' retry of it is processed.
 */
@Component
class InboundDedupe {

    /** A claim on one activity; {@code duplicate} when another request got there first. */
    record Claim(String key, boolean duplicate) {

        static final Claim UNTRACKED = new Claim(null, false);
    }

    private final JdbcTemplate jdbc;
    private final Clock clock;
    private final Duration window;

    InboundDedupe(JdbcTemplate jdbc, Clock clock, BotSettings settings) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.window = settings.dedupeWindow();
    }

    Claim claim(Activity activity) {
        String id = activity.getId();
        String conversation = activity.getConversation() == null ? null : activity.getConversation().getId();
        if (id == null || id.isBlank() || conversation == null || conversation.isBlank()) {
            return Claim.UNTRACKED; // nothing to recognise a redelivery by
        }
        String key = key(activity.getChannelId() + "\n" + conversation + "\n" + id);
        Instant now = clock.instant();
        try {
            jdbc.update("insert into processed_activity (activity_key, received_at) values (?, ?)", key,
                    Timestamp.from(now));
            return new Claim(key, false);
        } catch (DuplicateKeyException seen) {
            // Seen before: a duplicate, unless the row outlived the window and the purge hasn't run yet.
            int renewed = jdbc.update("update processed_activity set received_at = ? where activity_key = ? "
                    + "and received_at < ?", Timestamp.from(now), key, Timestamp.from(now.minus(window)));
            return new Claim(key, renewed == 0);
        }
    }

    void release(Claim claim) {
        if (claim.key() != null && !claim.duplicate()) {
            jdbc.update("delete from processed_activity where activity_key = ?", claim.key());
        }
    }

    int purge() {
        return jdbc.update("delete from processed_activity where received_at < ?",
                Timestamp.from(clock.instant().minus(window)));
    }

    /** Copied for each key: a copy costs less than asking the security providers for a new digest on every turn. */
    private static final MessageDigest SHA_256 = sha256();

    private static String key(String identity) {
        return HexFormat.of().formatHex(freshDigest().digest(identity.getBytes(StandardCharsets.UTF_8)));
    }

    private static MessageDigest freshDigest() {
        try {
            return (MessageDigest) SHA_256.clone();
        } catch (CloneNotSupportedException providerWithoutCopies) {
            return sha256(); // some providers (FIPS ones, say) do not copy digests
        }
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every Java runtime has SHA-256", e);
        }
    }

    /** The hourly purge, a Quartz job so that one instance of a cluster runs it. */
    @Configuration
    static class Purging {

        @DisallowConcurrentExecution
        public static class PurgeJob implements Job {

            private final InboundDedupe dedupe;

            public PurgeJob(InboundDedupe dedupe) {
                this.dedupe = dedupe;
            }

            @Override
            public void execute(JobExecutionContext context) {
                dedupe.purge();
            }
        }

        @Bean
        JobDetail dedupePurgeJob() {
            return JobBuilder.newJob(PurgeJob.class).withIdentity("purge-processed-activities", "waymark")
                    .storeDurably().build();
        }

        @Bean
        Trigger dedupePurgeTrigger(JobDetail dedupePurgeJob) {
            return TriggerBuilder.newTrigger().forJob(dedupePurgeJob).withIdentity("purge-processed-activities", "waymark")
                    .startNow().withSchedule(SimpleScheduleBuilder.repeatHourlyForever()
                            .withMisfireHandlingInstructionNextWithRemainingCount()).build();
        }
    }
}
