package io.clusterproof.base;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class OneAtATimeTest {

    private final AtomicInteger inside = new AtomicInteger();
    private final AtomicInteger most = new AtomicInteger();
    // threads of its own: the common pool may have a single thread on a two-core machine
    private final ExecutorService callers = Executors.newFixedThreadPool(2);

    @AfterEach
    void stopCallers() {
        callers.shutdownNow();
    }

    @Test
    void limited_a_second_caller_waits_until_the_first_is_out() throws Exception {
        var gate = OneAtATime.when(true);
        var first = CompletableFuture.supplyAsync(() -> gate.run(() -> enterUntil(() -> gate.waiting() == 1)), callers);
        await().atMost(Duration.ofSeconds(10)).until(() -> inside.get() == 1);
        var second = CompletableFuture.supplyAsync(() -> gate.run(() -> enterUntil(() -> true)), callers);

        first.get();
        second.get();

        assertThat(most.get()).isEqualTo(1);
        assertThat(gate.waiting()).isZero();
    }

    @Test
    void unlimited_callers_are_inside_at_once() throws Exception {
        var gate = OneAtATime.when(false);
        // each leaves once both have been inside together; "inside == 2" would be a race, since the
        // first to see it leaves and the other may then never see it
        var first = CompletableFuture.supplyAsync(() -> gate.run(() -> enterUntil(() -> most.get() == 2)), callers);
        var second = CompletableFuture.supplyAsync(() -> gate.run(() -> enterUntil(() -> most.get() == 2)), callers);

        first.get();
        second.get();

        assertThat(most.get()).isEqualTo(2);
    }

    @Test
    void a_failure_inside_lets_the_next_caller_in() {
        var gate = OneAtATime.when(true);
        var failed = CompletableFuture.supplyAsync(
                () -> gate.run(() -> {
                    throw new IllegalStateException("boom");
                }),
                callers);
        await().atMost(Duration.ofSeconds(10)).until(failed::isDone);

        assertThat(gate.run(() -> "next")).isEqualTo("next");
    }

    private boolean enterUntil(BooleanSupplier leave) {
        most.accumulateAndGet(inside.incrementAndGet(), Math::max);
        try {
            await().atMost(Duration.ofSeconds(10)).until(leave::getAsBoolean);
            return true;
        } finally {
            inside.decrementAndGet();
        }
    }
}
