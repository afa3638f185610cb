package io.clusterproof.snapshot.api;

import io.clusterproof.base.InvalidInputException;
import io.clusterproof.snapshot.AgentManifest;
import io.clusterproof.snapshot.AgentPushService;
import io.clusterproof.snapshot.AgentRefusedException;
import io.clusterproof.snapshot.AgentRegistered;
import io.clusterproof.snapshot.AgentService;
import io.clusterproof.snapshot.SnapshotStatus;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * What agents call from inside their clusters. These endpoints take no user session or API token:
 * registration is authenticated by its single-use token, everything else by the agent's credential
 * ({@code Authorization: Bearer cpa_...}), and each push by the Ed25519 signature over its manifest.
 */
@RestController
@RequestMapping("/api/v1/agent")
@Tag(name = "Agents")
class AgentApi {

    private final AgentService agents;
    private final AgentPushService pushes;

    AgentApi(AgentService agents, AgentPushService pushes) {
        this.agents = agents;
        this.pushes = pushes;
    }

    /** @param publicKey the agent's Ed25519 public key, Base64 of its X.509 encoding */
    record Registration(String token, String publicKey) {}

    @PostMapping("/registrations")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Trade a single-use registration token and the agent's public key for its credential")
    AgentRegistered register(@RequestBody Registration body) {
        require(body.token(), "token");
        require(body.publicKey(), "publicKey");
        return agents.register(body.token(), body.publicKey());
    }

    /** @param signature Base64 Ed25519 signature over the manifest's canonical form */
    record Push(@Nullable AgentManifest manifest, @Nullable String signature) {}

    @PostMapping("/pushes")
    @Operation(summary = "Offer a signed manifest; the answer lists the body digests the server lacks")
    AgentPushService.Offer offer(
            @RequestHeader(name = HttpHeaders.AUTHORIZATION, required = false) @Nullable String authorization,
            @RequestBody Push body) {
        return pushes.offer(credential(authorization), body.manifest(), body.signature());
    }

    record Bodies(List<AgentPushService.Body> bodies) {}

    @PostMapping("/pushes/{id}/bodies")
    @Operation(summary = "Upload bodies the server lacks: Base64 of the gzip of each body's canonical JSON")
    AgentPushService.Received bodies(
            @RequestHeader(name = HttpHeaders.AUTHORIZATION, required = false) @Nullable String authorization,
            @PathVariable long id,
            @RequestBody Bodies body) {
        var credential = credential(authorization);
        return pushes.receive(credential, id, body.bodies() == null ? List.of() : body.bodies());
    }

    record Committed(long snapshotId, int objects, SnapshotStatus status) {}

    @PostMapping("/pushes/{id}/commit")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Store the push as a snapshot once every body has arrived")
    Committed commit(
            @RequestHeader(name = HttpHeaders.AUTHORIZATION, required = false) @Nullable String authorization,
            @PathVariable long id) {
        var snapshot = pushes.commit(credential(authorization), id);
        return new Committed(snapshot.id(), snapshot.objects(), snapshot.status());
    }

    record Instructions(boolean collectNow) {}

    @GetMapping("/instructions")
    @Operation(summary = "Whether an administrator asked for a collection since the agent last asked")
    Instructions instructions(
            @RequestHeader(name = HttpHeaders.AUTHORIZATION, required = false) @Nullable String authorization) {
        return new Instructions(pushes.poll(credential(authorization)));
    }

    @ExceptionHandler(AgentRefusedException.class)
    ProblemDetail refused(AgentRefusedException e) {
        var problem =
                ProblemDetail.forStatusAndDetail(HttpStatus.valueOf(e.reason().status()), e.getMessage());
        problem.setTitle("Refused");
        return problem;
    }

    private static String credential(@Nullable String authorization) {
        var credential = AgentCredentials.presented(authorization);
        if (credential == null) {
            throw new AgentCredentialMissing();
        }
        return credential;
    }

    @ExceptionHandler(AgentCredentialMissing.class)
    ProblemDetail missing(AgentCredentialMissing e) {
        var problem = ProblemDetail.forStatusAndDetail(HttpStatus.UNAUTHORIZED, AgentCredentials.MISSING);
        problem.setTitle("Unauthenticated");
        return problem;
    }

    private static final class AgentCredentialMissing extends RuntimeException {}

    private static void require(@Nullable String value, String field) {
        if (value == null || value.isBlank()) {
            throw new InvalidInputException(field, field + " is required.");
        }
    }
}
