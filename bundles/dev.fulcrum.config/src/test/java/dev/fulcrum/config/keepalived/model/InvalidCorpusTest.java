package dev.fulcrum.config.keepalived.model;

import static dev.fulcrum.config.keepalived.model.Configs.check;
import static dev.fulcrum.config.keepalived.model.Configs.problems;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** One configuration per rule, with the exact problems and their locations. */
class InvalidCorpusTest {

    private static final String INSTANCE = "vrrp_instance VI_1 {\n    interface eth0\n";

    /** The problems of a config that must be rejected. */
    private static List<String> rejected(String text) {
        KeepalivedConfigs.Result result = check(text);
        assertTrue(result.config().isEmpty(), "expected a rejection");
        return problems(result);
    }

    @Test
    void vridMustBe1To255() {
        assertEquals(List.of("k.conf:3:23: error: '256': expected an integer 1..255"),
                rejected(INSTANCE + "    virtual_router_id 256\n}\n"));
        assertEquals(List.of("k.conf:3:23: error: 'x1': expected an integer 1..255"),
                rejected(INSTANCE + "    virtual_router_id x1\n}\n"));
    }

    @Test
    void unicastTtlMustBe0To255() {
        assertEquals(List.of("k.conf:4:17: error: '256': expected an integer 0..255"),
                rejected(INSTANCE + "    virtual_router_id 1\n    unicast_ttl 256\n}\n"));
        assertEquals(List.of("k.conf:4:23: error: 'yes': check_unicast_src: too many arguments: expected no argument"),
                rejected(INSTANCE + "    virtual_router_id 1\n    check_unicast_src yes\n}\n"));
    }

    @Test
    void vridIsRequired() {
        assertEquals(List.of("k.conf:1:1: error: 'vrrp_instance': vrrp_instance VI_1: virtual_router_id is required"),
                rejected(INSTANCE + "    priority 100\n}\n"));
    }

    @Test
    void vridIsUniquePerInterfaceAndFamily() {
        String text = INSTANCE + "    virtual_router_id 7\n}\n"
                + "vrrp_instance VI_2 {\n    interface eth0\n    virtual_router_id 7\n}\n"
                + "vrrp_instance VI_3 {\n    interface eth1\n    virtual_router_id 7\n}\n"
                + "vrrp_instance VI_6 {\n    interface eth0\n    version 3\n    virtual_router_id 7\n"
                + "    virtual_ipaddress {\n        fe80::1\n    }\n}\n";
        assertEquals(List.of("k.conf:7:23: error: '7': virtual_router_id 7 is already used on eth0 (IPv4) by "
                + "vrrp_instance VI_1 at k.conf:1:1"), rejected(text));
    }

    @Test
    void priorityMustBe1To255() {
        assertEquals(List.of("k.conf:4:14: error: '0': expected an integer 1..255"),
                rejected(INSTANCE + "    virtual_router_id 1\n    priority 0\n}\n"));
    }

    @Test
    void priority255IsTheOwnerAndStartsAsMaster() {
        KeepalivedConfigs.Result result = check(INSTANCE + "    state BACKUP\n    virtual_router_id 1\n"
                + "    priority 255\n}\n");
        assertEquals(List.of("k.conf:5:5: warning: 'priority': priority 255 is the address owner: the instance "
                + "starts as MASTER, not BACKUP"), problems(result));
        assertEquals("MASTER", result.config().orElseThrow().vrrp().instances().get(0).initialState().name());
    }

    @Test
    void strictModeMasterMustBeTheOwner() {
        KeepalivedConfigs.Result result = check("global_defs {\n    vrrp_strict\n}\n" + INSTANCE.replace("VI_1", "VI_S")
                + "    state MASTER\n    virtual_router_id 1\n    priority 200\n}\n");
        assertEquals(List.of("k.conf:8:5: warning: 'priority': cannot start in MASTER state if not address owner "
                + "(priority 255) in strict mode; starting as BACKUP"), problems(result));
        assertEquals("BACKUP", result.config().orElseThrow().vrrp().instances().get(0).initialState().name());
    }

    @Test
    void stateIsMasterOrBackup() {
        assertEquals(List.of("k.conf:3:11: error: 'master': expected MASTER or BACKUP"),
                rejected(INSTANCE + "    state master\n    virtual_router_id 1\n}\n"));
    }

    @Test
    void advertIntRangesDependOnTheVersion() {
        assertEquals(List.of("k.conf:4:16: error: '256': expected seconds 1..255"),
                rejected(INSTANCE + "    virtual_router_id 1\n    advert_int 256\n}\n"));
        assertEquals(List.of("k.conf:5:16: error: '41': expected seconds 0.01..40.95"),
                rejected(INSTANCE + "    virtual_router_id 1\n    version 3\n    advert_int 41\n}\n"));
        assertEquals(List.of("k.conf:5:16: error: '0.005': expected seconds 0.01..40.95"),
                rejected(INSTANCE + "    virtual_router_id 1\n    version 3\n    advert_int 0.005\n}\n"));
        KeepalivedConfigs.Result rounded = check(INSTANCE + "    virtual_router_id 1\n    advert_int 1.5\n}\n");
        assertEquals(List.of("k.conf:4:16: warning: '1.5': VRRP version 2 advert_int is whole seconds; using 2"),
                problems(rounded));
        assertEquals(2, rounded.config().orElseThrow().vrrp().instances().get(0).advertInterval().getSeconds());
    }

    @Test
    void authPassIsTruncatedToEightCharactersWithAWarning() {
        KeepalivedConfigs.Result result = check(INSTANCE + "    virtual_router_id 1\n    authentication {\n"
                + "        auth_type PASS\n        auth_pass 123456789\n    }\n}\n");
        assertEquals(List.of("k.conf:6:19: warning: '123456789': auth_pass longer than 8 characters: only the "
                + "first 8 are used"), problems(result));
        assertEquals("12345678", result.config().orElseThrow().vrrp().instances().get(0).authentication()
                .orElseThrow().password());
    }

    @Test
    void trackScriptNamesADefinedScript() {
        assertEquals(List.of("k.conf:5:9: error: 'chk_missing': track_script: no vrrp_script of this name is defined"),
                rejected(INSTANCE + "    virtual_router_id 1\n    track_script {\n        chk_missing\n    }\n}\n"));
    }

    @Test
    void syncGroupMembersAreDefinedInstancesInOneGroupOnly() {
        String text = INSTANCE + "    virtual_router_id 1\n}\n"
                + "vrrp_sync_group G1 {\n    group {\n        VI_1\n        VI_9\n    }\n}\n"
                + "vrrp_sync_group G2 {\n    group {\n        VI_1\n    }\n}\n";
        assertEquals(List.of(
                "k.conf:8:9: error: 'VI_9': sync group member: no vrrp_instance of this name is defined",
                "k.conf:13:9: error: 'VI_1': vrrp_instance is already in sync group G1: an instance can be in one "
                        + "sync group only"), rejected(text));
    }

    @Test
    void namesAreUnique() {
        String text = "vrrp_script s {\n    script true\n}\nvrrp_script s {\n    script false\n}\n"
                + INSTANCE + "    virtual_router_id 1\n}\n"
                + "vrrp_instance VI_1 {\n    interface eth1\n    virtual_router_id 1\n}\n"
                + "virtual_server_group G {\n    10.0.0.1 80\n}\nvirtual_server_group G {\n    10.0.0.2 80\n}\n";
        assertEquals(List.of(
                "k.conf:4:13: error: 's': duplicate vrrp_script name: first defined at k.conf:1:1",
                "k.conf:11:15: error: 'VI_1': duplicate vrrp_instance name: first defined at k.conf:7:1",
                "k.conf:18:22: error: 'G': duplicate virtual_server_group name: first defined at k.conf:15:1"),
                rejected(text));
    }

    @Test
    void virtualServersAreUniquePerKeyAndProtocol() {
        String text = "virtual_server 10.0.0.1 80 {\n    protocol TCP\n}\nvirtual_server 10.0.0.1 80 {\n"
                + "    protocol UDP\n}\nvirtual_server 10.0.0.1 80 {\n    protocol TCP\n}\n";
        assertEquals(List.of("k.conf:7:1: error: 'virtual_server': duplicate virtual_server 10.0.0.1 80 TCP: first "
                + "defined at k.conf:1:1"), rejected(text));
    }

    @Test
    void aServiceWithoutProtocolIsUdpWithKeepalivedsWarning() {
        // keepalived 2.2.7 -t: "Virtual server [10.0.0.1]:none:80: no protocol set - defaulting to UDP".
        KeepalivedConfigs.Result result = check("virtual_server 10.0.0.1 80 {\n}\nvirtual_server fwmark 5 {\n}\n",
                false);
        assertEquals(List.of("k.conf:1:1: warning: 'virtual_server': no protocol set - defaulting to UDP (as keepalived"
                + " does); write 'protocol TCP' for TCP"), problems(result));
        var servers = result.config().orElseThrow().lvs().virtualServers();
        assertEquals(dev.fulcrum.api.model.lvs.Protocol.UDP, servers.get(0).protocol());
        assertEquals(dev.fulcrum.api.model.lvs.Protocol.TCP, servers.get(1).protocol());
    }

    @Test
    void portsAre0To65535AndPort0NeedsPersistence() {
        assertEquals(List.of("k.conf:2:29: error: '65536': expected an integer 0..65535",
                "k.conf:1:1: error: 'virtual_server': virtual_server without a port (or port 0) serves every port,"
                        + " which IPVS allows only with persistence_timeout"),
                rejected("virtual_server 10.0.0.1 0 {\n    real_server 192.168.0.1 65536 {\n    }\n}\n"));
    }

    @Test
    void realServerWeightIsIpvsRange() {
        assertEquals(List.of("k.conf:3:16: error: '65536': expected an integer 0..65535"),
                rejected("virtual_server 10.0.0.1 80 {\n    real_server 192.168.0.1 80 {\n        weight 65536\n"
                        + "    }\n}\n"));
    }

    @Test
    void trackedWeightsAreMinus253To253() {
        assertEquals(List.of("k.conf:3:12: error: '300': expected an integer -253..253"),
                rejected("vrrp_script s {\n    script true\n    weight 300\n}\n"));
    }

    @Test
    void addressFamiliesAgreeWithinAVirtualServer() {
        assertEquals(List.of(
                "k.conf:4:5: error: 'real_server': address family differs from the virtual server's (IPv4)",
                "k.conf:6:5: error: 'sorry_server': address family differs from the virtual server's (IPv4)"),
                rejected("virtual_server 10.0.0.1 80 {\n    real_server 192.168.0.1 80 {\n    }\n"
                        + "    real_server 2001:db8::1 80 {\n    }\n    sorry_server 2001:db8::2 80\n}\n"));
        assertEquals(List.of("k.conf:3:5: error: '10.0.0.2': address family differs from the group's first address"),
                rejected("virtual_server_group G {\n    2001:db8::1 80\n    10.0.0.2 80\n}\n"));
    }

    @Test
    void virtualServerGroupMustExist() {
        assertEquals(List.of("k.conf:1:22: error: 'WEB': virtual_server group: no virtual_server_group of this name "
                + "is defined"), rejected("virtual_server group WEB {\n}\n"));
    }

    @Test
    void missingArgumentIsReportedWhereItShouldBe() {
        assertEquals(List.of("k.conf:2:14: error: interface: missing argument: expected an interface name"),
                rejected("vrrp_instance VI_1 {\n    interface\n    virtual_router_id 1\n}\n"));
    }

    @Test
    void unknownKeywordInVrrpInstanceIsAnErrorWithItsLocation() {
        String text = INSTANCE + "    virtual_router_id 1\n    use_vmac\n    priorty 100\n}\n";
        assertEquals(List.of("k.conf:4:5: error: 'use_vmac': unsupported keyword in vrrp_instance VI_1",
                "k.conf:5:5: error: 'priorty': unsupported keyword in vrrp_instance VI_1"), rejected(text));
    }

    @Test
    void lenientModeMakesUnsupportedKeywordsWarnings() {
        String text = INSTANCE + "    virtual_router_id 1\n    use_vmac\n}\n";
        KeepalivedConfigs.Result result = check(text, true);
        assertEquals(List.of("k.conf:4:5: warning: 'use_vmac': unsupported keyword in vrrp_instance VI_1 "
                + "(ignored: --lenient)"), problems(result));
        assertEquals("VI_1", result.config().orElseThrow().vrrp().instances().get(0).name());
    }

    @Test
    void unsupportedCheckerAndTopLevelBlocksAreNamed() {
        String text = "static_ipaddress {\n    10.1.1.1 dev eth0\n}\n"
                + "virtual_server 10.0.0.1 80 {\n    protocol TCP\n    real_server 192.168.0.1 80 {\n"
                + "        PING_CHECK {\n        }\n    }\n}\n";
        assertEquals(List.of("k.conf:1:1: error: 'static_ipaddress': unsupported keyword in the top level",
                "k.conf:7:9: error: 'PING_CHECK': unsupported keyword in real_server 192.168.0.1 80"), rejected(text));
    }

    @Test
    void lvsSyncDaemonNamesADefinedInstance() {
        assertEquals(List.of("k.conf:2:26: error: 'VI_X': lvs_sync_daemon: no vrrp_instance of this name is defined"),
                rejected("global_defs {\n    lvs_sync_daemon eth0 VI_X\n}\n"));
    }
}
