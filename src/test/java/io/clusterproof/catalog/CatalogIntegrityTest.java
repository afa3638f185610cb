package io.clusterproof.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The built-in catalog as shipped: complete, consistent, and big enough to mean something. */
class CatalogIntegrityTest {

    private final Catalog catalog =
            CatalogLoader.load(List.of(CatalogFiles.folder(Path.of("compliance-mappings"))), 200_000);

    @Test
    void the_catalog_loads_without_a_single_problem() {
        assertThat(catalog.checks()).hasSizeGreaterThanOrEqualTo(55);
        assertThat(catalog.digest()).hasSize(64);
    }

    @Test
    void the_three_frameworks_have_their_minimum_number_of_controls() {
        assertThat(catalog.framework("hipaa-security-rule").orElseThrow().controls())
                .hasSizeGreaterThanOrEqualTo(35);
        assertThat(catalog.framework("pci-dss-4.0").orElseThrow().controls()).hasSizeGreaterThanOrEqualTo(60);
        assertThat(catalog.framework("gdpr").orElseThrow().controls()).hasSizeGreaterThanOrEqualTo(15);
    }

    @Test
    void every_check_is_evidence_for_some_control() {
        var mapped = new HashSet<String>();
        catalog.frameworks()
                .forEach(f -> f.controls().forEach(c -> c.mappedChecks().forEach(m -> mapped.add(m.id()))));
        assertThat(catalog.checks())
                .allSatisfy(check -> assertThat(mapped).as(check.id()).contains(check.id()));
    }

    @Test
    void controls_without_checks_are_attestations_with_a_prompt_and_a_validity() {
        catalog.frameworks()
                .forEach(framework -> framework.controls().stream()
                        .filter(c -> c.mappedChecks().isEmpty())
                        .forEach(control -> {
                            assertThat(control.type()).as(control.ref()).isEqualTo(ControlType.ATTESTATION);
                            assertThat(control.attestation().prompt())
                                    .as(control.ref())
                                    .isNotBlank();
                            assertThat(control.attestation().validity().getDays())
                                    .as(control.ref())
                                    .isPositive();
                        }));
    }

    /**
     * Words with which a control's text admits that its checks leave part of it unproven: such a
     * control is hybrid (checks plus an attestation), never automated.
     */
    static final Pattern ADMITS_A_GAP = Pattern.compile(
            "(?i)\\b(cannot (be )?(proven|prove|seen|see|shown|show|read)|can ?not prove|only (a )?part|partly|"
                    + "partial(ly)?|in part\\b|does not cover|not visible|beyond what the (api|checks)|"
                    + "outside (the )?(api|cluster)|(must|needs to) (also )?be attested|attestation)");

    @Test
    void an_automated_control_never_admits_a_gap_that_its_checks_leave() {
        assertThat(ADMITS_A_GAP
                        .matcher("The checks show only part of it; the rest must be attested.")
                        .find())
                .isTrue();
        assertThat(ADMITS_A_GAP
                        .matcher("Every CDE namespace needs a NetworkPolicy.")
                        .find())
                .isFalse();
        catalog.frameworks()
                .forEach(framework -> framework.controls().stream()
                        .filter(c -> c.type() == ControlType.AUTOMATED)
                        .forEach(control -> assertThat(control.title() + " " + control.description())
                                .as(framework.id() + " " + control.ref()
                                        + " is automated, so its text may not admit a gap")
                                .doesNotContainPattern(ADMITS_A_GAP)));
    }

    @Test
    void every_check_says_why_and_how_to_fix_it_and_every_mapping_says_why_it_is_evidence() {
        assertThat(catalog.checks()).allSatisfy(check -> {
            assertThat(check.definition().rationale()).as(check.id()).hasSizeGreaterThan(40);
            assertThat(check.definition().remediation()).as(check.id()).hasSizeGreaterThan(30);
            assertThat(check.definition().inspectedPaths())
                    .as(check.id() + " paths")
                    .isNotEmpty();
        });
        catalog.frameworks()
                .forEach(f -> f.controls()
                        .forEach(c -> c.mappedChecks()
                                .forEach(m -> assertThat(m.why())
                                        .as(f.id() + " " + c.ref() + " " + m.id())
                                        .hasSizeGreaterThan(15))));
    }

    @Test
    void checks_cover_every_area_the_product_promises() {
        var categories = new HashSet<String>();
        catalog.checks().forEach(c -> categories.add(c.definition().category()));
        assertThat(categories)
                .contains(
                        "workload-hardening",
                        "images",
                        "network",
                        "rbac",
                        "service-accounts",
                        "secrets",
                        "data",
                        "backup",
                        "logging",
                        "admission",
                        "availability");
    }

    /** A name test on {@code system:} exempts whatever anyone names that way; only exact names may. */
    private static final Pattern SYSTEM_PREFIX_TEST =
            Pattern.compile("(startsWith|matches|contains|indexOf|lastIndexOf)\\(\\s*['\"]\\^?system:");

    @Test
    void no_rule_exempts_identities_or_roles_by_a_system_prefix() {
        assertThat(catalog.checks()).allSatisfy(check -> {
            var definition = check.definition();
            var expressions = new ArrayList<String>();
            expressions.add(definition.rule());
            if (definition.match().where() != null) {
                expressions.add(definition.match().where());
            }
            if (definition.detail() != null) {
                expressions.add(definition.detail());
            }
            if (definition.offending() != null) {
                expressions.add(definition.offending());
            }
            if (definition.unseen() != null) {
                expressions.add(definition.unseen());
            }
            assertThat(expressions)
                    .as(check.id() + ": use params.kubernetesBuiltIns (exact names) instead of a prefix")
                    .noneMatch(e -> SYSTEM_PREFIX_TEST.matcher(e).find());
        });
    }

    /**
     * Control-plane components run out of sight on managed clusters, and their configuration files
     * sit on the nodes: a check reading them must say what it could not see, never pass on it.
     */
    @Test
    void every_check_reading_control_plane_pods_says_what_it_cannot_see_and_rests_only_under_hybrid_controls() {
        var controlPlane = catalog.checks().stream()
                .filter(c -> c.definition()
                        .rule()
                        .matches("(?s).*'(kube-apiserver|etcd|kube-controller-manager|kube-scheduler)'.*"))
                .toList();
        assertThat(controlPlane)
                .extracting(CompiledCheck::id)
                .contains("apiserver-audit-logging", "secrets-encryption-at-rest", "apiserver-authentication-hardened");
        assertThat(controlPlane)
                .allSatisfy(check -> assertThat(check.mayLeaveEvidenceUnseen() || check.where() != null)
                        .as(check.id() + " reads control-plane pods, so it needs 'unseen' (or 'match.where') for a"
                                + " control plane out of sight")
                        .isTrue());
        // out of sight, such a check is NOT_APPLICABLE ('unseen' or 'match.where'): an automated control would
        // then pass on its other checks alone, so only a hybrid control, which asks for an attestation, may hold it
        var unseen = controlPlane.stream().map(CompiledCheck::id).toList();
        catalog.frameworks()
                .forEach(framework -> framework.controls().forEach(control -> {
                    if (control.mappedChecks().stream().anyMatch(m -> unseen.contains(m.id()))) {
                        assertThat(control.type())
                                .as(framework.id() + " " + control.ref())
                                .isEqualTo(ControlType.HYBRID);
                    }
                }));
    }

    /**
     * {@code vulnerability-scanner-missing} sees that a scanner runs or that its reports exist, not
     * how old the reports are nor which images they cover: a control resting on it would pass on a
     * scanner that last scanned a year ago, so only a hybrid control, which asks for an attestation
     * of the scan cadence, may hold it.
     */
    @Test
    void every_control_resting_on_scanner_presence_asks_for_an_attestation_of_the_scans() {
        var holding = new ArrayList<String>();
        catalog.frameworks()
                .forEach(framework -> framework.controls().forEach(control -> {
                    if (control.mappedChecks().stream().anyMatch(m -> m.id().equals("vulnerability-scanner-missing"))) {
                        holding.add(framework.id() + " " + control.ref());
                        assertThat(control.type())
                                .as(framework.id() + " " + control.ref() + " rests on a scanner's presence")
                                .isEqualTo(ControlType.HYBRID);
                    }
                }));
        assertThat(holding)
                .contains(
                        "pci-dss-4.0 6.3.1",
                        "pci-dss-4.0 11.3.1",
                        "gdpr Art. 32(1)(d)",
                        "hipaa-security-rule 164.308(a)(1)(i)");
    }

    @Test
    void the_built_in_allow_list_names_exact_identities_and_never_everyone() {
        var builtIns = (Map<?, ?>) catalog.params().get("kubernetesBuiltIns");
        assertThat(builtIns).isNotNull();
        var entries = new ArrayList<String>();
        for (var key : List.of("subjects", "clusterRoles", "roles")) {
            assertThat(builtIns.get(key)).as(key).isInstanceOf(List.class);
            ((List<?>) builtIns.get(key)).forEach(e -> entries.add(String.valueOf(e)));
        }
        assertThat(entries).isNotEmpty().allSatisfy(entry -> {
            assertThat(entry).doesNotContain("*");
            assertThat(entry)
                    .doesNotEndWith(" system:authenticated")
                    .doesNotEndWith(" system:unauthenticated")
                    .doesNotEndWith(" system:anonymous")
                    .doesNotEndWith(" system:serviceaccounts")
                    .doesNotContain(" system:serviceaccounts:");
        });
        assertThat((List<?>) builtIns.get("subjects"))
                .allSatisfy(
                        s -> assertThat(String.valueOf(s)).matches("(Group|User) \\S+|ServiceAccount [a-z0-9-]+/\\S+"));
    }
    /**
     * Implementation specifications of the HIPAA Security Rule: 164.308(a)(n)(ii) with or without a lettered
     * sub-paragraph, 164.308(b)(3), and paragraph (2) of a standard in 164.310, 164.312, 164.314 and 164.316.
     */
    private static final Pattern HIPAA_IMPLEMENTATION_SPECIFICATION =
            Pattern.compile("164\\.308\\(a\\)\\(\\d\\)\\(ii\\)(\\([A-E]\\))?"
                    + "|164\\.308\\(b\\)\\(3\\)"
                    + "|164\\.31[0246]\\([a-e]\\)\\(2\\)(\\((i|ii|iii|iv)\\))?(\\([A-D]\\))?");

    /** Standards without implementation specifications, which the Security Rule's matrix marks (R) themselves. */
    private static final Set<String> HIPAA_STANDARDS_MARKED_REQUIRED =
            Set.of("164.308(a)(2)", "164.308(a)(8)", "164.310(b)", "164.310(c)", "164.312(b)", "164.312(d)");

    @Test
    void every_hipaa_implementation_specification_says_required_or_addressable_and_is_worded_to_match() {
        var hipaa = catalog.framework("hipaa-security-rule").orElseThrow();
        var specifications = hipaa.controls().stream()
                .filter(c -> HIPAA_IMPLEMENTATION_SPECIFICATION.matcher(c.ref()).matches()
                        || HIPAA_STANDARDS_MARKED_REQUIRED.contains(c.ref()))
                .toList();
        assertThat(specifications).hasSizeGreaterThanOrEqualTo(35);
        assertThat(specifications).allSatisfy(control -> {
            assertThat(control.implementation()).as(control.ref()).isNotNull();
            if (control.implementation() == Implementation.ADDRESSABLE) {
                assertThat(control.description())
                        .as(control.ref() + " is addressable")
                        .startsWith("Addressable:")
                        .contains("equivalent alternative")
                        .doesNotContain("Required.");
            } else {
                assertThat(control.description())
                        .as(control.ref() + " is required")
                        .startsWith("Required.");
            }
        });
        assertThat(specifications)
                .filteredOn(c -> HIPAA_STANDARDS_MARKED_REQUIRED.contains(c.ref()))
                .allSatisfy(c -> assertThat(c.implementation()).as(c.ref()).isEqualTo(Implementation.REQUIRED));
        assertThat(hipaa.controls())
                .filteredOn(c -> !specifications.contains(c))
                .allSatisfy(standard -> assertThat(standard.implementation())
                        .as(standard.ref() + " is a standard or general rule, not an implementation specification")
                        .isNull());
    }

    @Test
    void the_security_rule_marks_these_specifications_addressable_and_the_catalog_agrees() {
        var addressable = catalog.framework("hipaa-security-rule").orElseThrow().controls().stream()
                .filter(c -> c.implementation() == Implementation.ADDRESSABLE)
                .map(ControlDefinition::ref)
                .toList();
        assertThat(addressable)
                .containsExactlyInAnyOrder(
                        "164.308(a)(3)(ii)(A)",
                        "164.308(a)(3)(ii)(B)",
                        "164.308(a)(3)(ii)(C)",
                        "164.308(a)(4)(ii)(B)",
                        "164.308(a)(4)(ii)(C)",
                        "164.308(a)(5)(ii)(B)",
                        "164.308(a)(5)(ii)(C)",
                        "164.308(a)(5)(ii)(D)",
                        "164.308(a)(7)(ii)(D)",
                        "164.308(a)(7)(ii)(E)",
                        "164.310(d)(2)(iv)",
                        "164.312(a)(2)(iii)",
                        "164.312(a)(2)(iv)",
                        "164.312(c)(2)",
                        "164.312(e)(2)(i)",
                        "164.312(e)(2)(ii)");
    }

    @Test
    void no_control_outside_hipaa_says_required_or_addressable() {
        catalog.frameworks().stream()
                .filter(f -> !f.id().equals("hipaa-security-rule"))
                .forEach(f -> assertThat(f.controls())
                        .allSatisfy(c -> assertThat(c.implementation())
                                .as(f.id() + " " + c.ref())
                                .isNull()));
    }
}
