package com.waymark.ops;

import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;

import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.core.task.AsyncTaskExecutor;
import org.springframework.orm.jpa.AbstractEntityManagerFactoryBean;
import org.springframework.stereotype.Component;

/**
 * {@code jpa} in the readiness group: DOWN until Hibernate's bootstrap has finished.
 * <p>
 * With {@code spring.data.jpa.repositories.bootstrap-mode=deferred} Spring Boot hands the EntityManagerFactory's
 * bootstrap (reading the entities, validating the schema: the most expensive step of a start) to the application
 * task executor, so it runs beside the rest of the context's start instead of before it. A message that arrived
 * meanwhile would wait for it, so readiness, when a platform sends traffic, must: this records the bootstrap's future
 * and reports it. Where the bootstrap is synchronous (a test slice, another bootstrap mode) there is nothing to wait
 * for, and this is UP.
 */
@Component("jpaHealthIndicator")
class JpaBootstrapReadiness implements BeanPostProcessor, HealthIndicator {

    private final List<Future<?>> bootstraps = new CopyOnWriteArrayList<>();

    @Override
    public Object postProcessBeforeInitialization(Object bean, String beanName) {
        // Before afterPropertiesSet, which is where the bootstrap is submitted.
        if (bean instanceof AbstractEntityManagerFactoryBean factory && factory.getBootstrapExecutor() != null) {
            factory.setBootstrapExecutor(new Recording(factory.getBootstrapExecutor()));
        }
        return bean;
    }

    @Override
    public Health health() {
        for (Future<?> bootstrap : bootstraps) {
            if (!bootstrap.isDone()) {
                return Health.down().withDetail("bootstrap", "in progress").build();
            }
            try {
                bootstrap.get();
            } catch (ExecutionException e) {
                return Health.down().withDetail("bootstrap", "failed")
                        .withDetail("error", e.getCause().getClass().getName()).build();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return Health.down().build();
            }
        }
        return Health.up().build();
    }

    /** The executor Boot chose, remembering each task's future. */
    private final class Recording implements AsyncTaskExecutor {

        private final AsyncTaskExecutor delegate;

        Recording(AsyncTaskExecutor delegate) {
            this.delegate = delegate;
        }

        @Override
        public void execute(Runnable task) {
            bootstraps.add(delegate.submit(task));
        }

        @Override
        public Future<?> submit(Runnable task) {
            Future<?> future = delegate.submit(task);
            bootstraps.add(future);
            return future;
        }

        @Override
        public <T> Future<T> submit(Callable<T> task) {
            Future<T> future = delegate.submit(task);
            bootstraps.add(future);
            return future;
        }
    }
}
