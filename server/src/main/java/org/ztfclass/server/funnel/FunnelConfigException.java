package org.ztfclass.server.funnel;

/** A funnel configuration that cannot be run: the message names the key and what is wrong. */
public class FunnelConfigException extends Exception {

    public FunnelConfigException(String message) {
        super(message);
    }
}
