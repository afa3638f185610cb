package io.clusterproof.evidence;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param defaultSchedule cron (seconds first) of a new scheduled export, in {@code clusterproof.base.time-zone}
 * @param defaultPeriodDays how many days before its run a new scheduled pack covers
 * @param retentionDays how long a pack someone generated stays in the locker (schedules set their own)
 * @param inlineFindings a cluster with more findings than this in a list gets them in an appendix
 * @param pageSize findings an export writes between two reports of its progress (they stream from the
 *     database in one query per check and cluster)
 * @param mailFrom sender address of scheduled pack emails
 * @param mailAttachmentLimit packs up to this size travel as an attachment; larger ones by reference
 * @param downloadsKeptFor how long a generated PDF or CSV waits for its download
 */
@ConfigurationProperties("clusterproof.evidence")
public record EvidenceProperties(
        @DefaultValue("0 0 6 * * MON") String defaultSchedule,
        @DefaultValue("7") int defaultPeriodDays,
        @DefaultValue("365") int retentionDays,
        @DefaultValue("200") int inlineFindings,
        @DefaultValue("5000") int pageSize,
        @DefaultValue("clusterproof@localhost") String mailFrom,
        @DefaultValue("10485760") long mailAttachmentLimit,
        @DefaultValue("1h") Duration downloadsKeptFor) {}
