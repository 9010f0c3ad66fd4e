package dev.fulcrum.proxy.differential;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.fulcrum.api.model.proxy.ProxyConfig;
import dev.fulcrum.config.haproxy.model.HaproxyConfigs;
import dev.fulcrum.proxy.testing.HaproxyProcess;
import dev.fulcrum.proxy.testing.Models;
import dev.fulcrum.proxy.testing.Resources;
import java.io.IOException;
import java.net.InetAddress;
import java.net.Socket;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.TestInstance;

/**
 * The same haproxy.cfg run by HAProxy (the Debian package) and by this proxy, each in front of its own
 * {@link RecordingBackend}; every raw request of {@code src/test/resources/differential/*.http} is
 * sent to both. The status codes the client sees and the requests the backend receives (after
 * {@link ForwardedRequest#normalise}) must match, except for the files listed in
 * {@code KNOWN-DIFFERENCES.md}, which must still differ (so that the list stays true).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DifferentialTest {

    // Not anchored to a line start: a response may follow a body without a line end.
    private static final Pattern STATUS = Pattern.compile("HTTP/1\\.[01] (\\d{3}) ");
    private static final Pattern KNOWN = Pattern.compile("(?m)^## (\\S+\\.http)( \\(timing-dependent\\))?\\s*$");
    private static final int IDLE_MILLIS = 1500;

    private final Resources resources = new Resources();
    private Path corpus;
    private RecordingBackend haproxyBackend;
    private RecordingBackend fulcrumBackend;
    private int haproxyPort;
    private int fulcrumPort;

    /** What one proxy did with one file: the statuses its client saw, the requests its backend got. */
    record Outcome(List<Integer> statuses, List<String> forwarded) {
        @Override
        public String toString() {
            return "statuses " + statuses + ", forwarded:\n" + String.join("\n---\n", forwarded);
        }
    }

    @BeforeAll
    void startBoth() throws Exception {
        corpus = Path.of(DifferentialTest.class.getResource("/differential").toURI());
        haproxyBackend = resources.keep(new RecordingBackend());
        fulcrumBackend = resources.keep(new RecordingBackend());
        haproxyPort = Models.freePort();
        fulcrumPort = Models.freePort();
        Path cfg = corpus.resolve("haproxy.cfg");

        ProxyConfig config = HaproxyConfigs.read(cfg, Files.readString(cfg), Map.of("FE_PORT",
                String.valueOf(fulcrumPort), "BE_PORT", String.valueOf(fulcrumBackend.port())), false);
        assertEquals(List.of(), resources.runtime(true).apply(config));

        resources.keep(HaproxyProcess.start(cfg, Map.of("FE_PORT", String.valueOf(haproxyPort),
                "BE_PORT", String.valueOf(haproxyBackend.port())), haproxyPort));
    }

    @AfterAll
    void stopBoth() throws Exception {
        resources.close();
    }

    @TestFactory
    Stream<DynamicTest> eachRequestFileBehavesAsInHaproxy() throws IOException {
        Set<String> known = knownDifferences();
        List<Path> files;
        try (Stream<Path> listing = Files.list(corpus)) {
            files = listing.filter(p -> p.toString().endsWith(".http")).sorted().toList();
        }
        assertTrue(files.size() >= 30, "the corpus is there: " + files.size());
        assertTrue(files.stream().map(f -> f.getFileName().toString()).collect(Collectors.toSet()).containsAll(known),
                "every known difference names a corpus file: " + known);
        return files.stream().map(file -> DynamicTest.dynamicTest(file.getFileName().toString(), () -> {
            byte[] request = Files.readAllBytes(file);
            Outcome reference = exchange(request, haproxyPort, haproxyBackend);
            Outcome ours = exchange(request, fulcrumPort, fulcrumBackend);
            String name = file.getFileName().toString();
            if (name.compareTo("20") < 0) {
                assertTrue(!reference.statuses().isEmpty() && reference.statuses().stream().allMatch(s -> s == 200),
                        "a well-formed request is answered 200 by HAProxy: " + reference);
            }
            if (timingDependent().contains(name)) {
                // What the server saw depends on how the bytes were split into reads; the answer does not.
                assertEquals(reference.statuses(), ours.statuses(), name + ": statuses differ");
            } else if (known.contains(name)) {
                assertNotEquals(reference, ours, name + " now behaves as in HAProxy: remove it from KNOWN-DIFFERENCES.md");
            } else {
                assertEquals(reference, ours, name + ": HAProxy (expected) and Fulcrum (actual) differ");
            }
        }));
    }

    private Set<String> knownDifferences() throws IOException {
        Matcher headings = KNOWN.matcher(Files.readString(corpus.resolve("KNOWN-DIFFERENCES.md")));
        return headings.results().map(m -> m.group(1)).collect(Collectors.toSet());
    }

    /** Entries headed "FILE (timing-dependent)": may or may not differ from run to run. */
    private Set<String> timingDependent() throws IOException {
        Matcher headings = KNOWN.matcher(Files.readString(corpus.resolve("KNOWN-DIFFERENCES.md")));
        return headings.results().filter(m -> m.group(2) != null).map(m -> m.group(1)).collect(Collectors.toSet());
    }

    /** Sends the file's bytes on a fresh connection and reads until the proxy closes or stays idle. */
    private static Outcome exchange(byte[] request, int port, RecordingBackend backend)
            throws IOException, InterruptedException {
        backend.take();
        String response;
        try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), port)) {
            socket.setSoTimeout(IDLE_MILLIS);
            socket.getOutputStream().write(request);
            socket.getOutputStream().flush();
            response = readUntilClosedOrIdle(socket);
        }
        List<Integer> statuses = STATUS.matcher(response).results().map(m -> Integer.parseInt(m.group(1))).toList();
        return new Outcome(statuses, backend.take().stream().map(ForwardedRequest::normalise).toList());
    }

    private static String readUntilClosedOrIdle(Socket socket) throws IOException {
        StringBuilder text = new StringBuilder();
        byte[] buffer = new byte[8192];
        try {
            for (int n; (n = socket.getInputStream().read(buffer)) >= 0;) {
                text.append(new String(buffer, 0, n, StandardCharsets.ISO_8859_1));
            }
        } catch (java.net.SocketTimeoutException e) {
            // idle: the proxy waits for more of the request; what came is the answer
        } catch (java.net.SocketException e) {
            // reset by the proxy after an error response: what came is the answer
        }
        return text.toString();
    }
}
