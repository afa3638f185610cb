package io.clusterproof.evidence;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.core.task.TaskRejectedException;
import org.springframework.scheduling.concurrent.ThreadPoolTaskExecutor;
import org.springframework.stereotype.Component;

/**
 * The threads exports and scheduled packs run on, never a request or scheduler thread. Two at a
 * time: a large report keeps a core busy. The executor is deliberately not a bean of its own: a
 * second {@code TaskExecutor} bean would change which executor the application's asynchronous
 * event listeners resolve to.
 */
@Component
class EvidenceWorkers implements DisposableBean {

    private final ThreadPoolTaskExecutor executor = new ThreadPoolTaskExecutor();

    EvidenceWorkers() {
        executor.setThreadNamePrefix("evidence-");
        executor.setCorePoolSize(2);
        executor.setMaxPoolSize(2);
        executor.setQueueCapacity(100);
        executor.setWaitForTasksToCompleteOnShutdown(false);
        executor.initialize();
    }

    /** @throws io.clusterproof.base.UserFacingException when too much work is already queued */
    void execute(Runnable work) {
        try {
            executor.execute(work);
        } catch (TaskRejectedException e) {
            throw new io.clusterproof.base.UserFacingException(
                    "Too many exports are waiting already; try again in a few minutes.", e);
        }
    }

    @Override
    public void destroy() {
        executor.shutdown();
    }
}
