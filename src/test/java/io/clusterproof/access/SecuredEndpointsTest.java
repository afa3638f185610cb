package io.clusterproof.access;

import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.flow.router.RouteData;
import com.vaadin.flow.server.VaadinServletContext;
import com.vaadin.flow.server.auth.AnonymousAllowed;
import com.vaadin.flow.server.startup.ApplicationRouteRegistry;
import io.clusterproof.support.Http;
import io.clusterproof.support.WebIntegrationTest;
import jakarta.servlet.ServletContext;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/** Finds every route and endpoint the application registers, then calls each without signing in. */
@WebIntegrationTest
class SecuredEndpointsTest {

    @LocalServerPort
    int port;

    @Autowired
    ServletContext servletContext;

    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping mappings;

    @Test
    void every_view_sends_an_anonymous_visitor_to_the_sign_in_page() {
        var routes = ApplicationRouteRegistry.getInstance(new VaadinServletContext(servletContext))
                .getRegisteredRoutes();
        var secured = routes.stream()
                .filter(r -> !r.getNavigationTarget().isAnnotationPresent(AnonymousAllowed.class))
                .map(SecuredEndpointsTest::concretePath)
                .toList();
        assertThat(secured).as("registered routes").hasSizeGreaterThan(3);

        var http = new Http(port);
        for (var path : secured) {
            var response = http.get(path);
            assertThat(response.statusCode()).as(path).isEqualTo(302);
            assertThat(response.headers().firstValue("Location"))
                    .as(path)
                    .hasValueSatisfying(l -> assertThat(l).endsWith("/login"));
        }
    }

    @Test
    void every_api_endpoint_answers_401_without_a_token() {
        var paths = mappings.getHandlerMethods().keySet().stream()
                .flatMap(info -> info.getPatternValues().stream())
                .filter(p -> p.startsWith("/api/"))
                .map(p -> p.replaceAll("\\{[^}]+}", "1"))
                .toList();
        var http = new Http(port);
        for (var path : Stream.concat(
                        paths.stream(), Stream.of("/api/v1/anything", "/actuator/prometheus", "/actuator/info"))
                .toList()) {
            assertThat(http.get(path).statusCode()).as(path).isEqualTo(401);
        }
    }

    @Test
    void health_probes_are_open_and_say_nothing_else() {
        var response = new Http(port).get("/actuator/health/liveness");
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).isEqualTo("{\"status\":\"UP\"}");
    }

    private static String concretePath(RouteData route) {
        var template = route.getTemplate();
        var path = List.of(template.split("/")).stream()
                .map(segment -> segment.startsWith(":") ? "1" : segment)
                .reduce((a, b) -> a + "/" + b)
                .orElse("");
        return "/" + path.replaceAll("\\(.*?\\)", "").replace("?", "");
    }
}
