package io.clusterproof.evidence;

import java.util.List;

/**
 * A scheduled export as an administrator defines it: one pack per framework, for the chosen
 * clusters, each run.
 *
 * @param cron six fields, seconds first, in {@code clusterproof.base.time-zone}
 * @param periodDays each pack covers the days from this many days before the run up to the run's date
 * @param retentionDays how long its packs stay in the locker
 * @param recipients email addresses the packs go to; empty for none
 */
public record ScheduleDefinition(
        String name,
        List<Long> clusterIds,
        List<String> frameworkIds,
        String cron,
        int periodDays,
        int retentionDays,
        List<String> recipients,
        boolean enabled) {

    public ScheduleDefinition {
        clusterIds = List.copyOf(clusterIds);
        frameworkIds = List.copyOf(frameworkIds);
        recipients = List.copyOf(recipients);
    }

    public ScheduleDefinition withName(String name) {
        return new ScheduleDefinition(
                name, clusterIds, frameworkIds, cron, periodDays, retentionDays, recipients, enabled);
    }

    /** A short summary for the audit log. */
    String auditState() {
        return "clusters=" + clusterIds + ", frameworks=" + frameworkIds + ", cron=" + cron + ", periodDays="
                + periodDays + ", retentionDays=" + retentionDays + ", recipients=" + recipients + ", enabled="
                + enabled;
    }
}
