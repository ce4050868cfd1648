package org.ztfclass.server.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;

import io.javalin.http.HandlerType;
import io.javalin.router.Endpoint;
import io.javalin.router.ParsedEndpoint;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.ztfclass.server.store.Database;

/**
 * The server's route table, pinned as it was before the routes moved out of {@link ApiServer} into
 * areas (issue 14): the same endpoints, the before- and after-handlers in the same order (their order
 * decides what runs before sign-in), no endpoint hidden behind an earlier one (so the order in which
 * the areas declare endpoints changes no answer), and every GET route reaching a handler.
 */
class RouteTableTest {

    private static final String ENDPOINTS = """
            DELETE /tap/async/{id}
            GET /account
            GET /admin/users
            GET /api/funnel
            GET /api/health
            GET /api/labels
            GET /api/learning/agreement
            GET /api/learning/consensus
            GET /api/learning/consensus/{objectId}
            GET /api/learning/jobs
            GET /api/learning/jobs/{id}
            GET /api/learning/takeover
            GET /api/learning/takeover/{class}
            GET /api/learning/versions
            GET /api/objects
            GET /api/objects/{objectId}
            GET /api/objects/{objectId}/crossmatches
            GET /api/objects/{objectId}/cutouts/{file}
            GET /api/objects/{objectId}/lightcurve
            GET /api/objects/{objectId}/photometry
            GET /api/overlay
            GET /api/queue/next
            GET /api/queue/strategy
            GET /api/status
            GET /api/stream
            GET /funnel
            GET /learning
            GET /learning/agreement
            GET /model
            GET /model/report/{file}
            GET /objects/{objectId}
            GET /queue
            GET /queue/next
            GET /scs
            GET /signin
            GET /stream
            GET /tap
            GET /tap/async
            GET /tap/async/{id}
            GET /tap/async/{id}/destruction
            GET /tap/async/{id}/error
            GET /tap/async/{id}/executionduration
            GET /tap/async/{id}/owner
            GET /tap/async/{id}/parameters
            GET /tap/async/{id}/phase
            GET /tap/async/{id}/quote
            GET /tap/async/{id}/results/result
            GET /tap/availability
            GET /tap/capabilities
            GET /tap/sync
            GET /tap/tables
            POST /account/password
            POST /account/tokens
            POST /account/tokens/{tokenId}/revoke
            POST /admin/users
            POST /admin/users/{userId}
            POST /api/labels
            POST /api/labels/skips
            POST /api/learning/jobs
            POST /api/learning/rollback
            POST /api/objects/match
            POST /api/queue/strategy
            POST /objects/{objectId}/labels
            POST /objects/{objectId}/skips
            POST /signin
            POST /signout
            POST /tap/async
            POST /tap/async/{id}
            POST /tap/async/{id}/parameters
            POST /tap/async/{id}/phase
            POST /tap/sync
            PUT /api/queue/strategy
            """;

    private static final String HOOKS = """
            BEFORE *
            BEFORE *
            BEFORE *
            BEFORE /tap/*
            BEFORE *
            BEFORE *
            AFTER *
            """;

    @TempDir
    Path tmp;

    private ApiServer server;

    @BeforeEach
    void build() throws Exception {
        server = new ApiServer(Database.open(tmp.resolve("routes.db")));
    }

    @AfterEach
    void stop() {
        server.stop();
    }

    private List<Endpoint> table() {
        return server.javalin().unsafeConfig().pvt.internalRouter.allHttpHandlers().stream()
                .map(ParsedEndpoint::getEndpoint).toList();
    }

    private static String line(Endpoint e) {
        return e.getMethod() + " " + e.getPath();
    }

    private static boolean hook(Endpoint e) {
        return e.getMethod() == HandlerType.BEFORE || e.getMethod() == HandlerType.AFTER;
    }

    /** A request path that the endpoint's pattern matches: each path parameter becomes a plain word. */
    private static String example(String path) {
        return path.replaceAll("\\{[^}]+\\}", "x1");
    }

    @Test
    void sameEndpointsAsBefore() {
        String endpoints = table().stream().filter(e -> !hook(e)).map(RouteTableTest::line).sorted()
                .collect(Collectors.joining("\n"));
        assertEquals(ENDPOINTS.strip(), endpoints);
    }

    @Test
    void beforeAndAfterHandlersInTheSameOrder() {
        String hooks = table().stream().filter(RouteTableTest::hook).map(RouteTableTest::line)
                .collect(Collectors.joining("\n"));
        assertEquals(HOOKS.strip(), hooks);
    }

    @Test
    void noEndpointIsHiddenBehindAnEarlierOne() {
        List<ParsedEndpoint> all = server.javalin().unsafeConfig().pvt.internalRouter.allHttpHandlers();
        for (ParsedEndpoint e : all) {
            if (hook(e.getEndpoint())) {
                continue;
            }
            String path = example(e.getEndpoint().getPath());
            ParsedEndpoint first = all.stream().filter(o -> o.getEndpoint().getMethod() == e.getEndpoint().getMethod())
                    .filter(o -> o.matches(path)).findFirst().orElseThrow();
            assertSame(e, first, line(e.getEndpoint()) + " is answered by " + line(first.getEndpoint()));
        }
    }

    @Test
    void everyGetRouteReachesAHandler() throws Exception {
        server.start("127.0.0.1", 0);
        HttpClient http = HttpClient.newHttpClient();
        for (Endpoint e : table()) {
            if (e.getMethod() != HandlerType.GET) {
                continue;
            }
            String path = example(e.getPath());
            HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + path)).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertFalse(r.body().contains("no such endpoint"), "GET " + path + " answered " + r.statusCode() + " " + r.body());
        }
    }
}
