package org.ztfclass.server.auth;

import java.util.Locale;

/**
 * What a user may do. Ordered: each role may do everything the roles before it may.
 * {@link #VIEWER} reads, {@link #LABELLER} also labels, {@link #ADMIN} also manages users.
 */
public enum Role {
    VIEWER, LABELLER, ADMIN;

    /** @return the name as stored in {@code users.role} ({@code viewer}, {@code labeller}, {@code admin}) */
    public String dbName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** @return true if this role may do what {@code needed} may */
    public boolean atLeast(Role needed) {
        return compareTo(needed) >= 0;
    }

    /**
     * @param name {@code viewer}, {@code labeller} or {@code admin}, any case
     * @throws IllegalArgumentException naming the allowed values
     */
    public static Role parse(String name) {
        if (name != null) {
            for (Role r : values()) {
                if (r.dbName().equalsIgnoreCase(name.trim())) {
                    return r;
                }
            }
        }
        throw new IllegalArgumentException("role '" + name + "' is not one of viewer, labeller, admin");
    }
}
