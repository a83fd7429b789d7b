package com.waymark.ops;

import java.time.Duration;
import java.util.Arrays;
import java.util.List;

import com.waymark.support.WaymarkIntegrationTest;
import org.junit.jupiter.api.Test;
import org.quartz.JobKey;
import org.quartz.Scheduler;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.boot.actuate.health.CompositeHealth;
import org.springframework.boot.actuate.health.HealthEndpoint;
import org.springframework.boot.actuate.health.Status;
import org.springframework.context.ConfigurableApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What start-up leaves for later, in the running application: the beans {@link LazyUntilUsed} names are lazy and
 * nothing else of Waymark's is, Hibernate's background bootstrap is part of readiness, and the recurring jobs are
 * stored once the application is ready.
 */
class StartupPathTest extends WaymarkIntegrationTest {

    @Autowired
    ConfigurableApplicationContext context;
    @Autowired
    HealthEndpoint health;
    @Autowired
    Scheduler scheduler;

    @Test
    void onlyTheNamedBeansAreLazy() {
        ConfigurableListableBeanFactory beans = context.getBeanFactory();
        List<String> lazy = Arrays.stream(beans.getBeanDefinitionNames())
                .filter(name -> beans.getBeanDefinition(name).isLazyInit())
                .filter(name -> {
                    Class<?> type = beans.getType(name, false);
                    return type != null && type.getName().startsWith("com.waymark.")
                            && !org.springframework.data.repository.Repository.class.isAssignableFrom(type);
                })
                .map(name -> beans.getType(name, false).getName().replaceAll("\\$\\$SpringCGLIB.*", ""))
                .toList();
        // Spring Data's deferred repositories are lazy by their own bootstrap mode; the pipeline was lazy before.
        assertThat(lazy).containsAll(LazyUntilUsed.LAZY).hasSize(LazyUntilUsed.LAZY.size() + 1)
                .contains("com.waymark.insight.themes.ThemePipeline");
        assertThat(beans.getBeanDefinition("botController").isLazyInit()).isFalse();
    }

    @Test
    void readinessWaitsForHibernatesBootstrapAndIsUpOnceItIsDone() {
        var readiness = health.healthForPath("readiness");
        assertThat(readiness.getStatus()).isEqualTo(Status.UP);
        assertThat(((CompositeHealth) readiness).getComponents()).containsKey("jpa");
        assertThat(health.healthForPath("jpa").getStatus()).isEqualTo(Status.UP);
    }

    @Test
    void theRecurringJobsAreStoredOnceReady() throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (!scheduler.checkExists(JobKey.jobKey("tick-check-ins", "waymark")) && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
        for (String job : List.of("tick-check-ins", "plan-check-ins", "retention-sweep", "embedding-backfill")) {
            assertThat(scheduler.checkExists(JobKey.jobKey(job, "waymark"))).as(job).isTrue();
            assertThat(scheduler.getTriggersOfJob(JobKey.jobKey(job, "waymark"))).as(job).hasSize(1);
        }
    }
}
