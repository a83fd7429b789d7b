package com.waymark.ops;

import java.util.List;
import java.util.Properties;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.quartz.Job;
import org.quartz.JobBuilder;
import org.quartz.JobDetail;
import org.quartz.JobKey;
import org.quartz.Scheduler;
import org.quartz.SimpleScheduleBuilder;
import org.quartz.SimpleTrigger;
import org.quartz.Trigger;
import org.quartz.TriggerBuilder;
import org.quartz.TriggerKey;
import org.quartz.impl.StdSchedulerFactory;
import org.springframework.beans.factory.support.DefaultListableBeanFactory;
import org.springframework.boot.actuate.health.Status;
import org.springframework.scheduling.quartz.SchedulerFactoryBean;
import org.springframework.transaction.PlatformTransactionManager;

import static org.assertj.core.api.Assertions.assertThat;

/** The recurring jobs are stored after start-up, as SchedulerFactoryBean would have, and a failure shows in health. */
class QuartzJobsAfterStartTest {

    public static class Nothing implements Job {
        @Override
        public void execute(org.quartz.JobExecutionContext context) {
        }
    }

    static QuartzJobsAfterStart jobs(Scheduler scheduler, List<JobDetail> details, List<Trigger> triggers) {
        DefaultListableBeanFactory beans = new DefaultListableBeanFactory();
        for (int i = 0; i < details.size(); i++) {
            beans.registerSingleton("job" + i, details.get(i));
        }
        for (int i = 0; i < triggers.size(); i++) {
            beans.registerSingleton("trigger" + i, triggers.get(i));
        }
        beans.registerSingleton("scheduler", scheduler);
        return new QuartzJobsAfterStart(beans.getBeanProvider(JobDetail.class), beans.getBeanProvider(Trigger.class),
                beans.getBeanProvider(Scheduler.class), beans.getBeanProvider(PlatformTransactionManager.class));
    }

    private static Scheduler ramScheduler() throws Exception {
        Properties properties = new Properties();
        properties.setProperty("org.quartz.scheduler.instanceName", "jobs-" + UUID.randomUUID());
        properties.setProperty("org.quartz.threadPool.threadCount", "1");
        properties.setProperty("org.quartz.jobStore.class", "org.quartz.simpl.RAMJobStore");
        return new StdSchedulerFactory(properties).getScheduler();
    }

    private static Trigger every(int seconds, JobDetail job) {
        return TriggerBuilder.newTrigger().forJob(job).withIdentity("tick", "waymark").startNow()
                .withSchedule(SimpleScheduleBuilder.repeatSecondlyForever(seconds)).build();
    }

    @Test
    void theSchedulerBeanRegistersNothingAndBeginsNoTransaction() {
        SchedulerFactoryBean factory = new SchedulerFactoryBean();
        JobDetail job = JobBuilder.newJob(Nothing.class).withIdentity("tick", "waymark").storeDurably().build();
        factory.setJobDetails(job);
        factory.setTriggers(every(30, job));
        PlatformTransactionManager manager = org.mockito.Mockito.mock(PlatformTransactionManager.class);
        factory.setTransactionManager(manager);

        jobs(org.mockito.Mockito.mock(Scheduler.class), List.of(), List.of()).customize(factory);

        assertThat(factory).extracting("jobDetails").asList().isEmpty();
        assertThat(factory).extracting("triggers").asList().isEmpty();
        assertThat(factory).extracting("transactionManager").isNull();
    }

    @Test
    void storesEveryJobAndTriggerAndReplacesThemOnTheNextStart() throws Exception {
        Scheduler scheduler = ramScheduler();
        try {
            JobDetail job = JobBuilder.newJob(Nothing.class).withIdentity("tick", "waymark").storeDurably().build();
            QuartzJobsAfterStart first = jobs(scheduler, List.of(job), List.of(every(30, job)));
            first.store();
            assertThat(first.stored()).isTrue();
            assertThat(scheduler.checkExists(JobKey.jobKey("tick", "waymark"))).isTrue();

            // The next start, with the setting changed: the stored trigger follows it.
            QuartzJobsAfterStart second = jobs(scheduler, List.of(job), List.of(every(45, job)));
            second.store();
            assertThat(second.failed()).isFalse();
            SimpleTrigger stored = (SimpleTrigger) scheduler.getTrigger(TriggerKey.triggerKey("tick", "waymark"));
            assertThat(stored.getRepeatInterval()).isEqualTo(45_000);
        } finally {
            scheduler.shutdown();
        }
    }

    @Test
    void aJobThatCannotBeStoredTurnsQuartzDown() throws Exception {
        Scheduler scheduler = ramScheduler();
        try {
            scheduler.start();
            JobDetail neverStored = JobBuilder.newJob(Nothing.class).withIdentity("missing", "waymark").build();
            QuartzJobsAfterStart jobs = jobs(scheduler, List.of(), List.of(every(30, neverStored)));
            QuartzHealthIndicator health = new QuartzHealthIndicator(scheduler, jobs);
            assertThat(health.health().getDetails()).containsEntry("jobs", "storing");

            jobs.store();

            assertThat(jobs.failed()).isTrue();
            assertThat(health.health().getStatus()).isEqualTo(Status.DOWN);
            assertThat(health.health().getDetails()).containsEntry("jobs", "not stored");
        } finally {
            scheduler.shutdown();
        }
    }
}
