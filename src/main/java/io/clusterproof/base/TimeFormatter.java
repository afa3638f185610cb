package io.clusterproof.base;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/** Shows instants in the configured time zone, the same way on every page and in every export. */
@Component
public class TimeFormatter {

    private final ZoneId zone;
    private final DateTimeFormatter dateTime;
    private final DateTimeFormatter date;

    TimeFormatter(BaseProperties properties) {
        this.zone = properties.timeZone();
        this.dateTime = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(zone);
        this.date = DateTimeFormatter.ofPattern("yyyy-MM-dd").withZone(zone);
    }

    public String dateTime(@Nullable Instant instant) {
        return instant == null ? "" : dateTime.format(instant);
    }

    public String date(@Nullable Instant instant) {
        return instant == null ? "" : date.format(instant);
    }

    public ZoneId zone() {
        return zone;
    }
}
