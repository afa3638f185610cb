package io.clusterproof.base;

import java.time.Duration;
import java.time.Instant;
import java.time.Period;
import java.util.ArrayList;

/** Counts, periods and ages as people write them: "1 check", "365 days", "23 minutes ago". */
public final class Phrases {

    private Phrases() {}

    /** "1 check", "2 checks"; for plurals that are not the singular plus "s", use the other form. */
    public static String count(long n, String singular) {
        return count(n, singular, singular.endsWith("s") ? singular + "es" : singular + "s");
    }

    public static String count(long n, String singular, String plural) {
        return n + " " + (n == 1 ? singular : plural);
    }

    /** A catalog period such as {@code P365D} or {@code P1Y}: "365 days", "1 year". */
    public static String period(Period period) {
        var parts = new ArrayList<String>();
        if (period.getYears() != 0) {
            parts.add(count(period.getYears(), "year"));
        }
        if (period.getMonths() != 0) {
            parts.add(count(period.getMonths(), "month"));
        }
        if (period.getDays() != 0 || parts.isEmpty()) {
            parts.add(count(period.getDays(), "day"));
        }
        return String.join(" and ", parts);
    }

    /** How long something lasted or has been: "5 minutes", "3 hours", "4 days". */
    public static String length(Duration duration) {
        if (duration.toMinutes() < 60) {
            return count(Math.max(1, duration.toMinutes()), "minute");
        }
        if (duration.toHours() < 48) {
            return count(duration.toHours(), "hour");
        }
        return count(duration.toDays(), "day");
    }

    /** "just now" under a minute, then "23 minutes ago", "5 hours ago", "3 days ago". */
    public static String ago(Instant then, Instant now) {
        var age = Duration.between(then, now);
        return age.toMinutes() < 1 ? "just now" : length(age) + " ago";
    }
}
