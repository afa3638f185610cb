package io.clusterproof.evidence;

import io.clusterproof.assessment.StoredFinding;
import io.clusterproof.catalog.ControlDefinition;
import io.clusterproof.catalog.FrameworkDefinition;
import io.clusterproof.evidence.RemediationRecords.Waiver;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/** How exports write the same facts the same way: times, evidence, waivers, sections. */
final class EvidenceText {

    private EvidenceText() {}

    /** ISO-8601 with the zone's offset, so a spreadsheet and a person read the same instant. */
    static String instant(@Nullable Instant instant, ZoneId zone) {
        return instant == null
                ? ""
                : DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(
                        instant.atZone(zone).toOffsetDateTime().withNano(0));
    }

    /** The message, then the inspected field paths one per line. */
    static String evidence(StoredFinding finding) {
        return finding.paths().isEmpty()
                ? finding.message()
                : finding.message() + "\nPaths: " + String.join("\n", finding.paths());
    }

    static String waiver(StoredFinding finding, Map<Long, Waiver> waivers, ZoneId zone) {
        if (finding.waiverId() == null) {
            return "";
        }
        var waiver = waivers.get(finding.waiverId());
        return waiver == null
                ? "waiver " + finding.waiverId()
                : "waiver " + waiver.id() + ": " + waiver.reason()
                        + (waiver.ticket() == null ? "" : " (" + waiver.ticket() + ")")
                        + ", approved by " + waiver.approvedBy() + ", expires " + instant(waiver.expiresAt(), zone);
    }

    static String section(FrameworkDefinition framework, ControlDefinition control) {
        return framework.sections().stream()
                .filter(s -> s.id().equals(control.section()))
                .findFirst()
                .map(s -> s.id() + " " + s.title())
                .orElse(control.section());
    }

    static String resource(StoredFinding finding) {
        return finding.resource().display();
    }
}
