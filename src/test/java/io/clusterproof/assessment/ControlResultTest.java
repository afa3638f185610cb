package io.clusterproof.assessment;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * A control's note always fits the store: a hybrid control with many checks once wrote a note
 * longer than its column, and the whole assessment of that snapshot was lost.
 */
class ControlResultTest {

    @Test
    void a_note_longer_than_the_store_keeps_is_shortened_visibly() {
        var result = new ControlResult(
                "hipaa",
                "164.308(a)(1)(ii)(B)",
                ControlStatus.NEEDS_ATTESTATION,
                9,
                0,
                0,
                0,
                0,
                null,
                "x".repeat(5_000));

        assertThat(result.note()).hasSize(ControlResult.MAX_NOTE).endsWith("…");
    }
}
