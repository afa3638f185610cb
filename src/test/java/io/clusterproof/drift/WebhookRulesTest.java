package io.clusterproof.drift;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.clusterproof.base.UserFacingException;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** Which URLs receive webhooks, how they are shown, how retries space out, how bodies are signed. */
class WebhookRulesTest {

    @Test
    void only_http_and_https_urls_with_a_host_and_without_credentials_are_accepted() {
        assertThat(WebhookUrls.validate("https://hooks.example.com/clusterproof")
                        .getHost())
                .isEqualTo("hooks.example.com");
        assertThat(WebhookUrls.validate(" http://10.0.0.5:8080/alerts ").getPort())
                .isEqualTo(8080);

        assertThatThrownBy(() -> WebhookUrls.validate("ftp://files.example.com/in"))
                .isInstanceOf(UserFacingException.class)
                .hasMessageContaining("Only http:// and https://")
                .hasMessageContaining("not ftp://");
        assertThatThrownBy(() -> WebhookUrls.validate("hooks.example.com/alerts"))
                .hasMessageContaining("needs one of them at the start");
        assertThatThrownBy(() -> WebhookUrls.validate("https://user:hunter2@hooks.example.com/x"))
                .hasMessageContaining("Leave user names and passwords out of the URL")
                .hasMessageNotContaining("hunter2");
        assertThatThrownBy(() -> WebhookUrls.validate("https:///nohost")).hasMessageContaining("needs a host name");
        assertThatThrownBy(() -> WebhookUrls.validate("https://exa mple.com/"))
                .hasMessageContaining("is not a valid URL");
        assertThatThrownBy(() -> WebhookUrls.validate("")).hasMessageContaining("Enter the URL");
    }

    @Test
    void a_url_is_shown_without_the_path_that_may_be_its_credential() {
        assertThat(WebhookUrls.mask("https://hooks.slack.com/services/T000/B000/XXXXSECRET"))
                .isEqualTo("https://hooks.slack.com/services/…")
                .doesNotContain("XXXXSECRET");
        assertThat(WebhookUrls.mask("http://127.0.0.1:9000/hook")).isEqualTo("http://127.0.0.1:9000/hook");
        assertThat(WebhookUrls.mask("https://example.com/a1b2c3d4e5f6a1b2c3d4e5f6a1b2c3d4"))
                .isEqualTo("https://example.com/…");
        assertThat(WebhookUrls.mask("https://example.com/in?token=abc")).doesNotContain("abc");
    }

    @Test
    void retries_wait_twice_as_long_each_time_up_to_the_cap() {
        var first = Duration.ofSeconds(30);
        var max = Duration.ofMinutes(5);
        assertThat(Backoff.after(1, first, max)).isEqualTo(Duration.ofSeconds(30));
        assertThat(Backoff.after(2, first, max)).isEqualTo(Duration.ofSeconds(60));
        assertThat(Backoff.after(4, first, max)).isEqualTo(Duration.ofSeconds(240));
        assertThat(Backoff.after(5, first, max)).isEqualTo(max);
        assertThat(Backoff.after(50, first, max)).isEqualTo(max);
    }

    @Test
    void the_signature_is_the_hex_hmac_sha256_of_the_body() {
        // RFC 4231 test case 2
        assertThat(WebhookSender.signature("Jefe", "what do ya want for nothing?"))
                .isEqualTo("sha256=5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843");
    }
}
