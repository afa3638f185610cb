package io.clusterproof.evidence;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetupTest;
import io.clusterproof.base.BaseProperties;
import io.clusterproof.support.AsAdmin;
import io.clusterproof.support.IntegrationTest;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.support.StaticListableBeanFactory;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.JavaMailSenderImpl;

/** Scheduled packs by email, against an in-process SMTP server on a free loopback port. */
@IntegrationTest
class PackMailerTest {

    @RegisterExtension
    static GreenMailExtension smtp = new GreenMailExtension(ServerSetupTest.SMTP.dynamicPort());

    @Autowired
    DemoEvidence demo;

    @Autowired
    EvidenceService evidence;

    @Autowired
    Locker locker;

    @Autowired
    EvidenceProperties properties;

    @Autowired
    BaseProperties base;

    @Test
    void a_pack_is_sent_with_the_zip_attached_and_its_digest_in_the_body() throws Exception {
        var pack = AsAdmin.as("test-auditor", "AUDITOR", () -> evidence.createPack(demo.request("gdpr")));
        var mailer = new PackMailer(sender(), locker, properties, base);

        var delivery = mailer.deliver(List.of("auditor@northwind.example", "ciso@northwind.example"), pack, "weekly");

        assertThat(delivery.sent()).isTrue();
        assertThat(delivery.text()).contains("with the pack attached");
        var messages = smtp.getReceivedMessages();
        assertThat(messages).hasSize(2);
        var message = messages[0];
        assertThat(message.getSubject()).isEqualTo("Evidence pack gdpr " + pack.from() + " to " + pack.to());
        var multipart = (Multipart) message.getContent();
        String body = null;
        byte[] attachment = null;
        for (int i = 0; i < multipart.getCount(); i++) {
            var part = multipart.getBodyPart(i);
            if (Part.ATTACHMENT.equalsIgnoreCase(part.getDisposition())) {
                assertThat(part.getFileName()).isEqualTo(pack.fileName());
                attachment = part.getInputStream().readAllBytes();
            } else {
                body = bodyText(part);
            }
        }
        assertThat(body).contains(pack.sha256()).contains("sha256sum -c SHA256SUMS");
        assertThat(attachment).isNotNull();
        assertThat(EvidencePackTest.sha256(attachment)).isEqualTo(pack.sha256());
    }

    @Test
    void a_pack_over_the_attachment_limit_is_sent_by_reference() throws Exception {
        var pack = AsAdmin.as("test-auditor", "AUDITOR", () -> evidence.createPack(demo.request("gdpr")));
        var small = new EvidenceProperties(
                "0 0 6 * * MON", 7, 365, 200, 1000, "evidence@northwind.example", 1, Duration.ofHours(1));
        var mailer = new PackMailer(sender(), locker, small, base);

        var delivery = mailer.deliver(List.of("auditor@northwind.example"), pack, "weekly");

        assertThat(delivery.sent()).isTrue();
        assertThat(delivery.text()).contains("by reference");
        var message = smtp.getReceivedMessages()[0];
        assertThat(message.getFrom()[0].toString()).isEqualTo("evidence@northwind.example");
        var text = (String) message.getContent();
        assertThat(text).contains(pack.sha256()).contains("/api/v1/evidence/packs/" + pack.id() + "/download");
    }

    @Test
    void an_unreachable_smtp_server_is_reported_not_thrown() {
        var pack = AsAdmin.as("test-auditor", "AUDITOR", () -> evidence.createPack(demo.request("gdpr")));
        var unreachable = new JavaMailSenderImpl();
        unreachable.setHost("127.0.0.1");
        unreachable.setPort(1);
        var mailer = new PackMailer(provider(unreachable), locker, properties, base);

        var delivery = mailer.deliver(List.of("auditor@northwind.example"), pack, "weekly");

        assertThat(delivery.sent()).isFalse();
        assertThat(delivery.text()).startsWith("not sent to auditor@northwind.example");
    }

    private static ObjectProvider<JavaMailSender> sender() {
        var sender = new JavaMailSenderImpl();
        sender.setHost("127.0.0.1");
        sender.setPort(smtp.getSmtp().getPort());
        return provider(sender);
    }

    private static ObjectProvider<JavaMailSender> provider(JavaMailSender sender) {
        var factory = new StaticListableBeanFactory();
        factory.addBean("mailSender", sender);
        return factory.getBeanProvider(JavaMailSender.class);
    }

    private static String bodyText(Part part) throws Exception {
        if (part.getContent() instanceof Multipart nested) {
            var out = new StringBuilder();
            for (int i = 0; i < nested.getCount(); i++) {
                out.append(bodyText(nested.getBodyPart(i)));
            }
            return out.toString();
        }
        return String.valueOf(part.getContent());
    }
}
