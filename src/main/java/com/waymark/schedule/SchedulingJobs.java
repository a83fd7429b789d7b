package com.waymark.schedule;

import org.quartz.DisallowConcurrentExecution;
import org.quartz.Job;
import org.quartz.JobBuilder;
import org.quartz.JobDetail;
import org.quartz.JobExecutionContext;
import org.quartz.SimpleScheduleBuilder;
import org.quartz.Trigger;
import org.quartz.TriggerBuilder;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The recurring Quartz jobs: planning, the tick, and the daily retention sweep. In the JDBC store with clustering on,
 * each firing runs on exactly one instance; misfires after downtime fire once, now (the ticker then decides what is
 * still worth sending).
 */
@Configuration
@EnableConfigurationProperties({ScheduleSettings.class, RetentionSettings.class})
class SchedulingJobs {

    @DisallowConcurrentExecution
    public static class PlanJob implements Job {

        private final CheckInPlanner planner;

        public PlanJob(CheckInPlanner planner) {
            this.planner = planner;
        }

        @Override
        public void execute(JobExecutionContext context) {
            planner.planAll();
        }
    }

    @DisallowConcurrentExecution
    public static class TickJob implements Job {

        private final CheckInTicker ticker;
        private final CoachCallDelivery coachCalls;

        public TickJob(CheckInTicker ticker, CoachCallDelivery coachCalls) {
            this.ticker = ticker;
            this.coachCalls = coachCalls;
        }

        @Override
        public void execute(JobExecutionContext context) {
            ticker.tick();
            coachCalls.deliverPending();
        }
    }

    @DisallowConcurrentExecution
    public static class RetentionJob implements Job {

        private final RetentionSweep sweep;

        public RetentionJob(RetentionSweep sweep) {
            this.sweep = sweep;
        }

        @Override
        public void execute(JobExecutionContext context) {
            sweep.sweep();
        }
    }

    @Bean
    JobDetail planJob() {
        return JobBuilder.newJob(PlanJob.class).withIdentity("plan-check-ins", "waymark").storeDurably().build();
    }

    @Bean
    Trigger planTrigger(JobDetail planJob, ScheduleSettings settings) {
        int minutes = settings.planEveryMinutes();
        return TriggerBuilder.newTrigger().forJob(planJob).withIdentity("plan-check-ins", "waymark").startNow()
                .withSchedule(SimpleScheduleBuilder.repeatMinutelyForever(minutes)
                        .withMisfireHandlingInstructionNextWithRemainingCount()).build();
    }

    @Bean
    JobDetail tickJob() {
        return JobBuilder.newJob(TickJob.class).withIdentity("tick-check-ins", "waymark").storeDurably().build();
    }

    @Bean
    Trigger tickTrigger(JobDetail tickJob, ScheduleSettings settings) {
        int seconds = settings.tickSeconds();
        return TriggerBuilder.newTrigger().forJob(tickJob).withIdentity("tick-check-ins", "waymark").startNow()
                .withSchedule(SimpleScheduleBuilder.repeatSecondlyForever(seconds)
                        .withMisfireHandlingInstructionNextWithRemainingCount()).build();
    }

    @Bean
    JobDetail retentionJob() {
        return JobBuilder.newJob(RetentionJob.class).withIdentity("retention-sweep", "waymark").storeDurably().build();
    }

    /** At start-up, then every day: an answer is erased at most a day after its retention has passed. */
    @Bean
    Trigger retentionTrigger(JobDetail retentionJob, RetentionSettings settings) {
        int hours = settings.sweepHours();
        return TriggerBuilder.newTrigger().forJob(retentionJob).withIdentity("retention-sweep", "waymark").startNow()
                .withSchedule(SimpleScheduleBuilder.repeatHourlyForever(hours)
                        .withMisfireHandlingInstructionNextWithRemainingCount()).build();
    }
}
