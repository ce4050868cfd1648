package org.ztfclass.server.crossmatch;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.ztfclass.votables.crossmatch.CatalogueDefinition;

/**
 * CDS VizieR's ASU cone search with VOTable output ({@code viz-bin/votable}): one GET per
 * catalogue and position, asking only the columns the catalogue definition reads plus the
 * computed separation {@code _r} and J2000 position, nearest first, at most 50 rows.
 *
 * <p>Politeness and robustness: requests are spaced by at least {@code minInterval} across all
 * threads (rate limit); each has a timeout; a timeout, an I/O error, HTTP 429 or 5xx is retried
 * up to {@code attempts} times with exponential backoff (doubling from {@code backoff},
 * honouring {@code Retry-After} up to 60 s); other HTTP errors fail at once. Thread-safe.
 */
public final class VizierConeService implements ConeService {

    /** The public VizieR ASU VOTable endpoint. */
    public static final String DEFAULT_URL = "https://vizier.cds.unistra.fr/viz-bin/votable";
    private static final Logger LOG = LoggerFactory.getLogger(VizierConeService.class);
    private static final int MAX_ROWS = 50;

    private final String baseUrl;
    private final HttpClient http;
    private final Duration timeout;
    private final int attempts;
    private final Duration backoff;
    private final Duration minInterval;
    private final Object pace = new Object();
    private long nextAllowedNanos = System.nanoTime();

    /**
     * @param baseUrl     the ASU VOTable endpoint ({@link #DEFAULT_URL}, or a loopback server in tests)
     * @param timeout     per request
     * @param attempts    tries per request (≥ 1)
     * @param backoff     wait before the first retry; doubles each time
     * @param minInterval least time between two requests to the service
     */
    public VizierConeService(String baseUrl, Duration timeout, int attempts, Duration backoff, Duration minInterval) {
        if (attempts < 1) {
            throw new IllegalArgumentException("attempts must be >= 1");
        }
        this.baseUrl = baseUrl;
        this.timeout = timeout;
        this.attempts = attempts;
        this.backoff = backoff;
        this.minInterval = minInterval;
        this.http = HttpClient.newBuilder().connectTimeout(timeout).followRedirects(HttpClient.Redirect.NORMAL).build();
    }

    /** @return the production service: public VizieR, 30 s timeout, 4 tries from 2 s backoff, at most 5 requests/s */
    public static VizierConeService standard() {
        return new VizierConeService(DEFAULT_URL, Duration.ofSeconds(30), 4, Duration.ofSeconds(2), Duration.ofMillis(200));
    }

    @Override
    public String name() {
        return "CDS VizieR";
    }

    /** @return the request URL for a cone on a catalogue */
    public String url(CatalogueDefinition catalogue, double raDeg, double decDeg, double radiusArcsec) {
        String columns = Stream.concat(Stream.of(catalogue.idColumns().get(0)), catalogue.quantities().stream()
                        .flatMap(q -> Stream.concat(q.valueColumns().stream().limit(1), q.errorColumns().stream().limit(1))))
                .collect(Collectors.joining(","));
        return baseUrl + "?-source=" + enc(catalogue.vizierTable())
                + "&-c=" + enc(String.format(Locale.ROOT, "%.6f %+.6f", raDeg, decDeg))
                + "&-c.rs=" + String.format(Locale.ROOT, "%.3f", radiusArcsec)
                + "&-out=" + enc(columns)
                + "&-out.add=" + enc("_r,_RAJ,_DEJ") + "&-oc.form=dec&-sort=_r&-out.max=" + MAX_ROWS;
    }

    @Override
    public ConeAnswer cone(CatalogueDefinition catalogue, double raDeg, double decDeg, double radiusArcsec) throws ServiceException {
        String url = url(catalogue, raDeg, decDeg, radiusArcsec);
        Duration wait = backoff;
        String lastProblem = null;
        for (int attempt = 1; attempt <= attempts; attempt++) {
            pace();
            try {
                HttpResponse<byte[]> r = http.send(HttpRequest.newBuilder(URI.create(url)).timeout(timeout)
                        .header("User-Agent", "ztfclass (cross-match cache)").GET().build(), HttpResponse.BodyHandlers.ofByteArray());
                int status = r.statusCode();
                if (status == 200) {
                    return new ConeAnswer(r.body(), url, Instant.now());
                }
                lastProblem = "HTTP " + status;
                if (status != 429 && status < 500) {
                    throw new ServiceException(name() + " answered HTTP " + status + " to " + url, false);
                }
                Duration retryAfter = r.headers().firstValue("Retry-After").map(VizierConeService::seconds).orElse(null);
                if (retryAfter != null && retryAfter.compareTo(wait) > 0) {
                    wait = retryAfter;
                }
            } catch (HttpTimeoutException e) {
                lastProblem = "no answer within " + timeout.toMillis() + " ms";
            } catch (IOException e) {
                lastProblem = "I/O error: " + (e.getMessage() == null ? e.getClass().getSimpleName()
                        + (e.getCause() == null ? "" : " (" + e.getCause() + ")") : e.getMessage());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new ServiceException(name() + ": interrupted while asking " + url, e);
            }
            if (attempt < attempts) {
                LOG.warn("{} {} (attempt {}/{}): {}; retrying in {} ms", name(), catalogue.vizierTable(), attempt, attempts, lastProblem,
                        wait.toMillis());
                sleep(wait);
                wait = wait.multipliedBy(2);
            }
        }
        throw new ServiceException(name() + " did not answer " + url + " after " + attempts + " tries: " + lastProblem, true);
    }

    private void pace() throws ServiceException {
        long sleepNanos;
        synchronized (pace) {
            long now = System.nanoTime();
            sleepNanos = Math.max(0, nextAllowedNanos - now);
            nextAllowedNanos = Math.max(now, nextAllowedNanos) + minInterval.toNanos();
        }
        if (sleepNanos > 0) {
            sleep(Duration.ofNanos(sleepNanos));
        }
    }

    private static void sleep(Duration d) throws ServiceException {
        try {
            Thread.sleep(d.toMillis(), (int) (d.toNanos() % 1_000_000));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ServiceException("interrupted while waiting to ask the service again", e);
        }
    }

    private static Duration seconds(String v) {
        try {
            return Duration.ofSeconds(Math.min(60, Math.max(0, Long.parseLong(v.trim()))));
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
