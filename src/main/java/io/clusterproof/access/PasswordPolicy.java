package io.clusterproof.access;

import io.clusterproof.base.UserFacingException;
import java.util.ArrayList;
import java.util.Locale;
import me.gosimple.nbvcxz.Nbvcxz;
import me.gosimple.nbvcxz.resources.ConfigurationBuilder;

/**
 * Long passwords beat complex ones, but length alone lets {@code aaaaaaaaaaaa} through. A password
 * needs at least {@value #MIN_LENGTH} characters, must not be the username, and must be hard to
 * guess: nbvcxz estimates how many guesses it takes, matching it whole and in parts against its
 * bundled lists of common passwords, words and names, keyboard walks, repeats, sequences and dates.
 * Below {@value #MIN_ENTROPY_BITS} bits the password is refused with the estimator's own advice.
 */
final class PasswordPolicy {

    static final int MIN_LENGTH = 12;
    static final double MIN_ENTROPY_BITS = 35;

    private PasswordPolicy() {}

    static void check(String username, String password) {
        if (password.length() < MIN_LENGTH) {
            throw new UserFacingException("The password must have at least " + MIN_LENGTH + " characters.");
        }
        if (password.equalsIgnoreCase(username)) {
            throw new UserFacingException("The password must not be the username.");
        }
        var result = Estimator.INSTANCE.estimate(password);
        if (!result.isMinimumEntropyMet()) {
            var feedback = result.getFeedback();
            var reasons = new ArrayList<String>();
            if (feedback.getWarning() != null) {
                reasons.add(feedback.getWarning());
            }
            reasons.addAll(feedback.getSuggestion());
            if (reasons.isEmpty()) {
                reasons.add("Add another word or two. Uncommon words are better.");
            }
            throw new UserFacingException("The password is too easy to guess. " + String.join(" ", reasons));
        }
    }

    /** Loads the dictionaries once, on the first check; the estimator is safe to share between threads. */
    private static final class Estimator {
        static final Nbvcxz INSTANCE = new Nbvcxz(new ConfigurationBuilder()
                .setMinimumEntropy(MIN_ENTROPY_BITS)
                .setLocale(Locale.ENGLISH)
                .createConfiguration());
    }
}
