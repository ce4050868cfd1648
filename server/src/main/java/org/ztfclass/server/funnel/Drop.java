package org.ztfclass.server.funnel;

/**
 * Why a stage dropped an object.
 *
 * @param category the rule that fired, the same text for every object it drops (e.g. {@code |b| < 7 deg})
 * @param detail   the rule with this object's values (e.g. {@code |b| = 3.21 deg < 7 deg})
 */
public record Drop(String category, String detail) {
}
