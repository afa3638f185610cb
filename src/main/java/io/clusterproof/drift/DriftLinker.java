package io.clusterproof.drift;

import io.clusterproof.assessment.DriftLinks;
import io.clusterproof.snapshot.SnapshotReader;
import java.util.ArrayList;
import java.util.List;
import org.springframework.data.domain.PageRequest;
import org.springframework.stereotype.Component;

/** Gives the dashboard its links to drift: since the current audit baseline, and since the previous snapshot. */
@Component
class DriftLinker implements DriftLinks {

    private final BaselineService baselines;
    private final SnapshotReader snapshots;

    DriftLinker(BaselineService baselines, SnapshotReader snapshots) {
        this.baselines = baselines;
        this.snapshots = snapshots;
    }

    @Override
    public List<Link> forCluster(long clusterId) {
        var links = new ArrayList<Link>();
        baselines
                .current(clusterId)
                .ifPresent(b -> links.add(new Link(
                        "Since baseline \u201c" + b.name() + "\u201d",
                        "drift?cluster=" + clusterId + "&baseline=" + b.id())));
        if (snapshots.list(clusterId, PageRequest.of(0, 2)).getNumberOfElements() > 1) {
            links.add(new Link("What changed since the previous snapshot", "drift?cluster=" + clusterId));
        }
        return links;
    }
}
