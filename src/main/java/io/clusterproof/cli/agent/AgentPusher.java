package io.clusterproof.cli.agent;

import io.clusterproof.snapshot.AgentCollection;
import io.clusterproof.snapshot.AgentKeys;
import java.security.PrivateKey;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.function.IntConsumer;

/**
 * Pushes one collection: offers the signed manifest, uploads in batches the bodies the server
 * lacks, then commits. Pushing the same collection again after an interruption resumes: the
 * server answers only what it still lacks.
 */
final class AgentPusher {

    /** What a push did: the stored snapshot, and how many bodies the server asked for and received. */
    record Report(long snapshotId, int objects, String status, int bodiesMissing, int bodiesSent) {}

    /**
     * The server lacks bodies of objects this collection kept unread from the one before (its
     * database was restored from before that push, say): only a collection that reads every
     * object can push.
     */
    static final class BodiesNotRead extends RuntimeException {

        private final int count;

        BodiesNotRead(int count) {
            super("the server lacks " + count + " bodies of objects this collection did not read again");
            this.count = count;
        }

        int count() {
            return count;
        }
    }

    private static final int MAX_BATCH_BYTES = 4 << 20;

    private final AgentServer server;
    private final int batchSize;

    AgentPusher(AgentServer server, int batchSize) {
        this.server = server;
        this.batchSize = batchSize;
    }

    Report push(AgentCollection collection, PrivateKey key) {
        return push(collection, key, sent -> {});
    }

    /** @param afterBatch told the number of bodies sent so far after each batch the server took */
    Report push(AgentCollection collection, PrivateKey key, IntConsumer afterBatch) {
        var manifest = collection.manifest();
        var offer = server.offer(manifest, AgentKeys.sign(key, manifest.canonicalBytes()));
        if (offer.snapshotId() != null) {
            return new Report(offer.snapshotId(), manifest.objects().size(), "ALREADY_STORED", 0, 0);
        }
        var notRead = offer.missing().stream()
                .filter(digest -> !collection.holdsBody(digest))
                .count();
        if (notRead > 0) {
            throw new BodiesNotRead((int) notRead);
        }
        int sent = 0;
        var batch = new ArrayList<AgentServer.Body>();
        int batchBytes = 0;
        for (var digest : collection.inPackedOrder(offer.missing())) {
            var body = Base64.getEncoder().encodeToString(collection.gzippedBody(digest));
            if (!batch.isEmpty() && (batch.size() >= batchSize || batchBytes + body.length() > MAX_BATCH_BYTES)) {
                sent += send(offer.pushId(), batch, afterBatch, sent);
                batch = new ArrayList<>();
                batchBytes = 0;
            }
            batch.add(new AgentServer.Body(digest, body));
            batchBytes += body.length();
        }
        if (!batch.isEmpty()) {
            sent += send(offer.pushId(), batch, afterBatch, sent);
        }
        var committed = server.commit(offer.pushId());
        return new Report(
                committed.snapshotId(),
                committed.objects(),
                committed.status(),
                offer.missing().size(),
                sent);
    }

    private int send(long pushId, List<AgentServer.Body> batch, IntConsumer afterBatch, int sentBefore) {
        server.bodies(pushId, batch);
        afterBatch.accept(sentBefore + batch.size());
        return batch.size();
    }
}
