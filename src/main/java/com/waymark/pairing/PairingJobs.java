package com.waymark.pairing;

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
 * The recurring Quartz job that runs due peer-coaching rounds and queues due follow-ups. In the clustered JDBC
 * store each firing runs on one instance; the round's unique index guards the rest.
 */
@Configuration
@EnableConfigurationProperties(PairingSettings.class)
class PairingJobs {

    @DisallowConcurrentExecution
    public static class PairingTickJob implements Job {

        private final PairingRounds rounds;

        public PairingTickJob(PairingRounds rounds) {
            this.rounds = rounds;
        }

        @Override
        public void execute(JobExecutionContext context) {
            rounds.tick();
        }
    }

    @Bean
    JobDetail pairingTickJob() {
        return JobBuilder.newJob(PairingTickJob.class).withIdentity("tick-pairing", "waymark").storeDurably().build();
    }

    @Bean
    Trigger pairingTickTrigger(JobDetail pairingTickJob, PairingSettings settings) {
        int minutes = settings.tickMinutes();
        return TriggerBuilder.newTrigger().forJob(pairingTickJob).withIdentity("tick-pairing", "waymark").startNow()
                .withSchedule(SimpleScheduleBuilder.repeatMinutelyForever(minutes)
                        .withMisfireHandlingInstructionNextWithRemainingCount()).build();
    }
}
