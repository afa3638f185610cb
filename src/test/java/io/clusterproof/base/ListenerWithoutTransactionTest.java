package io.clusterproof.base;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Method;
import org.junit.jupiter.api.Test;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.scheduling.annotation.Async;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.annotation.AnnotationTransactionAttributeSource;
import org.springframework.transaction.event.TransactionPhase;
import org.springframework.transaction.event.TransactionalEventListener;

class ListenerWithoutTransactionTest {

    static class Listener {
        @ListenerWithoutTransaction
        void on(String event) {}
    }

    private final Method on = listenerMethod();

    @Test
    void runs_without_a_transaction_around_it() {
        var attribute = new AnnotationTransactionAttributeSource(false).getTransactionAttribute(on, Listener.class);

        assertThat(attribute).isNotNull();
        assertThat(attribute.getPropagationBehavior()).isEqualTo(TransactionDefinition.PROPAGATION_NOT_SUPPORTED);
    }

    @Test
    void is_asynchronous_and_after_the_publishers_commit() {
        var listener = AnnotatedElementUtils.findMergedAnnotation(on, TransactionalEventListener.class);

        assertThat(listener).isNotNull();
        assertThat(listener.phase()).isEqualTo(TransactionPhase.AFTER_COMMIT);
        assertThat(AnnotatedElementUtils.hasAnnotation(on, Async.class)).isTrue();
    }

    private static Method listenerMethod() {
        try {
            return Listener.class.getDeclaredMethod("on", String.class);
        } catch (NoSuchMethodException e) {
            throw new AssertionError(e);
        }
    }
}
