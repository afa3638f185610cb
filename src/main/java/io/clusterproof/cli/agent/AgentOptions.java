package io.clusterproof.cli.agent;

import java.nio.file.Path;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The agent's options; each also comes from the environment, as a Deployment sets it.
 *
 * @param tokenFile where the registration token is, for the first run
 * @param token the registration token from {@code CLUSTERPROOF_AGENT_TOKEN}
 * @param registerOnly register (if not yet) and stop: to keep the state in a Secret before deploying
 */
record AgentOptions(
        String server,
        Path state,
        @Nullable Path tokenFile,
        @Nullable String token,
        @Nullable Path kubeconfig,
        @Nullable String context,
        Duration interval,
        Duration poll,
        boolean once,
        boolean registerOnly) {

    static AgentOptions parse(List<String> args, Map<String, String> env) {
        String server = env.get("CLUSTERPROOF_SERVER");
        String state = env.getOrDefault("CLUSTERPROOF_AGENT_STATE", "clusterproof-agent");
        String tokenFile = env.get("CLUSTERPROOF_AGENT_TOKEN_FILE");
        String kubeconfig = null;
        String context = null;
        var interval = Duration.ofHours(1);
        var poll = Duration.ofMinutes(1);
        boolean once = false;
        boolean registerOnly = false;
        for (int i = 0; i < args.size(); i++) {
            var option = args.get(i);
            switch (option) {
                case "--once" -> once = true;
                case "--register" -> registerOnly = true;
                case "--server" -> server = value(args, ++i, option);
                case "--state" -> state = value(args, ++i, option);
                case "--token-file" -> tokenFile = value(args, ++i, option);
                case "--kubeconfig" -> kubeconfig = value(args, ++i, option);
                case "--context" -> context = value(args, ++i, option);
                case "--interval" -> interval = duration(value(args, ++i, option), option);
                case "--poll" -> poll = duration(value(args, ++i, option), option);
                default -> throw new IllegalArgumentException("unknown option " + option);
            }
        }
        if (server == null || server.isBlank()) {
            throw new IllegalArgumentException("--server URL is required (or CLUSTERPROOF_SERVER)");
        }
        if (!server.startsWith("https://") && !server.startsWith("http://")) {
            throw new IllegalArgumentException("--server " + server + " is not an http(s) URL");
        }
        return new AgentOptions(
                server,
                Path.of(state),
                tokenFile == null ? null : Path.of(tokenFile),
                env.get("CLUSTERPROOF_AGENT_TOKEN"),
                kubeconfig == null ? null : Path.of(kubeconfig),
                context,
                interval,
                poll,
                once,
                registerOnly);
    }

    private static String value(List<String> args, int index, String option) {
        if (index >= args.size() || args.get(index).startsWith("--")) {
            throw new IllegalArgumentException(option + " needs a value");
        }
        return args.get(index);
    }

    /** {@code 45s}, {@code 30m}, {@code 1h}, {@code 1d} or ISO-8601 ({@code PT1H}); at least ten seconds. */
    static Duration duration(String text, String option) {
        Duration value;
        try {
            var lower = text.toLowerCase(Locale.ROOT);
            if (lower.startsWith("p")) {
                value = Duration.parse(text);
            } else {
                var amount = Long.parseLong(lower.substring(0, lower.length() - 1));
                value = switch (lower.charAt(lower.length() - 1)) {
                    case 's' -> Duration.ofSeconds(amount);
                    case 'm' -> Duration.ofMinutes(amount);
                    case 'h' -> Duration.ofHours(amount);
                    case 'd' -> Duration.ofDays(amount);
                    default -> throw new NumberFormatException();
                };
            }
        } catch (NumberFormatException | DateTimeParseException | StringIndexOutOfBoundsException e) {
            throw new IllegalArgumentException(option + " " + text + " is not a duration such as 30m, 1h or 1d");
        }
        if (value.compareTo(Duration.ofSeconds(10)) < 0) {
            throw new IllegalArgumentException(option + " " + text + " is shorter than ten seconds");
        }
        return value;
    }
}
