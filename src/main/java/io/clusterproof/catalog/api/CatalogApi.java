package io.clusterproof.catalog.api;

import io.clusterproof.base.NotFoundException;
import io.clusterproof.catalog.Catalog;
import io.clusterproof.catalog.CheckDefinition;
import io.clusterproof.catalog.FrameworkDefinition;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** The catalog the application runs with: frameworks with their controls, and checks. */
@RestController
@RequestMapping("/api/v1/catalog")
@Tag(name = "Catalog")
class CatalogApi {

    private final Catalog catalog;

    CatalogApi(Catalog catalog) {
        this.catalog = catalog;
    }

    /** The catalog's identity: its content digest, recorded with every assessment. */
    record CatalogInfo(String digest, List<String> frameworks, int checks) {}

    @GetMapping
    CatalogInfo info() {
        return new CatalogInfo(
                catalog.digest(),
                catalog.frameworks().stream()
                        .map(FrameworkDefinition::id)
                        .sorted()
                        .toList(),
                catalog.checks().size());
    }

    @GetMapping("/frameworks")
    List<FrameworkDefinition> frameworks() {
        return catalog.frameworks().stream()
                .sorted(Comparator.comparing(FrameworkDefinition::id))
                .toList();
    }

    @GetMapping("/frameworks/{id}")
    FrameworkDefinition framework(@PathVariable String id) {
        return catalog.framework(id).orElseThrow(() -> new NotFoundException("There is no framework " + id + "."));
    }

    /** A check with the controls it is evidence for, per framework. */
    record CheckWithControls(CheckDefinition check, Map<String, List<String>> controls) {}

    @GetMapping("/checks")
    @Operation(summary = "Every check with its rule, references and the controls it is evidence for")
    List<CheckWithControls> checks() {
        return catalog.checks().stream()
                .map(c -> new CheckWithControls(c.definition(), catalog.controlsOf(c.id())))
                .sorted(Comparator.comparing(c -> c.check().id()))
                .toList();
    }

    @GetMapping("/checks/{id}")
    CheckWithControls check(@PathVariable String id) {
        return catalog.check(id)
                .map(c -> new CheckWithControls(c.definition(), catalog.controlsOf(c.id())))
                .orElseThrow(() -> new NotFoundException("There is no check " + id + "."));
    }
}
