package com.waymark.evaluation;

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
 * The Quartz tick that sends a programme's evaluation by itself when its end date is near. Its own job rather than
 * the check-in planner's: the planner belongs to schedule, and this needs nothing of it. Clustered, so each firing
 * runs on one instance; the round's unique row per programme guards a second send.
 */
@Configuration
@EnableConfigurationProperties(EvaluationSettings.class)
class EvaluationJobs {

    @DisallowConcurrentExecution
    public static class EvaluationTickJob implements Job {

        private final EvaluationService evaluations;

        public EvaluationTickJob(EvaluationService evaluations) {
            this.evaluations = evaluations;
        }

        @Override
        public void execute(JobExecutionContext context) {
            evaluations.sendDue();
        }
    }

    @Bean
    JobDetail evaluationTickJob() {
        return JobBuilder.newJob(EvaluationTickJob.class).withIdentity("tick-evaluation", "waymark").storeDurably()
                .build();
    }

    @Bean
    Trigger evaluationTickTrigger(JobDetail evaluationTickJob, EvaluationSettings settings) {
        return TriggerBuilder.newTrigger().forJob(evaluationTickJob).withIdentity("tick-evaluation", "waymark")
                .startNow().withSchedule(SimpleScheduleBuilder.repeatMinutelyForever(settings.tickMinutes())
                        .withMisfireHandlingInstructionNextWithRemainingCount()).build();
    }
}
