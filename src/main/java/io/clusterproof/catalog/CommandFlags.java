package io.clusterproof.catalog;

import java.util.ArrayList;
import java.util.List;

/**
 * {@code commandFlags(arguments)}: a component's command line as flags written {@code --name=value},
 * however they were given. Arguments holding several words ({@code "--a=1 --b=2"}) are split, and a
 * flag followed by a separate value ({@code "--profiling", "false"}) is joined to it, so a rule that
 * looks for {@code --profiling=false} or a bare {@code --client-cert-auth} reads both spellings the
 * same way, and {@code "--client-cert-auth", "false"} is never taken for the bare flag.
 */
final class CommandFlags {

    private CommandFlags() {}

    static List<String> of(List<?> arguments) {
        var words = new ArrayList<String>();
        for (var argument : arguments) {
            for (var word : String.valueOf(argument).split(" ")) {
                if (!word.isEmpty()) {
                    words.add(word);
                }
            }
        }
        var flags = new ArrayList<String>(words.size());
        for (int i = 0; i < words.size(); i++) {
            var word = words.get(i);
            var next = i + 1 < words.size() ? words.get(i + 1) : null;
            if (word.startsWith("--") && !word.contains("=") && next != null && !next.startsWith("-")) {
                flags.add(word + "=" + next);
                i++;
            } else {
                flags.add(word);
            }
        }
        return flags;
    }
}
