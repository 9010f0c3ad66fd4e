package dev.fulcrum.config.haproxy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.fulcrum.api.config.ConfigProblem;
import dev.fulcrum.api.config.SourceLocation;
import dev.fulcrum.config.internal.ProblemCollector;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** bind and server addresses: configuration.txt 4.2 "bind", "server" and 11 "Address formats". */
class AddressParserTest {

    private final ProblemCollector problems = new ProblemCollector(false);

    /** The address as the 2nd word of "  bind ADDRESS", column 8. */
    private static Token word(String text) {
        return new Token(text, new SourceLocation("a.cfg", 3, 8));
    }

    /** family|host|literal or -|port kind|first|last, one string per endpoint. */
    private static String describe(Endpoint endpoint) {
        if (endpoint instanceof Endpoint.Unix unix) {
            return "unix|" + unix.path();
        }
        Endpoint.Inet inet = (Endpoint.Inet) endpoint;
        return inet.family() + "|" + inet.host() + "|" + inet.address().map(a -> a.getHostAddress()).orElse("-")
                + "|" + inet.port().kind() + "|" + inet.port().first() + "|" + inet.port().last();
    }

    private List<String> formatted() {
        return problems.problems().stream().map(ConfigProblem::format).toList();
    }

    @ParameterizedTest(name = "bind {0}")
    @CsvSource(delimiter = '~', value = {
        ":80                  ~ IPV4||0.0.0.0|FIXED|80|80",
        "*:80                 ~ IPV4|*|0.0.0.0|FIXED|80|80",
        "192.168.0.10:80      ~ IPV4|192.168.0.10|192.168.0.10|FIXED|80|80",
        "10.0.0.1:2000-2100   ~ IPV4|10.0.0.1|10.0.0.1|FIXED|2000|2100",
        "[::1]:443            ~ IPV6|::1|0:0:0:0:0:0:0:1|FIXED|443|443",
        ":::80                ~ IPV6|::|0:0:0:0:0:0:0:0|FIXED|80|80",
        "2001:db8::1:8080     ~ IPV6|2001:db8::1|2001:db8:0:0:0:0:0:1|FIXED|8080|8080",
        "[::ffff:10.0.0.1]:80 ~ IPV6|::ffff:10.0.0.1|0:0:0:0:0:ffff:a00:1|FIXED|80|80",
        "ipv6@:80             ~ IPV6||0:0:0:0:0:0:0:0|FIXED|80|80",
        "ipv4@10.0.0.1:80     ~ IPV4|10.0.0.1|10.0.0.1|FIXED|80|80",
        "tcp6@[fe80::1]:80    ~ IPV6|fe80::1|fe80:0:0:0:0:0:0:1|FIXED|80|80",
        "stream+ipv4@:80      ~ IPV4||0.0.0.0|FIXED|80|80",
        "www.example.com:443  ~ UNSPECIFIED|www.example.com|-|FIXED|443|443",
        "ipv6@localhost:443   ~ IPV6|localhost|-|FIXED|443|443",
        "/var/run/fe.sock     ~ unix|/var/run/fe.sock",
        "unix@fe.sock         ~ unix|fe.sock",
    })
    void bindAddresses(String text, String expected) {
        List<Endpoint> endpoints = AddressParser.parseBind(word(text), problems);
        assertEquals(List.of(expected), endpoints.stream().map(AddressParserTest::describe).toList());
        assertEquals(new SourceLocation("a.cfg", 3, 8), endpoints.get(0).location());
        assertEquals(List.of(), problems.problems());
    }

    @Test
    void aBindWordMayListSeveralAddresses() {
        List<Endpoint> endpoints = AddressParser.parseBind(word(":80,[::]:80,/s"), problems);
        assertEquals(List.of("IPV4||0.0.0.0|FIXED|80|80", "IPV6|::|0:0:0:0:0:0:0:0|FIXED|80|80", "unix|/s"),
                endpoints.stream().map(AddressParserTest::describe).toList());
        assertEquals(List.of(8, 12, 20), endpoints.stream().map(e -> e.location().column()).toList());
    }

    @ParameterizedTest(name = "bind {0}")
    @CsvSource(delimiter = '~', value = {
        "1.2.3.4       ~ a.cfg:3:8: error: '1.2.3.4': missing port: a bind address needs :PORT or :FIRST-LAST",
        "[::1]         ~ a.cfg:3:8: error: '[::1]': missing port: a bind address needs :PORT or :FIRST-LAST",
        ":0            ~ a.cfg:3:9: error: ':0': invalid port '0': expected a number from 1 to 65535",
        ":65536        ~ a.cfg:3:9: error: ':65536': invalid port '65536': expected a number from 1 to 65535",
        ":8a           ~ a.cfg:3:9: error: ':8a': invalid port '8a': expected a number from 1 to 65535",
        ":80-          ~ a.cfg:3:12: error: ':80-': invalid port '': expected a number from 1 to 65535",
        ":90-80        ~ a.cfg:3:9: error: ':90-80': invalid port range '90-80': the first port must not exceed the last",
        ":+80          ~ a.cfg:3:9: error: ':+80': port offset not permitted on a bind address",
        "ipv4@::1:80   ~ a.cfg:3:13: error: 'ipv4@::1:80': '::1' is not an IPv4 address, as 'ipv4@' requires",
        "ipv6@1.2.3.4:80 ~ a.cfg:3:13: error: 'ipv6@1.2.3.4:80': '1.2.3.4' is not an IPv6 address, as 'ipv6@' requires",
        "1.2.3.04:80   ~ a.cfg:3:8: error: '1.2.3.04:80': invalid IPv4 address '1.2.3.04': expected four numbers 0-255"
                + " without leading zeros",
        "10.0.0.256:80 ~ a.cfg:3:8: error: '10.0.0.256:80': invalid IPv4 address '10.0.0.256': expected four numbers"
                + " 0-255 without leading zeros",
        "1::2::3:80    ~ a.cfg:3:8: error: '1::2::3:80': invalid IPv6 address '1::2::3': write an IPv6 address"
                + " followed by a port as [ADDRESS]:PORT",
        "[::1:80       ~ a.cfg:3:8: error: '[::1:80': missing ']' after the IPv6 address",
        "[::1]80       ~ a.cfg:3:13: error: '[::1]80': unexpected character '8' after ']': expected :PORT",
        "foo@x:80      ~ a.cfg:3:8: error: 'foo@x:80': unknown address prefix 'foo@': expected ipv4@, ipv6@, ip@,"
                + " tcp@, tcp4@, tcp6@ or unix@",
        "fd@3          ~ a.cfg:3:8: error: 'fd@': unsupported keyword in haproxy.cfg addresses",
        "quic4@:443    ~ a.cfg:3:8: error: 'quic4@': unsupported keyword in haproxy.cfg addresses",
        "unix@         ~ a.cfg:3:8: error: 'unix@': missing socket path after 'unix@'",
        "my_host!:80   ~ a.cfg:3:15: error: 'my_host!:80': invalid character '!' in host name 'my_host!': expected an"
                + " IP address or a host name of letters, digits, '-', '_' and '.'",
        ":80,          ~ a.cfg:3:12: error: ':80,': empty address in a comma-separated list",
    })
    void badBindAddressesSayWhatAndWhere(String text, String expected) {
        AddressParser.parseBind(word(text), problems);
        assertEquals(List.of(expected), formatted());
    }

    @ParameterizedTest(name = "server {0}")
    @CsvSource(delimiter = '~', value = {
        "192.168.1.1:80 ~ IPV4|192.168.1.1|192.168.1.1|FIXED|80|80",
        "10.0.0.71:80   ~ IPV4|10.0.0.71|10.0.0.71|FIXED|80|80",
        "10.0.0.71      ~ IPV4|10.0.0.71|10.0.0.71|NONE|0|0",
        "10.0.0.71:     ~ IPV4|10.0.0.71|10.0.0.71|NONE|0|0",
        "10.0.0.71:0    ~ IPV4|10.0.0.71|10.0.0.71|NONE|0|0",
        "10.0.0.71:+10  ~ IPV4|10.0.0.71|10.0.0.71|OFFSET|10|10",
        "10.0.0.71:-10  ~ IPV4|10.0.0.71|10.0.0.71|OFFSET|-10|-10",
        "rgw1:80        ~ UNSPECIFIED|rgw1|-|FIXED|80|80",
        "[::1]          ~ IPV6|::1|0:0:0:0:0:0:0:1|NONE|0|0",
        "::1:8080       ~ IPV6|::1|0:0:0:0:0:0:0:1|FIXED|8080|8080",
        "ipv4@          ~ IPV4||0.0.0.0|NONE|0|0",
        "*              ~ IPV4|*|0.0.0.0|NONE|0|0",
        "/run/app.sock  ~ unix|/run/app.sock",
    })
    void serverAddresses(String text, String expected) {
        Optional<Endpoint> endpoint = AddressParser.parseServer(word(text), problems);
        assertEquals(expected, describe(endpoint.orElseThrow()));
        assertEquals(List.of(), problems.problems());
    }

    @ParameterizedTest(name = "server {0}")
    @CsvSource(delimiter = '~', quoteCharacter = '`', value = {
        "10.0.0.1:80-90 ~ a.cfg:3:19: error: '10.0.0.1:80-90': port range not permitted on a server address",
        "10.0.0.1:+70000 ~ a.cfg:3:18: error: '10.0.0.1:+70000': invalid port '70000': expected a number from 0 to 65535",
        "::1            ~ a.cfg:3:8: error: '::1': invalid IPv6 address ':': write an IPv6 address followed by a port"
                + " as [ADDRESS]:PORT",
        "``             ~ a.cfg:3:8: error: missing address: expected ADDRESS[:PORT] or /PATH",
    })
    void badServerAddressesSayWhatAndWhere(String text, String expected) {
        assertEquals(Optional.empty(), AddressParser.parseServer(word(text), problems));
        assertEquals(List.of(expected), formatted());
    }

    @Test
    void hostNamesAreNeverResolved() {
        // .invalid is reserved (RFC 2606): a lookup would fail, a literal-only parser does not care
        Endpoint.Inet inet = (Endpoint.Inet) AddressParser.parseServer(word("backend.invalid:80"), problems).orElseThrow();
        assertTrue(inet.isHostName());
        assertEquals("backend.invalid", inet.host());
        assertEquals(List.of(), problems.problems());
    }
}
