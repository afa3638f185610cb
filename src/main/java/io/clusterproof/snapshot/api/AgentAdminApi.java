package io.clusterproof.snapshot.api;

import io.clusterproof.snapshot.AgentService;
import io.clusterproof.snapshot.AgentStatus;
import io.clusterproof.snapshot.IssuedRegistration;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.time.Duration;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** An agent cluster's registration and credential, for administrators with an API token. */
@RestController
@RequestMapping("/api/v1/clusters/{id}/agent")
@Tag(name = "Agents")
class AgentAdminApi {

    private final AgentService agents;

    AgentAdminApi(AgentService agents) {
        this.agents = agents;
    }

    @GetMapping
    @Operation(summary = "The cluster's agent: key fingerprint, last call, revocation, pending registration")
    AgentStatus agent(@PathVariable long id) {
        return agents.status(id);
    }

    @PostMapping("/registrations")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Issue a single-use registration token (ADMIN); shown once, expires after hours (default 24)")
    IssuedRegistration register(
            @PathVariable long id, @RequestParam(required = false) @Min(1) @Max(720) @Nullable Integer hours) {
        return agents.createRegistration(id, hours == null ? null : Duration.ofHours(hours));
    }

    @DeleteMapping
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(summary = "Revoke the agent's credential (ADMIN); it must register again")
    void revoke(@PathVariable long id) {
        agents.revoke(id);
    }

    @PostMapping("/collections")
    @ResponseStatus(HttpStatus.ACCEPTED)
    @Operation(summary = "Ask the agent to collect at its next poll (ADMIN)")
    void collect(@PathVariable long id) {
        agents.requestCollection(id);
    }
}
