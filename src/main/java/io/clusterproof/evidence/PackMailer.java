package io.clusterproof.evidence;

import io.clusterproof.base.BaseProperties;
import jakarta.mail.MessagingException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.core.io.FileSystemResource;
import org.springframework.mail.MailException;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.stereotype.Component;

/**
 * Sends a scheduled pack by email over SMTP ({@code spring.mail.*}). Packs up to
 * {@code clusterproof.evidence.mail-attachment-limit} are attached; the body always carries the
 * pack's SHA-256, so the recipient can check what arrived against the locker.
 */
@Component
class PackMailer {

    private static final Logger log = LoggerFactory.getLogger(PackMailer.class);

    /** What happened to one email. */
    record Delivery(boolean sent, String text) {}

    private final ObjectProvider<JavaMailSender> sender;
    private final Locker locker;
    private final EvidenceProperties properties;
    private final BaseProperties base;

    PackMailer(
            ObjectProvider<JavaMailSender> sender, Locker locker, EvidenceProperties properties, BaseProperties base) {
        this.sender = sender;
        this.locker = locker;
        this.properties = properties;
        this.base = base;
    }

    Delivery deliver(List<String> recipients, PackSummary pack, String scheduleName) {
        var mail = sender.getIfAvailable();
        if (mail == null) {
            return new Delivery(
                    false,
                    "not sent to " + String.join(", ", recipients)
                            + ": no SMTP server is configured (set spring.mail.host)");
        }
        var attach = pack.sizeBytes() <= properties.mailAttachmentLimit();
        java.nio.file.Path file = null;
        try {
            var message = mail.createMimeMessage();
            var helper = new MimeMessageHelper(message, attach, "UTF-8");
            helper.setFrom(properties.mailFrom());
            helper.setTo(recipients.toArray(String[]::new));
            helper.setSubject("Evidence pack " + pack.frameworkId() + " " + pack.from() + " to " + pack.to());
            helper.setText(body(pack, scheduleName, attach));
            if (attach) {
                file = Files.createTempFile("evidence-mail-", ".zip");
                try (var out = Files.newOutputStream(file)) {
                    locker.writeTo(pack.id(), out);
                }
                helper.addAttachment(pack.fileName(), new FileSystemResource(file), "application/zip");
            }
            mail.send(message);
            return new Delivery(
                    true,
                    "sent to " + String.join(", ", recipients)
                            + (attach ? " with the pack attached" : " by reference"));
        } catch (MessagingException | MailException e) {
            log.warn("Evidence pack {} could not be emailed", pack.id(), e);
            return new Delivery(false, "not sent to " + String.join(", ", recipients) + ": " + e.getMessage());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            if (file != null) {
                file.toFile().delete();
            }
        }
    }

    private String body(PackSummary pack, String scheduleName, boolean attached) {
        return "The scheduled export \"" + scheduleName + "\" produced evidence pack " + pack.id() + ".\n\n"
                + "Framework: " + pack.frameworkId() + "\n"
                + "Clusters: " + String.join(", ", pack.clusters()) + "\n"
                + "Period: " + pack.from() + " to " + pack.to() + " ("
                + base.timeZone().getId() + ")\n"
                + "File: " + pack.fileName() + " (" + pack.sizeBytes() + " bytes)\n"
                + "SHA-256: " + pack.sha256() + "\n\n"
                + (attached
                        ? "The pack is attached. Check it with: sha256sum " + pack.fileName() + "\n"
                        : "The pack is larger than the attachment limit: download it from the evidence locker "
                                + "(Evidence page, or GET /api/v1/evidence/packs/" + pack.id() + "/download).\n")
                + "Inside the pack, `sha256sum -c SHA256SUMS` verifies every file.\n";
    }
}
