package io.clusterproof.support;

import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.context.SecurityContextHolderStrategy;
import org.springframework.test.context.TestContext;
import org.springframework.test.context.support.AbstractTestExecutionListener;

/**
 * Vaadin installs its own security-context strategy per application context, and the static
 * holder points at whichever context started last. Tests share several cached contexts, so before
 * each test the holder is pointed back at the strategy of the context that test uses.
 */
public class SecurityStrategyListener extends AbstractTestExecutionListener {

    @Override
    public void beforeTestMethod(TestContext testContext) {
        var context = testContext.getApplicationContext();
        context.getBeanProvider(SecurityContextHolderStrategy.class).ifAvailable(strategy -> {
            SecurityContextHolder.setContextHolderStrategy(strategy);
            strategy.clearContext();
        });
    }

    @Override
    public int getOrder() {
        return Integer.MIN_VALUE;
    }
}
