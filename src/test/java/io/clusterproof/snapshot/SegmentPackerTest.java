package io.clusterproof.snapshot;

import static org.assertj.core.api.Assertions.assertThat;

import io.clusterproof.support.SyntheticCluster;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class SegmentPackerTest {

    @Test
    void every_body_reads_back_from_its_segment_as_it_was_packed() {
        var packer = new SegmentPacker();
        var bodies = new ArrayList<byte[]>();
        var locations = new ArrayList<SegmentPacker.Location>();
        for (var object : new SyntheticCluster(4, 60, 2).objects()) {
            var bytes = CanonicalJson.bytes(object);
            bodies.add(bytes);
            locations.add(packer.add(bytes));
        }
        var segments = packer.segments();

        assertThat(segments).as("more JSON than one segment holds").hasSizeGreaterThan(1);
        for (var segment : segments) {
            var inflated = CanonicalJson.gunzip(segment.gzip());
            assertThat(inflated).hasSize(segment.size());
            assertThat(segment.size()).isLessThan(SegmentPacker.SEGMENT_BYTES + 64 * 1024);
        }
        for (int i = 0; i < bodies.size(); i++) {
            var location = locations.get(i);
            var inflated = CanonicalJson.gunzip(segments.get(location.segment()).gzip());
            assertThat(Arrays.copyOfRange(inflated, location.offset(), location.offset() + location.size()))
                    .as("body %d", i)
                    .isEqualTo(bodies.get(i));
        }
    }

    @Test
    void bodies_alike_take_much_less_room_packed_than_gzipped_one_by_one() {
        var packer = new SegmentPacker();
        long alone = 0;
        for (var object : new SyntheticCluster(4, 60, 2).objects()) {
            var bytes = CanonicalJson.bytes(object);
            alone += CanonicalJson.gzip(bytes).length;
            packer.add(bytes);
        }
        long packed = packer.segments().stream().mapToLong(s -> s.gzip().length).sum();

        assertThat(packed).isLessThan(alone / 4);
    }

    @Test
    void a_body_added_after_the_segments_were_taken_starts_a_new_segment() {
        var packer = new SegmentPacker();
        var first = packer.add("{\"a\":1}".getBytes());
        assertThat(packer.segments()).hasSize(1);
        var second = packer.add("{\"b\":2}".getBytes());
        List<SegmentPacker.Segment> segments = packer.segments();

        assertThat(first.segment()).isZero();
        assertThat(second.segment()).isEqualTo(1);
        assertThat(new String(CanonicalJson.gunzip(segments.get(1).gzip()))).isEqualTo("{\"b\":2}");
    }
}
