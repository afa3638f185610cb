package io.clusterproof.snapshot;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Decides whether a name (an environment variable, a ConfigMap or JSON key, a command-line flag, an
 * annotation) names a credential. The name is split into words ({@code DB_PASSWORD}, {@code
 * dbPassword}, {@code --db-pass}); a credential word makes it sensitive unless the last word says the
 * value is a setting about the credential ({@code PASSWORD_MIN_LENGTH}, {@code TOKEN_TTL_SECONDS},
 * {@code auth-path}), and a name ending in {@code KEY} is a key unless it is public.
 */
final class CredentialNames {

    private static final Pattern WORD_BREAK = Pattern.compile("[^A-Za-z0-9]+|(?<=[a-z0-9])(?=[A-Z])");

    /** Words that name a credential wherever they stand. */
    private static final Set<String> CREDENTIAL_WORDS = Set.of(
            "password",
            "passwd",
            "pwd",
            "passphrase",
            "secret",
            "secrets",
            "token",
            "tokens",
            "credential",
            "credentials",
            "creds",
            "apikey",
            "auth",
            "jwt",
            "bearer");

    /** Credential words written together with others: {@code DBPASSWORD}, {@code mysqlpwd}. */
    private static final List<String> CREDENTIAL_PARTS = List.of(
            "password", "passwd", "apikey", "secretkey", "privatekey", "accesskey", "clientsecret", "connectionstring");

    /** A last word that makes the value a setting about a credential, not the credential. */
    private static final Set<String> SETTING_WORDS = Set.of(
            "min",
            "max",
            "length",
            "len",
            "ttl",
            "seconds",
            "secs",
            "minutes",
            "hours",
            "days",
            "ms",
            "timeout",
            "expiry",
            "expiration",
            "lifetime",
            "duration",
            "interval",
            "url",
            "uri",
            "issuer",
            "endpoint",
            "host",
            "port",
            "path",
            "file",
            "dir",
            "mode",
            "method",
            "type",
            "enabled",
            "disabled",
            "required",
            "name",
            "ref",
            "header",
            "policy",
            "count",
            "size",
            "algorithm",
            "format",
            "version",
            "id",
            "prefix",
            "field",
            "location",
            "provider",
            "realm",
            "scope",
            "scopes",
            "audience",
            "reload");

    private CredentialNames() {}

    static boolean isCredential(String name) {
        if (name.toLowerCase(Locale.ROOT).startsWith("vault.hashicorp.com/")) {
            // Vault agent annotations hold paths, roles and templates that say where a secret comes from
            return false;
        }
        var words = words(name);
        if (words.isEmpty()) {
            return false;
        }
        var last = words.get(words.size() - 1);
        if (SETTING_WORDS.contains(last)) {
            return false;
        }
        if (words.stream().anyMatch(CREDENTIAL_WORDS::contains)) {
            return true;
        }
        if (last.equals("key") || last.equals("keys") || last.equals("pass")) {
            return !(words.size() > 1 && words.get(words.size() - 2).equals("public"));
        }
        var joined = String.join("", words);
        return CREDENTIAL_PARTS.stream().anyMatch(joined::contains)
                || joined.contains("connstr")
                || joined.endsWith("pwd");
    }

    private static List<String> words(String name) {
        var words = new ArrayList<String>();
        for (var word : WORD_BREAK.split(name)) {
            if (!word.isEmpty()) {
                words.add(word.toLowerCase(Locale.ROOT));
            }
        }
        return words;
    }
}
