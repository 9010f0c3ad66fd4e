package dev.fulcrum.config.haproxy.model;

import static dev.fulcrum.config.haproxy.model.Fixtures.problems;
import static dev.fulcrum.config.haproxy.model.Fixtures.withBackendLines;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

/** One test per semantic rule of the mapper: the exact problems, with file:line:column. */
class InvalidCorpusTest {

    private static final String F = "/etc/haproxy/haproxy.cfg";

    /** The backend section of {@link Fixtures#withBackendLines} starts at line 5; extra lines from 6. */
    private static void assertProblems(String text, String... expected) {
        assertEquals(List.of(expected), problems(text));
    }

    @Test
    void unknownMode() {
        assertProblems(withBackendLines("mode ftp"), F + ":6:10: error: 'ftp': unknown proxy mode: expected tcp or http");
    }

    @Test
    void unknownBalanceAlgorithm() {
        assertProblems(withBackendLines("balance fastest"), F + ":6:13: error: 'fastest': unknown balance algorithm:"
                + " expected roundrobin, static-rr, leastconn, first, source, uri, url_param, hdr(NAME),"
                + " rdp-cookie[(NAME)], random[(DRAWS)] or hash");
    }

    @Test
    void balanceArguments() {
        assertProblems(withBackendLines("balance uri len 0 depth"),
                F + ":6:21: error: '0': out of range: expected an integer from 1 to 2147483647",
                F + ":6:28: error: missing argument for 'balance uri depth': expected a positive integer");
        assertProblems(withBackendLines("balance uri deep"), F + ":6:17: error: 'deep': unknown argument for"
                + " 'balance uri': expected 'len N', 'depth N' or 'whole'");
        assertProblems(withBackendLines("balance hdr"), F + ":6:13: error: 'hdr': balance hdr needs a header name:"
                + " expected hdr(NAME)");
        assertProblems(withBackendLines("balance roundrobin now"), F + ":6:24: error: 'now': unexpected argument for"
                + " 'balance roundrobin': expected nothing after 'roundrobin'");
        assertProblems(withBackendLines("balance random(x)"), F + ":6:20: error: 'x': unexpected character 'x' in an"
                + " integer: expected an integer from 1 to 2147483647");
    }

    @Test
    void useBackendNamingAMissingBackend() {
        assertProblems("frontend fe\n    bind :80\n    acl a path /\n    use_backend nope if a\n    default_backend be\n"
                + "backend be\n    server s 1.1.1.1:80\n", F + ":4:17: error: 'nope': unable to find the backend"
                + " required by frontend 'fe': expected one of be");
    }

    @Test
    void defaultBackendNamingAMissingBackend() {
        assertProblems("frontend fe\n    bind :80\n    default_backend nope\nbackend be\n    server s 1.1.1.1:80\n",
                F + ":3:21: error: 'nope': unable to find the backend required by frontend 'fe': expected one of be");
        assertProblems("frontend fe\n    bind :80\n    default_backend nope\n", F + ":3:21: error: 'nope': unable to"
                + " find the backend required by frontend 'fe': no backend or listen section is defined");
    }

    @Test
    void aclReferencedButNotDefined() {
        assertProblems("frontend fe\n    bind :80\n    use_backend be if !missing\n    default_backend be\nbackend be\n",
                F + ":3:24: error: 'missing': no such ACL in frontend 'fe': declare it with 'acl missing CRITERION"
                        + " VALUE...' in that section");
    }

    @Test
    void duplicateServerNames() {
        assertProblems(withBackendLines("server s1 10.0.0.2:80"), F + ":7:12: error: 's1': duplicate server name in"
                + " backend 'be': already declared at " + F + ":6:5");
    }

    @Test
    void serverWeightRiseAndInter() {
        assertProblems(withBackendLines("server s2 10.0.0.2:80 weight 257"),
                F + ":6:34: error: '257': out of range: expected an integer from 0 to 256");
        assertProblems(withBackendLines("server s2 10.0.0.2:80 rise 0 inter 0"),
                F + ":6:32: error: '0': out of range: expected an integer from 1 to 2147483647",
                F + ":6:40: error: '0': 'inter' must be at least 1ms");
    }

    @Test
    void negativeMaxqueue() {
        assertProblems(withBackendLines("server s2 10.0.0.2:80 maxqueue -3"),
                F + ":6:36: error: '-3': out of range: expected an integer from 0 to 2147483647");
    }

    @Test
    void ports() {
        assertProblems(withBackendLines("server s2 10.0.0.2:70000"), F + ":6:24: error: '10.0.0.2:70000': invalid port"
                + " '70000': expected a number from 0 to 65535");
        assertProblems("frontend fe\n    bind :0\n    default_backend be\nbackend be\n",
                F + ":2:11: error: ':0': invalid port '0': expected a number from 1 to 65535");
    }

    @Test
    void negativeMaxconn() {
        assertProblems("frontend fe\n    bind :80\n    maxconn -1\n    default_backend be\nbackend be\n",
                F + ":3:13: error: '-1': out of range: expected an integer from 0 to 2147483647");
    }

    @Test
    void timeValuesInADefaultsSection() {
        assertProblems("defaults\n    timeout client 10x\n    timeout server 1.5s\nfrontend fe\n    bind :80\n"
                + "    default_backend be\nbackend be\n",
                F + ":2:22: error: '10x': unknown time unit 'x': expected us, ms, s, m, h or d (default ms)",
                F + ":3:21: error: '1.5s': decimal notation is not allowed: a time is an integer with an optional unit"
                        + " us, ms, s, m, h or d (default ms)");
    }

    @Test
    void optionArgumentsAndNames() {
        assertProblems(withBackendLines("option forwardfor except 10.0.0.300 header", "option httplog clf",
                "option abortonclose"),
                F + ":6:30: error: '10.0.0.300': invalid network: expected an IPv4 or IPv6 address with an optional"
                        + " /MASK",
                F + ":6:47: error: missing argument for 'option forwardfor header': expected a header name",
                F + ":7:20: error: 'option httplog clf': unsupported keyword in backend 'be'",
                F + ":8:12: error: 'option abortonclose': unsupported keyword in backend 'be'");
        assertProblems(withBackendLines("option httpchk GET / HTTP/1.1 extra"), F + ":6:35: error: 'extra': unexpected"
                + " argument for 'option httpchk': expected nothing after 'HTTP/1.1'");
    }

    @Test
    void httpCheckExpect() {
        assertProblems(withBackendLines("option httpchk", "http-check expect status 2xx", "http-check expect rstring ([",
                "http-check expect body x", "http-check send meth GET", "http-check expect ! status"),
                F + ":7:30: error: '2xx': invalid status: expected 3-digit codes or ranges such as 200, 200-399 or"
                        + " 200,302",
                F + ":8:31: error: '([': invalid regular expression: Unclosed character class",
                F + ":9:23: error: 'body': unknown match for 'http-check expect': expected status, rstatus, string or"
                        + " rstring",
                F + ":10:16: error: 'http-check send': unsupported keyword in backend 'be'",
                F + ":11:31: error: missing argument for 'http-check expect status': expected a pattern");
    }

    @Test
    void logFacilityAndLevel() {
        assertProblems("global\n    log /dev/log local9 loud\n    log 127.0.0.1 len 1024 local0\nfrontend fe\n"
                + "    bind :80\n    log 127.0.0.1 user info debug\n    default_backend be\nbackend be\n",
                F + ":2:18: error: 'local9': unknown syslog facility: expected one of kern, user, mail, daemon, auth,"
                        + " syslog, lpr, news, uucp, cron, auth2, ftp, ntp, audit, alert, cron2, local0, local1, local2,"
                        + " local3, local4, local5, local6, local7",
                F + ":2:25: error: 'loud': unknown log level: expected one of emerg, alert, crit, err, warning, notice,"
                        + " info, debug",
                F + ":3:19: error: 'log len': unsupported keyword in global section",
                F + ":6:29: error: 'log minimum level': unsupported keyword in frontend 'fe'");
    }

    @Test
    void keywordsNotAllowedInDefaults() {
        assertProblems("defaults\n    server s 1.1.1.1:80\n    bind :80\nfrontend fe\n    bind :80\n"
                + "    default_backend be\nbackend be\n",
                F + ":2:5: error: 'server': 'server' is not allowed in a defaults section",
                F + ":3:5: error: 'bind': 'bind' is not allowed in a defaults section");
    }

    @Test
    void sslWithoutCertificate() {
        assertProblems("frontend fe\n    bind :443 ssl alpn h2\n    default_backend be\nbackend be\n",
                F + ":2:15: error: 'ssl': no certificate for 'ssl': add 'crt PEM' to the bind line");
    }

    @Test
    void globalValues() {
        assertProblems("global\n    nbthread 65\n    tune.ssl.default-dh-param 2048\n    stats socket /run/a level god\n"
                + "    daemon now\n",
                F + ":2:14: error: '65': out of range: expected an integer from 1 to 64",
                F + ":3:5: error: 'tune.ssl.default-dh-param': unsupported keyword in global section",
                F + ":4:31: error: 'god': unknown stats socket level: expected user, operator or admin",
                F + ":5:12: error: 'now': unexpected argument for 'daemon': expected nothing after 'daemon'");
    }

    @Test
    void conditions() {
        assertProblems("frontend fe\n    bind :80\n    acl a path /\n    use_backend be if a || a\n    use_backend be\n"
                + "    use_backend be when a\n    default_backend be\nbackend be\n",
                F + ":4:25: error: ''||' in a condition': unsupported keyword in frontend 'fe'",
                F + ":5:19: error: 'use_backend without a condition': unsupported keyword in frontend 'fe' (write"
                        + " default_backend instead)",
                F + ":6:20: error: 'when': expected 'if' or 'unless' after the backend name");
    }

    @Test
    void aclDefinitions() {
        assertProblems("frontend fe\n    bind :80\n    acl a path\n    acl b hdr -i x\n    acl c src 10.0.0.0/33\n"
                + "    acl d url_reg x\n    acl e path -m beg /\n    default_backend be\nbackend be\n",
                F + ":3:15: error: missing value for acl 'a': expected at least one pattern to match",
                F + ":4:11: error: 'hdr': 'hdr' needs a header name: expected hdr(NAME), e.g. hdr(host)",
                F + ":5:24: error: '10.0.0.0/33': invalid mask '33': expected a prefix length from 0 to 32 or a dotted"
                        + " netmask",
                F + ":6:11: error: 'acl criterion url_reg': unsupported keyword in frontend 'fe' (supported: path,"
                        + " path_beg, path_end, hdr(NAME), hdr_beg(NAME), hdr_end(NAME), src, method)",
                F + ":7:16: error: 'acl flag -m': unsupported keyword in frontend 'fe'");
    }

    @Test
    void missingArgument() {
        assertProblems(withBackendLines("retries"),
                F + ":6:12: error: missing argument for 'retries': expected an integer from 0");
    }

    @Test
    void everyErrorOfARunIsCollected() {
        List<String> all = problems(withBackendLines("mode ftp", "balance fastest", "server s1 10.0.0.2:80",
                "stick-table type ip"));
        assertEquals(4, all.size(), all.toString());
        assertEquals(List.of(":6:", ":7:", ":9:", ":10:"), all.stream()
                .map(p -> p.substring(F.length(), p.indexOf(':', F.length() + 1) + 1)).toList());
    }
}
