package io.clusterproof.base.api;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The OpenAPI description served at {@code /api/v1/openapi}: every endpoint needs a bearer token. */
@Configuration(proxyBeanMethods = false)
class ApiDocumentation {

    @Bean
    OpenAPI clusterProofApi() {
        return new OpenAPI()
                .info(new Info()
                        .title("ClusterProof API")
                        .version("v1")
                        .description("Clusters, snapshots, assessments, posture, findings, remediation, waivers and"
                                + " evidence exports. Authenticate with an API token an administrator created:"
                                + " `Authorization: Bearer cp_…`. The token's role decides what a call may do."
                                + " Errors are RFC 9457 problem details; an invalid input names its field."))
                .components(new Components()
                        .addSecuritySchemes(
                                "token",
                                new SecurityScheme()
                                        .type(SecurityScheme.Type.HTTP)
                                        .scheme("bearer")
                                        .description("An API token (cp_…)")))
                .addSecurityItem(new SecurityRequirement().addList("token"));
    }
}
