package io.clusterproof.access;

/** The four roles of DESIGN.md. Spring Security sees them as {@code ROLE_<name>}. */
public enum Role {
    AUDITOR("Browses posture and downloads evidence; changes nothing"),
    ENGINEER("Works remediation items, requests waivers, uploads dumps"),
    OFFICER("Approves waivers, records attestations, marks baselines"),
    ADMIN("Registers clusters, sets schedules, manages users and tokens");

    public static final String AUDITOR_NAME = "AUDITOR";
    public static final String ENGINEER_NAME = "ENGINEER";
    public static final String OFFICER_NAME = "OFFICER";
    public static final String ADMIN_NAME = "ADMIN";

    private final String description;

    Role(String description) {
        this.description = description;
    }

    public String description() {
        return description;
    }

    public String authority() {
        return "ROLE_" + name();
    }
}
