package io.clusterproof.drift;

/** The body a webhook receives. */
public enum WebhookFormat {
    /** The full regression as JSON, for programs. */
    JSON("JSON"),
    /** {@code {"text": ...}}, which Slack incoming webhooks (and Mattermost, Teams connectors) show as a message. */
    SLACK("Slack-compatible");

    private final String label;

    WebhookFormat(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
