package io.clusterproof.drift;

import java.util.List;

/** Whether regression alerts are getting through: the enabled webhooks whose last attempt failed. */
public record AlertHealth(List<String> failingWebhooks, int enabledWebhooks) {

    public boolean failing() {
        return !failingWebhooks.isEmpty();
    }
}
