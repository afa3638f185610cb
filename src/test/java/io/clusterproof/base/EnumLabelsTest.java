package io.clusterproof.base;

import static org.assertj.core.api.Assertions.assertThat;

import io.clusterproof.assessment.ControlStatus;
import io.clusterproof.catalog.Severity;
import io.clusterproof.remediation.ItemStatus;
import org.junit.jupiter.api.Test;

class EnumLabelsTest {

    @Test
    void constants_read_as_sentence_case_words() {
        assertThat(EnumLabels.of(ItemStatus.IN_PROGRESS)).isEqualTo("In progress");
        assertThat(EnumLabels.of(ItemStatus.RISK_ACCEPTED)).isEqualTo("Risk accepted");
        assertThat(EnumLabels.of(ControlStatus.NEEDS_ATTESTATION)).isEqualTo("Needs attestation");
        assertThat(EnumLabels.of(Severity.CRITICAL)).isEqualTo("Critical");
    }
}
