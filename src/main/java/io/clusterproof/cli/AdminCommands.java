package io.clusterproof.cli;

import io.clusterproof.access.ActingAs;
import io.clusterproof.access.ApiTokenService;
import io.clusterproof.access.AuditLog;
import io.clusterproof.access.Role;
import io.clusterproof.access.UserService;
import io.clusterproof.base.UserFacingException;
import java.io.PrintStream;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Function;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Commands against the configured database, for bootstrapping and checking an installation from a
 * shell: {@code token create} (the first token for automation, printed once) and {@code audit
 * verify} (the audit log's hash chain). They start the application without its web server, so they
 * work whether the server runs or not; what they change is audited like any other change.
 */
public final class AdminCommands {

    public static final Set<String> COMMANDS = Set.of("token", "audit");

    static final String USAGE = """
            Usage:
              java -jar clusterproof.jar token create --name NAME --role ADMIN|OFFICER|ENGINEER|AUDITOR
                                                      [--team TEAM] [--user USERNAME] [--days 1-366]
              java -jar clusterproof.jar audit verify

            token create   issues an API token and prints it once (the audit log notes it was issued from
                           the command line; --user names the administrator accountable for it;
                           --team, for an ENGINEER token, the team whose remediation items it works)
            audit verify   checks the audit log's hash chain; exit code 1 names the first broken link
            """;

    private static final String CLI_ACTOR = "command-line";

    private AdminCommands() {}

    public static boolean isCommand(String[] args) {
        return args.length > 0 && COMMANDS.contains(args[0]);
    }

    /**
     * @param start starts the application without a web server, given the remaining arguments
     */
    public static int run(
            String[] args, Function<String[], ConfigurableApplicationContext> start, PrintStream out, PrintStream err) {
        try {
            var command = args.length > 1 ? args[0] + " " + args[1] : args[0];
            var options = List.of(args).subList(Math.min(2, args.length), args.length);
            return switch (command) {
                case "token create" -> {
                    var request = TokenRequest.parse(options);
                    try (var context = start.apply(new String[0])) {
                        yield createToken(context, request, out);
                    }
                }
                case "audit verify" -> {
                    if (!options.isEmpty()) {
                        throw new UsageException("audit verify takes no options");
                    }
                    try (var context = start.apply(new String[0])) {
                        var result = ActingAs.call(
                                CLI_ACTOR,
                                Role.AUDITOR,
                                () -> context.getBean(AuditLog.class).verify());
                        out.println(result.message());
                        yield result.intact() ? 0 : 1;
                    }
                }
                default -> throw new UsageException("unknown command " + command);
            };
        } catch (UsageException e) {
            err.println("clusterproof: " + e.getMessage());
            err.print(USAGE);
            return 2;
        } catch (UserFacingException e) {
            err.println("clusterproof: " + e.getMessage());
            return 2;
        }
    }

    private static int createToken(ConfigurableApplicationContext context, TokenRequest request, PrintStream out) {
        var named = request.user();
        var actor = named == null ? CLI_ACTOR : named;
        if (named != null) {
            var user = ActingAs.call(
                    CLI_ACTOR,
                    Role.ADMIN,
                    () -> context.getBean(UserService.class)
                            .find(named)
                            .orElseThrow(() -> new UsageException("there is no user named " + named)));
            if (user == null || user.role() != Role.ADMIN || !user.enabled()) {
                throw new UsageException("--user must name an enabled administrator; " + request.user() + " is not");
            }
        }
        var issued = ActingAs.call(
                actor,
                Role.ADMIN,
                () -> context.getBean(ApiTokenService.class)
                        .create(
                                request.name(),
                                request.role(),
                                request.team(),
                                Duration.ofDays(request.days()),
                                "issued from the command line"));
        if (issued == null) {
            throw new IllegalStateException("no token was issued");
        }
        out.println(issued.token());
        return 0;
    }

    record TokenRequest(
            String name,
            Role role,
            @org.jspecify.annotations.Nullable String user,
            @org.jspecify.annotations.Nullable String team,
            int days) {

        static TokenRequest parse(List<String> options) {
            String name = null;
            Role role = null;
            String user = null;
            String team = null;
            var days = 90;
            for (int i = 0; i < options.size(); i++) {
                var option = options.get(i);
                if (i + 1 >= options.size()) {
                    throw new UsageException(option + " needs a value");
                }
                var value = options.get(++i);
                switch (option) {
                    case "--name" -> name = value;
                    case "--role" -> {
                        try {
                            role = Role.valueOf(value.toUpperCase(Locale.ROOT));
                        } catch (IllegalArgumentException e) {
                            throw new UsageException(
                                    "--role " + value + " is not a role: use ADMIN, OFFICER, ENGINEER or AUDITOR");
                        }
                    }
                    case "--user" -> user = value;
                    case "--team" -> team = value;
                    case "--days" -> {
                        try {
                            days = Integer.parseInt(value);
                        } catch (NumberFormatException e) {
                            throw new UsageException("--days " + value + " is not a number of days");
                        }
                    }
                    default -> throw new UsageException("unknown option " + option);
                }
            }
            if (name == null || role == null) {
                throw new UsageException("token create needs --name and --role");
            }
            return new TokenRequest(name, role, user, team, days);
        }
    }
}
