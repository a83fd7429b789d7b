package com.waymark.ops;

import java.util.List;

import org.quartz.JobDetail;
import org.quartz.ObjectAlreadyExistsException;
import org.quartz.Scheduler;
import org.quartz.SchedulerException;
import org.quartz.Trigger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.quartz.SchedulerFactoryBeanCustomizer;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.scheduling.quartz.SchedulerFactoryBean;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The recurring jobs (every {@link JobDetail} and {@link Trigger} bean) are stored in Quartz's tables once the
 * application is ready, on a thread of their own, instead of while the scheduler bean is made: each start rewrites them
 * (the settings may have changed), a dozen statements nobody's first message needs. What Spring's
 * {@code SchedulerFactoryBean} would have done with {@code overwrite-existing-jobs}, in one transaction; a trigger
 * stored meanwhile by another instance is replaced. A failure is logged and turns {@code quartz} DOWN.
 */
@Component
@Order(Ordered.LOWEST_PRECEDENCE)
class QuartzJobsAfterStart implements SchedulerFactoryBeanCustomizer {

    private static final Logger log = LoggerFactory.getLogger(QuartzJobsAfterStart.class);

    private final ObjectProvider<JobDetail> jobs;
    private final ObjectProvider<Trigger> triggers;
    private final ObjectProvider<Scheduler> scheduler;
    private final ObjectProvider<PlatformTransactionManager> transactions;
    private volatile boolean failed;
    private volatile boolean stored;

    QuartzJobsAfterStart(ObjectProvider<JobDetail> jobs, ObjectProvider<Trigger> triggers,
                         ObjectProvider<Scheduler> scheduler, ObjectProvider<PlatformTransactionManager> transactions) {
        this.jobs = jobs;
        this.triggers = triggers;
        this.scheduler = scheduler;
        this.transactions = transactions;
    }

    /**
     * After Boot's own customizers: no jobs to register while the bean is made, and so no transaction around that either
     * (beginning one would wait for Hibernate's bootstrap, which runs meanwhile). The job store takes its connections
     * from the data source itself.
     */
    @Override
    public void customize(SchedulerFactoryBean factory) {
        factory.setJobDetails();
        factory.setTriggers();
        factory.setTransactionManager(null);
    }

    @EventListener(ApplicationReadyEvent.class)
    void onReady() {
        Thread thread = new Thread(this::store, "quartz-jobs");
        thread.setDaemon(true);
        thread.start();
    }

    void store() {
        List<JobDetail> details = jobs.orderedStream().toList();
        List<Trigger> all = triggers.orderedStream().toList();
        try {
            Scheduler quartz = scheduler.getObject();
            PlatformTransactionManager manager = transactions.getIfUnique();
            if (manager == null) {
                storeAll(quartz, details, all);
            } else {
                new TransactionTemplate(manager).executeWithoutResult(status -> {
                    try {
                        storeAll(quartz, details, all);
                    } catch (SchedulerException e) {
                        throw new IllegalStateException(e);
                    }
                });
            }
            stored = true;
        } catch (RuntimeException | SchedulerException e) {
            failed = true;
            log.error("The recurring jobs could not be stored in Quartz's tables", e);
        }
    }

    private static void storeAll(Scheduler quartz, List<JobDetail> details, List<Trigger> all) throws SchedulerException {
        for (JobDetail detail : details) {
            quartz.addJob(detail, true);
        }
        for (Trigger trigger : all) {
            if (quartz.getTrigger(trigger.getKey()) != null) {
                quartz.rescheduleJob(trigger.getKey(), trigger);
                continue;
            }
            try {
                quartz.scheduleJob(trigger);
            } catch (ObjectAlreadyExistsException e) {
                quartz.rescheduleJob(trigger.getKey(), trigger);
            }
        }
    }

    boolean failed() {
        return failed;
    }

    boolean stored() {
        return stored;
    }
}
