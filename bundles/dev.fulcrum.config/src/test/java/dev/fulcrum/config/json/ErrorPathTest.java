package dev.fulcrum.config.json;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.fulcrum.api.config.ConfigException;
import dev.fulcrum.api.config.ConfigProblem;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** Each kind of error names its JSON path and location; the golden file is the valid starting point. */
class ErrorPathTest {

    private final ModelJson json = new ModelJson();

    /** The problems of the golden text with its first {@code from} replaced by {@code to}. */
    private List<String> problems(String from, String to) {
        String golden = Small.golden();
        assertTrue(golden.contains(from), from);
        return problems(golden.replaceFirst(Pattern.quote(from), Matcher.quoteReplacement(to)));
    }

    private List<String> problems(String text) {
        ConfigException e = assertThrows(ConfigException.class, () -> json.read(text, "s.json"));
        return e.problems().stream().map(ConfigProblem::format).toList();
    }

    @Test
    void misspeltFieldIsReportedWithItsPathAndTheFieldsExpected() {
        assertEquals(List.of("s.json:187:13: error: '$.proxy.backends[0].servers[1].wieght': unknown field; "
                + "expected one of: name, host, port, check, inter, fastinter, downinter, rise, fall, weight, backup, "
                + "maxconn, disabled, slowstart, send_proxy, maxqueue",
                "s.json:193:11: error: '$.proxy.backends[0].servers[1]': missing required field 'weight'"),
                problems("\"weight\": 3", "\"wieght\": 3"));
    }

    @Test
    void everyUnknownFieldIsReportedInOnePass() {
        assertEquals(List.of(
                "s.json:1:2: error: '$.extra': unknown field; expected one of: global, vrrp, lvs, proxy",
                "s.json:1:43: error: '$.global.vrrp.colour': unknown field; expected one of: version, strict, "
                        + "garp_master_delay, garp_master_repeat, garp_master_refresh, garp_interval, gna_interval, "
                        + "skip_check_adv_addr, lower_prio_no_advert, higher_prio_send_advert, startup_delay, "
                        + "mcast_group4, mcast_group6",
                "s.json:1:91: error: '$.lvs.virtual_servers[1].nme': unknown field; expected one of: key, delay_loop, "
                        + "scheduler, forwarding, persistence, protocol, sorry_server, sorry_server_inhibit, quorum, "
                        + "hysteresis, quorum_up, quorum_down, inhibit_on_failure, alpha, omega, ha_suspend, "
                        + "virtualhost, flags, ops, real_servers, tunnel"),
                problems("{\"extra\": {\"a\": [1]}, \"global\": {\"vrrp\": {\"colour\": 1}}, "
                        + "\"lvs\": {\"virtual_servers\": [{}, {\"nme\": 2}]}}").subList(0, 3));
    }

    @Test
    void unknownFieldOfAHealthCheckerIsCheckedAgainstItsOwnType() {
        assertEquals(List.of("s.json:98:17: error: '$.lvs.virtual_servers[0].real_servers[0].checkers[0].path': "
                + "unknown field; expected one of: checker, common"),
                problems("\"common\": {", "\"path\": \"/x\", \"common\": {"));
    }

    @Test
    void aTypeFieldAfterTheOtherFieldsIsReadAndStillSelectsTheFieldsAllowed() throws ConfigException {
        String typeLast = Small.golden().replace("\"checker\": \"TCP_CHECK\",\n                \"common\": {",
                "\"common\": {").replace("\"delay_before_retry\": \"1s\"\n                }",
                "\"delay_before_retry\": \"1s\"\n                }, \"checker\": \"TCP_CHECK\"");
        assertEquals(Small.model(), json.read(typeLast, "s.json"));
        assertEquals(List.of("s.json:97:17: error: '$.lvs.virtual_servers[0].real_servers[0].checkers[0].path': "
                + "unknown field; expected one of: checker, common"),
                problems(typeLast.replace("\"common\": {", "\"path\": \"/x\", \"common\": {")));
    }

    @Test
    void wrongTypesNameThePathAndTheExpectedType() {
        assertEquals(List.of("s.json:163:21: error: '$.proxy.backends[0].servers[0].port': expected an integer (32 bits)"),
                problems("\"port\": 8080", "\"port\": \"8080\""));
        assertEquals(List.of("s.json:163:21: error: '$.proxy.backends[0].servers[0].port': expected an integer (32 bits)"),
                problems("\"port\": 8080", "\"port\": 80.5"));
        assertEquals(List.of("s.json:163:32: error: '$.proxy.backends[0].servers[0].port': "
                + "number out of range: expected an integer (32 bits)"), problems("\"port\": 8080", "\"port\": 99999999999"));
        assertEquals(List.of("s.json:164:22: error: '$.proxy.backends[0].servers[0].check': expected true or false"),
                problems("\"check\": true", "\"check\": 1"));
        assertEquals(List.of("s.json:161:21: error: '$.proxy.backends[0].servers[0].name': expected a string"),
                problems("\"name\": \"s1\"", "\"name\": 5"));
        assertEquals(List.of("s.json:148:17: error: '$.proxy.backends': expected an array"),
                problems("\"backends\": [", "\"backends\": {"));
    }

    @Test
    void durationsAddressesAndEnumsHaveOneSpelling() {
        assertEquals(List.of("s.json:182:22: error: '$.proxy.backends[0].servers[1].inter': expected a duration string: "
                + "an integer and a unit d, h, m, s, ms, us or ns (e.g. \"30s\")"),
                problems("\"inter\": \"500ms\"", "\"inter\": 500"));
        assertEquals(List.of("s.json:89:24: error: '$.lvs.virtual_servers[0].real_servers[0].address': "
                + "expected an IPv4 or IPv6 address literal"), problems("\"10.0.0.1\"", "\"example.com\""));
        assertEquals(List.of("s.json:153:24: error: '$.proxy.backends[0].balance.algorithm': expected one of: "
                + "roundrobin, static-rr, leastconn, first, source, uri, url_param, hdr, rdp-cookie, random, hash"),
                problems("\"leastconn\"", "\"lc\""));
        assertEquals(List.of("s.json:129:17: error: '$.proxy.frontends[0].mode': expected one of: TCP, HTTP"),
                problems("\"mode\": \"HTTP\"", "\"mode\": \"http\""));
    }

    @Test
    void missingAndNullRequiredFields() {
        assertEquals(List.of("s.json:1:2: error: '$': missing required field 'global'"), problems("{}"));
        assertEquals(List.of("s.json:187:23: error: '$.proxy.backends[0].servers[1].weight': "
                + "null is not allowed here; expected an integer (32 bits)"),
                problems("\"weight\": 3", "\"weight\": null"));
        assertEquals(List.of("s.json:3:28: error: '$.global.notification_email[0]': "
                + "null is not allowed here; expected a string"),
                problems("\"notification_email\": []", "\"notification_email\": [null]"));
    }

    @Test
    void typeFieldsOfPolymorphicObjects() {
        assertEquals(List.of("s.json:97:28: error: '$.lvs.virtual_servers[0].real_servers[0].checkers[0]': "
                + "unknown type 'FOO_CHECK'; expected 'checker' one of: TCP_CHECK, HTTP_GET, MISC_CHECK, SMTP_CHECK, "
                + "DNS_CHECK"), problems("\"TCP_CHECK\"", "\"FOO_CHECK\""));
        assertEquals(List.of("s.json:103:15: error: '$.lvs.virtual_servers[0].real_servers[0].checkers[0]': "
                + "missing type field; expected 'checker' one of: TCP_CHECK, HTTP_GET, MISC_CHECK, SMTP_CHECK, "
                + "DNS_CHECK"), problems("\"checker\": \"TCP_CHECK\",", ""));
    }

    @Test
    void theRecordsOwnValidationIsReportedAtTheObjectBeingBuilt() {
        assertEquals(List.of("s.json:193:11: error: '$.proxy.backends[0].servers[1]': "
                + "invalid Server: weight must be from 0 to 256, was 300"), problems("\"weight\": 3", "\"weight\": 300"));
        assertEquals(List.of("s.json:176:11: error: '$.proxy.backends[0].servers[0]': "
                + "invalid Server: server name must not be blank"), problems("\"name\": \"s1\"", "\"name\": \"\""));
    }

    @Test
    void malformedJsonIsOneProblemWithLineAndColumn() {
        assertEquals(List.of("s.json:2:11: error: '$': malformed JSON: Unexpected character ('1' (code 49)): "
                + "was expecting a colon to separate field name and value"), problems("{\n  \"proxy\" 1}"));
        assertEquals(List.of("s.json:1:12: error: '$': malformed JSON: Unexpected end-of-input within/between "
                + "Object entries"), problems("{\"global\": "));
    }

    @Test
    void notAnObjectAtTheTop() {
        assertEquals(List.of("s.json:1: error: '$': expected an object (DesiredState), not null"), problems("null"));
        assertEquals(List.of("s.json:1:1: error: '$': expected an object (DesiredState)"), problems("[]"));
        assertEquals(List.of("s.json:1: error: '$': expected an object (DesiredState)"), problems(""));
    }

    /** The reader's cross-block rules hold for JSON too: the model refuses, the path names the part. */
    @Test
    void aTrackScriptNamingNoScriptIsRejectedAtTheVrrpPart() {
        assertEquals(List.of("s.json:61:3: error: '$.vrrp': invalid VrrpConfig: vrrp_instance VI_1: track_script chk"
                + " names no vrrp_script"), problems("\"track_scripts\": []", "\"track_scripts\": [{\"name\": \"chk\"}]"));
    }
}
