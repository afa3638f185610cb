package io.clusterproof.remediation.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.clusterproof.access.ApiTokenService;
import io.clusterproof.access.AuditLog;
import io.clusterproof.access.AuditQuery;
import io.clusterproof.access.Role;
import io.clusterproof.access.UserService;
import io.clusterproof.remediation.RemediationService;
import io.clusterproof.remediation.TwoTeams;
import io.clusterproof.snapshot.TestClusters;
import io.clusterproof.support.AsAdmin;
import io.clusterproof.support.Http;
import io.clusterproof.support.WebIntegrationTest;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.domain.Pageable;

/** Team isolation through the REST API: an engineer's token works its own team's items only. */
@WebIntegrationTest
class TeamIsolationApiTest {

    static final ObjectMapper JSON = new ObjectMapper();

    @LocalServerPort
    int port;

    @Autowired
    TestClusters clusters;

    @Autowired
    UserService users;

    @Autowired
    RemediationService remediation;

    @Autowired
    ApiTokenService tokens;

    @Autowired
    AuditLog auditLog;

    @TempDir
    Path dir;

    private Http http;
    private TwoTeams teams;
    private String payments;

    @BeforeEach
    void twoTeams() throws IOException {
        http = new Http(port);
        teams = TwoTeams.collect(clusters, users, remediation, dir);
        payments = token(Role.ENGINEER, "payments");
    }

    @Test
    void an_engineer_token_gets_403_with_a_problem_on_every_change_to_another_teams_item() throws Exception {
        var item = "/api/v1/remediation/items/" + teams.records().id();
        String[][] calls = {
            {"POST", item + "/start", null},
            {"POST", item + "/fixed", "{\"note\": \"done\"}"},
            {"PUT", item + "/assignment", "{\"assignee\": \"iso-pia\"}"},
            {"PUT", item + "/ticket", "{\"url\": \"https://tickets.example/REC-1\"}"},
            {"POST", item + "/comments", "{\"text\": \"not my team's item\"}"},
        };

        for (var call : calls) {
            var problem = problem(http.call(call[0], call[1], payments, call[2]), 403);
            assertThat(problem.get("detail").asText())
                    .as(call[0] + " " + call[1])
                    .contains("team \"records\"")
                    .contains("team \"payments\" only");
        }
        assertThat(remediation.history(teams.records().id())).hasSize(1);
    }

    @Test
    void an_engineer_token_works_its_own_teams_item_and_assigns_only_members_of_that_team() throws Exception {
        var item = "/api/v1/remediation/items/" + teams.payments().id();

        assertThat(json(http.call("POST", item + "/start", payments, null), 200)
                        .get("status")
                        .asText())
                .isEqualTo("IN_PROGRESS");
        var refused = problem(http.call("PUT", item + "/assignment", payments, "{\"assignee\": \"iso-rex\"}"), 400);
        assertThat(refused.get("field").asText()).isEqualTo("assignee");
        assertThat(refused.get("detail").asText()).contains("not a member of team \"payments\"");
        assertThat(json(http.call("PUT", item + "/assignment", payments, "{\"assignee\": \"iso-paul\"}"), 200)
                        .get("assignee")
                        .asText())
                .isEqualTo("iso-paul");
    }

    @Test
    void an_engineer_token_without_a_team_changes_no_item() throws Exception {
        var teamless = token(Role.ENGINEER, null);

        var problem = problem(
                http.call(
                        "POST", "/api/v1/remediation/items/" + teams.payments().id() + "/start", teamless, null),
                403);

        assertThat(problem.get("detail").asText()).contains("no team");
    }

    @Test
    void only_officers_and_admins_move_an_item_to_another_team_and_the_move_is_audited() throws Exception {
        var path = "/api/v1/remediation/items/" + teams.payments().id();
        var body = "{\"team\": \"records\", \"reason\": \"the records team runs this database\"}";

        problem(http.call("PUT", path + "/team", payments, body), 403);
        problem(http.call("PUT", path + "/assignment", payments, "{\"team\": \"records\"}"), 403);
        assertThat(remediation.get(teams.payments().id()).orElseThrow().team()).isEqualTo("payments");

        var officer = token(Role.OFFICER, null);
        var moved = json(http.call("PUT", path + "/team", officer, body), 200);

        assertThat(moved.get("team").asText()).isEqualTo("records");
        var audit = AsAdmin.admin(() -> auditLog.find(
                        new AuditQuery(
                                null,
                                "REMEDIATION_ITEM_TEAM",
                                "remediation-item",
                                null,
                                null,
                                String.valueOf(teams.payments().id())),
                        Pageable.ofSize(50)))
                .getContent()
                .stream()
                .filter(e -> String.valueOf(teams.payments().id()).equals(e.targetId()))
                .toList();
        assertThat(audit).singleElement().satisfies(e -> {
            assertThat(e.actor()).startsWith("token:officer-");
            assertThat(e.detail()).contains("payments → records").contains("the records team runs this database");
        });
        problem(http.call("POST", path + "/start", payments, null), 403);
    }

    private String token(Role role, @Nullable String team) {
        var name =
                role.name().toLowerCase() + "-" + UUID.randomUUID().toString().substring(0, 8);
        return AsAdmin.as("test-admin", "ADMIN", () -> tokens.create(name, role, team, Duration.ofDays(1), null))
                .token();
    }

    private static JsonNode json(HttpResponse<String> response, int status) throws Exception {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        return JSON.readTree(response.body());
    }

    private static JsonNode problem(HttpResponse<String> response, int status) throws Exception {
        assertThat(response.headers().firstValue("Content-Type"))
                .as(response.body())
                .hasValueSatisfying(t -> assertThat(t).startsWith("application/problem+json"));
        return json(response, status);
    }
}
