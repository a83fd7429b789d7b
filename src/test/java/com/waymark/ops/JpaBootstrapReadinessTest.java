package com.waymark.ops;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.springframework.boot.actuate.health.Status;
import org.springframework.core.task.SimpleAsyncTaskExecutor;
import org.springframework.orm.jpa.LocalContainerEntityManagerFactoryBean;

import static org.assertj.core.api.Assertions.assertThat;

/** Readiness waits for a bootstrap handed to an executor, and says so when it failed. */
class JpaBootstrapReadinessTest {

    @Test
    void downWhileTheBootstrapRunsUpOnceItIsDone() throws Exception {
        JpaBootstrapReadiness readiness = new JpaBootstrapReadiness();
        LocalContainerEntityManagerFactoryBean factory = new LocalContainerEntityManagerFactoryBean();
        factory.setBootstrapExecutor(new SimpleAsyncTaskExecutor("test-bootstrap-"));
        assertThat(readiness.health().getStatus()).as("nothing submitted").isEqualTo(Status.UP);

        readiness.postProcessBeforeInitialization(factory, "entityManagerFactory");
        CountDownLatch release = new CountDownLatch(1);
        Future<Boolean> bootstrap = factory.getBootstrapExecutor().submit(() -> release.await(10, TimeUnit.SECONDS));

        assertThat(readiness.health().getStatus()).as("bootstrapping").isEqualTo(Status.DOWN);
        assertThat(readiness.health().getDetails()).containsEntry("bootstrap", "in progress");
        release.countDown();
        bootstrap.get(10, TimeUnit.SECONDS);
        assertThat(readiness.health().getStatus()).as("bootstrapped").isEqualTo(Status.UP);
    }

    @Test
    void aFailedBootstrapKeepsItDown() throws Exception {
        JpaBootstrapReadiness readiness = new JpaBootstrapReadiness();
        LocalContainerEntityManagerFactoryBean factory = new LocalContainerEntityManagerFactoryBean();
        factory.setBootstrapExecutor(new SimpleAsyncTaskExecutor("test-bootstrap-"));
        readiness.postProcessBeforeInitialization(factory, "entityManagerFactory");

        Future<Object> bootstrap = factory.getBootstrapExecutor().submit(() -> {
            throw new IllegalStateException("schema validation failed");
        });
        while (!bootstrap.isDone()) {
            Thread.sleep(5);
        }

        assertThat(readiness.health().getStatus()).isEqualTo(Status.DOWN);
        assertThat(readiness.health().getDetails()).containsEntry("bootstrap", "failed")
                .containsEntry("error", IllegalStateException.class.getName());
    }

    @Test
    void aSynchronousBootstrapIsLeftAlone() {
        JpaBootstrapReadiness readiness = new JpaBootstrapReadiness();
        LocalContainerEntityManagerFactoryBean factory = new LocalContainerEntityManagerFactoryBean();

        readiness.postProcessBeforeInitialization(factory, "entityManagerFactory");

        assertThat(factory.getBootstrapExecutor()).isNull();
        assertThat(readiness.health().getStatus()).isEqualTo(Status.UP);
    }
}
