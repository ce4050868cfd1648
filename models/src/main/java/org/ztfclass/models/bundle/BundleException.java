package org.ztfclass.models.bundle;

/** A model directory that cannot be used: the message names it and what is wrong. */
public class BundleException extends Exception {

    public BundleException(String message) {
        super(message);
    }
}
