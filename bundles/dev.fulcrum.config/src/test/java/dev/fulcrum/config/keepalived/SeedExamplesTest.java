package dev.fulcrum.config.keepalived;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.fulcrum.api.config.ConfigException;
import dev.fulcrum.api.config.ConfigProblem;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The keepalived.conf examples of the seed document (chapter 4.1, 4.2, appendix A.3), as printed
 * and as meant; see src/test/resources/keepalived/README.md.
 */
class SeedExamplesTest {

    private static final String UNKNOWN = "unknown keyword: expected vrrp_instance, vrrp_sync_group, vrrp_script, "
            + "virtual_server, virtual_server_group, global_defs, ...";

    private static Path resource(String name) {
        try {
            return Path.of(SeedExamplesTest.class.getResource("/keepalived/" + name).toURI());
        } catch (URISyntaxException e) {
            throw new AssertionError(e);
        }
    }

    private static KeepalivedSyntax.Result parse(String name) {
        return KeepalivedSyntax.parse(resource(name), Set.of("lb1"));
    }

    /** Problems as {@code file:line:column: severity: ...} with the bare file name. */
    private static List<String> problems(KeepalivedSyntax.Result result) {
        return result.problems().stream().map(ConfigProblem::format)
                .map(p -> p.replace(resource("README.md").getParent() + "/", ""))
                .collect(Collectors.toList());
    }

    private static List<String> keywords(List<Statement> statements) {
        return statements.stream().map(Statement::keyword).collect(Collectors.toList());
    }

    private static List<String> values(Statement block) {
        return keywords(block.block());
    }

    @Test
    void lb1AsPrintedHasExactlyTheThreeVrpTypos() {
        KeepalivedSyntax.Result result = parse("seed-4.1-lb1.as-printed.conf");
        String file = "seed-4.1-lb1.as-printed.conf";
        assertEquals(List.of(
                file + ":11:1: error: 'vrp_sync_group': " + UNKNOWN + " (did you mean vrrp_sync_group?)",
                file + ":18:1: error: 'vrp_instance': " + UNKNOWN + " (did you mean vrrp_instance?)",
                file + ":33:1: error: 'vrp_instance': " + UNKNOWN + " (did you mean vrrp_instance?)"),
                problems(result));
    }

    @Test
    void lb1CorrectedParsesToTheGuidesTopology() throws ConfigException {
        List<Statement> top = parse("seed-4.1-lb1.corrected.conf").statementsOrThrow();
        assertEquals(List.of("global_defs", "vrrp_sync_group", "vrrp_instance", "vrrp_instance", "virtual_server"),
                keywords(top));
        assertEquals(List.of("admin@example.com"), values(top.get(0).children("notification_email").get(0)));
        assertEquals(List.of("RH_EXT", "RH_INT"), values(top.get(1).children("group").get(0)));
        assertEquals(List.of("RH_EXT"), top.get(2).argumentTexts());
        assertEquals(List.of("10.0.0.1"), values(top.get(2).children("virtual_ipaddress").get(0)));
        assertEquals(List.of("192.168.1.1"), values(top.get(3).children("virtual_ipaddress").get(0)));
        assertEquals(List.of("passw123"), top.get(3).children("authentication").get(0).children("auth_pass").get(0)
                .argumentTexts());
        Statement virtualServer = top.get(4);
        assertEquals(List.of("10.0.0.1", "80"), virtualServer.argumentTexts());
        List<Statement> realServers = virtualServer.children("real_server");
        assertEquals(List.of("192.168.1.20", "192.168.1.21", "192.168.1.22", "192.168.1.23"),
                realServers.stream().map(rs -> rs.argumentTexts().get(0)).collect(Collectors.toList()));
        for (Statement realServer : realServers) {
            assertEquals(List.of("10"), realServer.children("TCP_CHECK").get(0).children("connect_timeout").get(0)
                    .argumentTexts());
        }
        assertEquals(54, realServers.get(0).location().line());
        assertEquals(5, realServers.get(0).location().column());
    }

    @Test
    void drMasterAsPrintedReportsThePageBreakBracesAndTheMissingBraceAndStillReadsTheVirtualServer() {
        KeepalivedSyntax.Result result = parse("seed-4.2-dr-master.as-printed.conf");
        String file = "seed-4.2-dr-master.as-printed.conf";
        assertEquals(List.of(
                file + ":24:1: error: '}': unexpected '}': no block is open here",
                file + ":25:1: error: '}': unexpected '}': no block is open here",
                file + ":26:29: error: expected '{' to open the virtual_server block"),
                problems(result));
        assertEquals(List.of("global_defs", "vrrp_instance", "virtual_server"), keywords(result.statements()));
        assertEquals(3, result.statements().get(2).children("real_server").size());
    }

    @Test
    void drBackupAsPrintedReportsTheVipBlockOutsideTheInstanceAndTheMissingBrace() {
        KeepalivedSyntax.Result result = parse("seed-4.2-dr-backup.as-printed.conf");
        String file = "seed-4.2-dr-backup.as-printed.conf";
        assertEquals(List.of(
                file + ":21:1: error: 'virtual_ipaddress': " + UNKNOWN,
                file + ":25:29: error: expected '{' to open the virtual_server block"),
                problems(result));
        assertEquals(List.of("global_defs", "vrrp_instance", "virtual_ipaddress", "virtual_server"),
                keywords(result.statements()));
    }

    @Test
    void drMasterCorrectedParsesToTheGuidesTopology() throws ConfigException {
        List<Statement> top = parse("seed-4.2-dr-master.corrected.conf").statementsOrThrow();
        assertEquals(List.of("global_defs", "vrrp_instance", "virtual_server"), keywords(top));
        assertEquals(List.of("172.31.0.1"), values(top.get(1).children("virtual_ipaddress").get(0)));
        Statement virtualServer = top.get(2);
        assertEquals(List.of("172.31.0.1", "80"), virtualServer.argumentTexts());
        assertEquals(List.of("delay_loop", "lb_algo", "lb_kind", "persistence_timeout", "protocol", "real_server",
                "real_server", "real_server"), keywords(virtualServer.block()));
        assertEquals(List.of("DR"), virtualServer.children("lb_kind").get(0).argumentTexts());
        assertEquals(List.of("192.168.0.1", "192.168.0.2", "192.168.0.3"), virtualServer.children("real_server").stream()
                .map(rs -> rs.argumentTexts().get(0)).collect(Collectors.toList()));
        assertEquals(List.of("weight", "TCP_CHECK"), keywords(virtualServer.children("real_server").get(2).block()));
    }

    @Test
    void cephAsPrintedHasExactlyTheTwoVrpTypos() {
        KeepalivedSyntax.Result result = parse("seed-A.3-ceph.as-printed.conf");
        String file = "seed-A.3-ceph.as-printed.conf";
        assertEquals(List.of(
                file + ":1:1: error: 'vrp_script': " + UNKNOWN + " (did you mean vrrp_script?)",
                file + ":7:1: error: 'vrp_instance': " + UNKNOWN + " (did you mean vrrp_instance?)"),
                problems(result));
    }

    @Test
    void cephCorrectedParsesWithCommentsGoneAndTheScriptQuoted() throws ConfigException {
        KeepalivedSyntax.Result result = parse("seed-A.3-ceph.corrected.conf");
        assertTrue(result.problems().isEmpty(), result.problems()::toString);
        assertEquals("1:1:vrrp_script(chk_haproxy){2:5:script(\"killall -0 haproxy\") 3:5:interval(2) 4:5:weight(2)} "
                + "7:1:vrrp_instance(VI_1){8:5:interface(eth0) 9:5:state(MASTER) 10:5:virtual_router_id(51) "
                + "11:5:priority(101) 12:5:virtual_ipaddress{13:9:192.168.0.100} 15:5:track_script{16:9:chk_haproxy}}",
                BlockParserTest.render(result.statementsOrThrow()));
        Token script = result.statements().get(0).children("script").get(0).arguments().get(0);
        assertEquals(Token.Kind.QUOTED, script.kind());
        assertEquals("killall -0 haproxy", script.text());
    }
}
