-- Issue 14 (PostgreSQL store): functions the SQL of ztfclass calls that PostgreSQL lacks (SQLite:
-- strftime, and per-connection functions registered by tap.SkyFunctions).

-- ISO-8601 UTC text as YYYY-MM-DDTHH:MM:SS.sssZ (SQLite: strftime('%Y-%m-%dT%H:%M:%fZ', t)); NULL
-- when the text is not a time.
CREATE FUNCTION ztfclass_iso_millis(t TEXT) RETURNS TEXT LANGUAGE plpgsql IMMUTABLE AS $$
BEGIN
    RETURN to_char(t::timestamptz AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"');
EXCEPTION WHEN others THEN
    RETURN NULL;
END;
$$;

-- Great-circle distance in degrees between two ICRS positions (haversine), NULL if any is NULL
-- (tap.SkyFunctions.distanceDeg).
CREATE FUNCTION tap_distance(ra1 DOUBLE PRECISION, dec1 DOUBLE PRECISION, ra2 DOUBLE PRECISION, dec2 DOUBLE PRECISION)
RETURNS DOUBLE PRECISION LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE AS $$
    SELECT degrees(2 * asin(LEAST(1, sqrt(
        sin(radians(dec2 - dec1) / 2) ^ 2
        + cos(radians(dec1)) * cos(radians(dec2)) * sin(radians(ra2 - ra1) / 2) ^ 2))));
$$;

-- 1 when (ra, dec) lies within r degrees of (ra0, dec0), 0 when not, NULL if any argument is NULL.
CREATE FUNCTION tap_contains(ra1 DOUBLE PRECISION, dec1 DOUBLE PRECISION, ra0 DOUBLE PRECISION, dec0 DOUBLE PRECISION,
                             r DOUBLE PRECISION)
RETURNS INTEGER LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE AS $$
    SELECT CASE WHEN tap_distance(ra1, dec1, ra0, dec0) <= r THEN 1 ELSE 0 END;
$$;
