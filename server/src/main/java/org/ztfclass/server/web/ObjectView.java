package org.ztfclass.server.web;

import java.util.List;
import org.ztfclass.server.auth.Principal;
import org.ztfclass.server.store.StoredAlert;
import org.ztfclass.votables.domain.Detection;
import org.ztfclass.votables.domain.ZtfObject;

/**
 * What the sections of an object page share, read once per request.
 *
 * @param object     the object
 * @param lightCurve its detections and upper limits, in time order
 * @param alerts     its alerts, most recent first
 * @param principal  who is looking (null: anonymous)
 * @param csrf       the CSRF token forms on the page carry
 */
public record ObjectView(ZtfObject object, List<Detection> lightCurve, List<StoredAlert> alerts, Principal principal, String csrf) {

    /** @return the object id */
    public String id() {
        return object.objectId();
    }
}
