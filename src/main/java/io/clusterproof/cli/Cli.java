package io.clusterproof.cli;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import io.clusterproof.catalog.InvalidCatalogException;
import io.clusterproof.cli.agent.AgentCommand;
import java.io.PrintStream;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import org.slf4j.LoggerFactory;

/**
 * Entry point of the headless commands. Exit codes: 0 fine, 1 a framework's control score is
 * under {@code --fail-under}, the scan regressed since {@code --baseline}, or {@code checks verify}
 * found a failing fixture or an invalid catalog folder, 2 usage or input errors (still reported in
 * the output).
 */
public final class Cli {

    public static final Set<String> COMMANDS = Set.of("scan", "checks", "controls", "agent");

    static final String USAGE = """
            Usage:
              java -jar clusterproof.jar scan PATH... [--framework ID]... [--format table|json|csv|sarif|oscal]
                                               [--output FILE] [--fail-under PERCENT] [--baseline PREVIOUS.json]
                                               [--catalog DIR]...
              java -jar clusterproof.jar checks [--format json] [--catalog DIR]...
              java -jar clusterproof.jar checks verify [--catalog DIR]...
              java -jar clusterproof.jar controls [--framework ID] [--format json] [--catalog DIR]...
              java -jar clusterproof.jar agent --server URL [--state DIR] [--token-file FILE] [--register]
                                               [--kubeconfig FILE [--context NAME]] [--interval 1h] [--poll 1m] [--once]

            scan     assesses manifest files and directories (YAML, JSON, kind: List, kubectl dumps, .tar.gz)
            checks   lists the catalog's checks with their cross-references and mapped controls
            checks verify  runs every check fixture of the built-in catalog and of each --catalog folder;
                     prints each failing fixture with its file and reason (exit 1 on any failure or an
                     invalid catalog folder)
            controls lists the frameworks' controls: type (automated|hybrid|attestation), implementation, checks
            agent    runs inside a cluster: collects it with the server's collector, redacts and normalises
                     locally, and pushes signed snapshots (only the bodies the server lacks). Its first run
                     registers with a single-use token (--token-file or CLUSTERPROOF_AGENT_TOKEN) and keeps its
                     Ed25519 key and credential in --state (default ./clusterproof-agent); --register stops
                     there. Without --kubeconfig it reads the cluster through the pod's service account. It
                     collects every --interval, and when the server asks at a --poll; --once collects once.
                     Exit 1 when a collection or push failed, 3 when the server refused its token or credential.
            --baseline compares with an earlier scan --format json output: what got worse is printed, and
                     SARIF results say whether they are new (baselineState).
            Exit codes: 0 fine, 1 a control score is under --fail-under, or a control got worse or a new
                        critical or high finding fails since --baseline, 2 usage or input errors.
            """;

    /** Asking for help never starts the server nor creates {@code ./data}. */
    static final Set<String> HELP = Set.of("help", "--help", "-h");

    private Cli() {}

    public static boolean isCommand(String[] args) {
        return args.length > 0 && (COMMANDS.contains(args[0]) || HELP.contains(args[0]));
    }

    public static int run(String[] args, PrintStream out, PrintStream err) {
        quietLogging();
        var rest = List.of(Arrays.copyOfRange(args, 1, args.length));
        if (HELP.contains(args[0]) || rest.stream().anyMatch(HELP::contains)) {
            out.print(USAGE);
            return 0;
        }
        try {
            return switch (args[0]) {
                case "scan" -> new ScanCommand(ScanOptions.parse(rest), out, err).run();
                case "checks" ->
                    !rest.isEmpty() && rest.get(0).equals("verify")
                            ? new ChecksVerifyCommand(rest.subList(1, rest.size()), out, err).run()
                            : new ChecksCommand(rest, out).run();
                case "controls" -> new ControlsCommand(rest, out).run();
                case "agent" -> AgentCommand.run(rest, System.getenv(), out, err);
                default -> throw new UsageException("unknown command " + args[0]);
            };
        } catch (UsageException e) {
            err.println("clusterproof: " + e.getMessage());
            err.print(USAGE);
            return 2;
        } catch (InvalidCatalogException e) {
            err.println("clusterproof: " + e.getMessage());
            return 2;
        }
    }

    /** Without Spring Boot's logging setup, the default would print every library's debug output. */
    private static void quietLogging() {
        if (LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME) instanceof Logger root) {
            root.setLevel(Level.WARN);
        }
    }
}
