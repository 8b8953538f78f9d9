package org.opora.platform;

import io.micronaut.context.BeanProvider;
import io.micronaut.context.event.ShutdownEvent;
import io.micronaut.runtime.event.annotation.EventListener;
import io.micronaut.scheduling.TaskExecutors;
import jakarta.inject.Named;
import jakarta.inject.Singleton;

import java.util.concurrent.ExecutorService;

/**
 * Stops the scheduled tasks first when the application shuts down. Micronaut looks a task's bean up on every run, so a
 * task due while the beans are being destroyed built its bean, and with it a new Neo4j driver and embedded database,
 * again: a 100-line "Unable to obtain lock on file" trace at the end of every {@code --import} and demo shutdown.
 */
@Singleton
class SchedulerShutdown {

    private final BeanProvider<ExecutorService> scheduled;

    SchedulerShutdown(@Named(TaskExecutors.SCHEDULED) BeanProvider<ExecutorService> scheduled) {
        this.scheduled = scheduled;
    }

    @EventListener
    void onShutdown(ShutdownEvent event) {
        scheduled.ifPresent(ExecutorService::shutdownNow);
    }
}
