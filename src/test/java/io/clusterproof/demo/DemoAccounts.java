package io.clusterproof.demo;

import java.util.LinkedHashMap;
import java.util.Map;

/** The demo users' published passwords, for tests outside this package. */
public final class DemoAccounts {

    private DemoAccounts() {}

    /** Username to password, as the README lists them. */
    public static Map<String, String> passwords() {
        var passwords = new LinkedHashMap<String, String>();
        DemoUsers.USERS.forEach(u -> passwords.put(u.username(), u.password()));
        return passwords;
    }
}
