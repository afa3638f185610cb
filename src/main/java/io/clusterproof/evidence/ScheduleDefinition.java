package io.clusterproof.evidence;

import java.util.List;

/**
 * A scheduled export as an administrator defines it: one pack per framework, for the chosen
 * clusters, each run.
 *
 * @param cron six fields, seconds first, in {@code clusterproof.base.time-zone}
 * @param periodDays how many calendar days each pack covers, the run's date being the last of them
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

    public ScheduleDefinition withClusters(List<Long> clusterIds) {
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
