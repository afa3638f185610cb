package io.clusterproof.snapshot;

import io.clusterproof.access.AuditEvent;
import io.clusterproof.access.AuditLog;
import io.clusterproof.base.NotFoundException;
import io.clusterproof.snapshot.AgentRefusedException.Reason;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.time.Clock;
import java.util.Base64;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.zip.GZIPInputStream;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Receives an agent's snapshot in three steps. The agent offers its signed manifest; the server
 * verifies the signature with the agent's registered key and answers which bodies it lacks. The
 * agent uploads those; each is redacted and normalised again here and refused unless it gives the
 * digest it was sent under. The commit checks that every body is there and only then stores the
 * snapshot through {@link SnapshotWriter}, in one transaction, with the signature as provenance.
 * Offering the same manifest again resumes the push. Every step is audited, refusals included.
 */
@Service
@Transactional(noRollbackFor = AgentRefusedException.class)
public class AgentPushService {

    /** The server's answer to an offer: the push, and the digests of the bodies it lacks. */
    public record Offer(long pushId, @Nullable Long snapshotId, List<String> missing) {}

    /** One body as the agent sends it: Base64 of the gzip of its canonical JSON. */
    public record Body(String digest, String gzip) {}

    /** @param staged bodies of this agent waiting for the commit, this request's included */
    public record Received(int received, int staged) {}

    private final AgentRegistry registry;
    private final AgentStaging staging;
    private final ClusterRepository clusters;
    private final SnapshotWriter writer;
    private final RunBook runBook;
    private final AuditLog auditLog;
    private final AgentProperties properties;
    private final Clock clock;

    AgentPushService(
            AgentRegistry registry,
            AgentStaging staging,
            ClusterRepository clusters,
            SnapshotWriter writer,
            RunBook runBook,
            AuditLog auditLog,
            AgentProperties properties,
            Clock clock) {
        this.registry = registry;
        this.staging = staging;
        this.clusters = clusters;
        this.writer = writer;
        this.runBook = runBook;
        this.auditLog = auditLog;
        this.properties = properties;
        this.clock = clock;
    }

    private record Agent(AgentRegistry.Credential credential, Cluster cluster) {

        String actor() {
            return AgentService.actor(cluster);
        }
    }

    /** The credential is checked before the request's content, so a stranger learns nothing from it. */
    public Offer offer(String credential, @Nullable AgentManifest manifest, @Nullable String signature) {
        var agent = authenticate(credential);
        if (manifest == null) {
            throw refused(agent, Reason.INVALID, "The push has no manifest; it is refused.");
        }
        if (signature == null || signature.isBlank()) {
            throw refused(agent, Reason.INVALID, "The manifest is not signed; an unsigned snapshot is refused.");
        }
        if (manifest.clusterId() != agent.cluster().id()) {
            throw refused(
                    agent,
                    Reason.FORBIDDEN,
                    "The manifest names cluster " + manifest.clusterId() + "; this agent is registered for "
                            + agent.cluster().name() + " (" + agent.cluster().id() + ").");
        }
        var canonical = manifest.canonicalBytes();
        if (!AgentKeys.verify(AgentKeys.publicKey(agent.credential().publicKey()), canonical, signature)) {
            throw refused(
                    agent,
                    Reason.INVALID,
                    "The manifest's signature does not verify with the agent's key "
                            + agent.credential().fingerprint() + "; the snapshot is refused.");
        }
        var digest = CanonicalJson.sha256(canonical);
        var existing = staging.push(agent.credential().id(), digest).orElse(null);
        if (existing != null && existing.snapshotId() != null) {
            return new Offer(existing.id(), existing.snapshotId(), List.of());
        }
        if (existing == null) {
            checkTakenAt(agent, manifest);
        }
        var pushId = existing != null
                ? existing.id()
                : staging.start(agent.cluster().id(), agent.credential().id(), manifest, signature, clock.instant());
        var missing =
                missing(agent, manifest, writer.currentDigests(agent.cluster().id()));
        auditLog.recordAs(
                agent.actor(),
                AuditEvent.of(
                                existing == null ? "AGENT_PUSH_STARTED" : "AGENT_PUSH_RESUMED",
                                "cluster",
                                agent.cluster().name())
                        .withDetail("push " + pushId + ", manifest SHA-256 " + digest + ", "
                                + manifest.objects().size() + " objects, " + missing.size() + " bodies missing"));
        return new Offer(pushId, null, missing);
    }

    public Received receive(String credential, long pushId, List<Body> bodies) {
        var agent = authenticate(credential);
        var push = openPush(agent, pushId, false);
        if (bodies.size() > properties.maxBodiesPerRequest()) {
            throw refused(
                    agent,
                    Reason.TOO_LARGE,
                    bodies.size() + " bodies in one request; send at most " + properties.maxBodiesPerRequest()
                            + " (clusterproof.snapshot.agent.max-bodies-per-request).");
        }
        var manifest = push.parsedManifest();
        var entries = new HashMap<String, AgentManifest.Entry>();
        manifest.objects().forEach(o -> entries.put(o.digest(), o));
        var staged = staging.stagedDigests(agent.credential().id());
        int received = 0;
        for (var body : bodies) {
            var entry = entries.get(body.digest());
            if (entry == null) {
                throw refused(
                        agent, Reason.INVALID, "Body " + body.digest() + " is not in push " + pushId + "'s manifest.");
            }
            if (staged.contains(body.digest())) {
                continue;
            }
            var canonical = checked(agent, body, entry);
            staging.stage(agent.credential().id(), body.digest(), CanonicalJson.gzip(canonical), canonical.length);
            staged.add(body.digest());
            received++;
        }
        // not the full missing list: that reads every current digest of the cluster, once per batch
        return new Received(received, staged.size());
    }

    public SnapshotSummary commit(String credential, long pushId) {
        var agent = authenticate(credential);
        var push = openPush(agent, pushId, true);
        var manifest = push.parsedManifest();
        // the cluster's current rows, read once: what is missing, and the stored controller flags
        var controlled = writer.currentControlled(agent.cluster().id());
        var current = new HashSet<>(controlled.keySet());
        var missing = missing(agent, manifest, current);
        if (!missing.isEmpty()) {
            throw refused(
                    agent,
                    Reason.CONFLICT,
                    missing.size() + " bodies of push " + pushId
                            + " have not arrived; upload them, then commit again.");
        }
        var needed = new HashSet<String>();
        manifest.objects().forEach(o -> needed.add(o.digest()));
        needed.removeAll(current);
        var staged = staging.staged(agent.credential().id(), needed);
        var builder = new SnapshotBuilder(current);
        for (var o : manifest.objects()) {
            var body = staged.get(o.digest());
            // an uploaded body's flag was checked on receipt; a stored one's is the server's own
            var stored = body == null ? controlled.get(o.digest()) : null;
            if (stored != null && stored != o.controlled()) {
                throw refused(
                        agent,
                        Reason.INVALID,
                        o.key().display() + " is " + (o.controlled() ? "" : "not ")
                                + "owned by a controller in the manifest, but its body says otherwise; the"
                                + " snapshot is refused.");
            }
            builder.add(
                    new SnapshotBuilder.Entry(o.key(), o.apiVersion(), o.uid(), o.digest(), o.controlled(), null),
                    body == null ? null : body.body(),
                    body == null ? 0 : body.size());
        }
        var run = runBook.startJoined(agent.cluster().id(), RunTrigger.AGENT, agent.actor());
        var provenance = Provenance.agent(
                agent.cluster().name(), push.signature(), agent.credential().fingerprint(), manifest.digest());
        var snapshot = writer.write(
                agent.cluster().id(),
                run.id(),
                manifest.takenAt(),
                builder,
                manifest.missing(),
                List.of(),
                manifest.kubernetesVersion(),
                provenance);
        staging.committed(pushId, agent.credential().id(), snapshot.id());
        auditLog.recordAs(
                agent.actor(),
                AuditEvent.of("AGENT_PUSH_COMMITTED", "cluster", agent.cluster().name())
                        .withDetail("push " + pushId + " stored as snapshot " + snapshot.id() + ": "
                                + snapshot.objects() + " objects, " + staged.size() + " new bodies, signed with key "
                                + agent.credential().fingerprint()));
        runBook.finishJoined(
                run.id(),
                snapshot.status() == SnapshotStatus.PARTIAL ? RunStatus.PARTIAL : RunStatus.SUCCEEDED,
                snapshot.id(),
                snapshot.objects());
        return snapshot;
    }

    /** Whether the server asked for a collection since the agent last polled. */
    public boolean poll(String credential) {
        var agent = authenticate(credential);
        return registry.takeCollectionRequest(agent.credential().id());
    }

    /** The manifest's digests that neither the cluster's {@code current} rows nor the agent's staging hold. */
    private List<String> missing(Agent agent, AgentManifest manifest, Set<String> current) {
        var missing = new TreeSet<String>();
        manifest.objects().forEach(o -> missing.add(o.digest()));
        missing.removeAll(current);
        missing.removeAll(staging.stagedDigests(agent.credential().id()));
        return List.copyOf(missing);
    }

    /** The body's canonical JSON, redacted and normalised here again; refused unless it gives its digest. */
    private byte[] checked(Agent agent, Body body, AgentManifest.Entry entry) {
        var key = entry.key();
        byte[] json;
        try {
            json = gunzip(Base64.getDecoder().decode(body.gzip()));
        } catch (IllegalArgumentException | IOException e) {
            throw refused(agent, Reason.INVALID, "Body " + body.digest() + " is not Base64 of gzip.");
        }
        if (json == null) {
            throw refused(
                    agent,
                    Reason.TOO_LARGE,
                    "Body " + body.digest() + " expands past " + properties.maxBodyBytes()
                            + " bytes (clusterproof.snapshot.agent.max-body-bytes).");
        }
        byte[] canonical;
        try {
            var object = ObjectNormaliser.normalise(CanonicalJson.parse(json));
            if (!ResourceKey.of(object).equals(key)) {
                throw refused(
                        agent,
                        Reason.INVALID,
                        "Body " + body.digest() + " is "
                                + ResourceKey.of(object).display() + ", not " + key.display()
                                + " as the manifest says.");
            }
            if (KubeObjects.isControlled(object) != entry.controlled()) {
                // the flag decides whether the object is assessed itself or through its controller
                throw refused(
                        agent,
                        Reason.INVALID,
                        key.display() + " is " + (entry.controlled() ? "" : "not ")
                                + "owned by a controller in the manifest, but its body says otherwise; the body"
                                + " is refused.");
            }
            canonical = CanonicalJson.bytes(object);
        } catch (RuntimeException e) {
            if (e instanceof AgentRefusedException refusal) {
                throw refusal;
            }
            throw refused(agent, Reason.INVALID, "Body " + body.digest() + " is not a JSON object.");
        }
        if (!CanonicalJson.sha256(canonical).equals(body.digest())) {
            throw refused(
                    agent,
                    Reason.INVALID,
                    "Body " + body.digest() + " of " + key.display()
                            + " does not match its digest once redacted and normalised; the body is refused.");
        }
        return canonical;
    }

    /** The inflated body; null when it expands past the largest body an agent may send. */
    private byte @Nullable [] gunzip(byte[] gzip) throws IOException {
        try (var in = new GZIPInputStream(new ByteArrayInputStream(gzip))) {
            var bytes = in.readNBytes(properties.maxBodyBytes() + 1);
            return bytes.length > properties.maxBodyBytes() ? null : bytes;
        }
    }

    private void checkTakenAt(Agent agent, AgentManifest manifest) {
        var now = clock.instant();
        if (manifest.takenAt().isAfter(now.plus(properties.clockSkew()))) {
            throw refused(
                    agent,
                    Reason.INVALID,
                    "The manifest was taken at " + manifest.takenAt() + ", later than the server's time " + now
                            + "; check the agent's clock.");
        }
        var latest = staging.latestSnapshotTakenAt(agent.cluster().id());
        if (latest != null && !manifest.takenAt().isAfter(latest)) {
            throw refused(
                    agent,
                    Reason.CONFLICT,
                    "The manifest was taken at " + manifest.takenAt() + ", not after the cluster's latest snapshot ("
                            + latest + "); an older snapshot is not stored.");
        }
    }

    private AgentStaging.Push openPush(Agent agent, long pushId, boolean lock) {
        var push = (lock ? staging.lockPush(pushId) : staging.push(pushId))
                .filter(p -> p.credentialId() == agent.credential().id())
                .orElseThrow(() -> refused(
                        agent, Reason.NOT_FOUND, "This agent has no push " + pushId + "; offer the manifest again."));
        if (push.snapshotId() != null) {
            throw refused(
                    agent,
                    Reason.CONFLICT,
                    "Push " + pushId + " is already stored as snapshot " + push.snapshotId() + ".");
        }
        return push;
    }

    /**
     * Whether the server issued this credential, revoked or not: what a request must show before
     * its body is read. A revoked agent gets further, to be refused and audited by name.
     */
    @Transactional(readOnly = true)
    public boolean knows(String presented) {
        return registry.credential(AgentService.hash(presented.strip())).isPresent();
    }

    private Agent authenticate(String presented) {
        var credential =
                registry.credential(AgentService.hash(presented.strip())).orElse(null);
        if (credential == null) {
            throw new AgentRefusedException(
                    Reason.UNAUTHENTICATED, "The agent credential is not known; register the agent again.");
        }
        var cluster = clusters.findById(credential.clusterId())
                .orElseThrow(() -> new NotFoundException("Cluster " + credential.clusterId() + " does not exist."));
        var agent = new Agent(credential, cluster);
        if (credential.revokedAt() != null) {
            throw refused(
                    agent,
                    Reason.UNAUTHENTICATED,
                    "The agent credential of " + cluster.name() + " was revoked at " + credential.revokedAt()
                            + "; register the agent again with a new registration token.");
        }
        if (cluster.sourceType() != SourceType.AGENT) {
            throw refused(
                    agent,
                    Reason.FORBIDDEN,
                    cluster.name() + " is no longer collected by its agent (its source is "
                            + cluster.sourceType().label() + "); the agent's calls are refused until its source"
                            + " is \"" + SourceType.AGENT.label() + "\" again.");
        }
        registry.seen(credential.id(), clock.instant());
        return agent;
    }

    private AgentRefusedException refused(Agent agent, Reason reason, String why) {
        auditLog.recordAs(
                agent.actor(),
                AuditEvent.of("AGENT_PUSH_REFUSED", "cluster", agent.cluster().name())
                        .withDetail(why));
        return new AgentRefusedException(reason, why);
    }
}
