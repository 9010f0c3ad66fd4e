package dev.fulcrum.config.keepalived;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.fulcrum.api.config.ConfigProblem;
import dev.fulcrum.api.config.SourceLocation;
import dev.fulcrum.config.internal.ProblemCollector;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class BlockParserTest {

    private final ProblemCollector problems = new ProblemCollector(false);

    /** Renders statements as {@code keyword(args){children}} with the keyword's line:column. */
    static String render(List<Statement> statements) {
        return statements.stream().map(BlockParserTest::render).collect(Collectors.joining(" "));
    }

    private static String render(Statement s) {
        String args = s.arguments().isEmpty() ? "" : "(" + s.arguments().stream().map(Token::toString)
                .collect(Collectors.joining(" ")) + ")";
        String block = s.block().isEmpty() ? "" : "{" + render(s.block()) + "}";
        return s.location().line() + ":" + s.location().column() + ":" + s.keyword() + args + block;
    }

    private String parse(String text) {
        List<LocatedLine> lines = Lexer.lines("k.conf", text);
        LocatedLine last = lines.isEmpty() ? LocatedLine.of("k.conf", 1, "") : lines.get(lines.size() - 1);
        SourceLocation end = new SourceLocation("k.conf", last.line(), last.endColumn());
        return render(new BlockParser(problems).parse(Lexer.lex("k.conf", text, problems), end));
    }

    private List<String> problems() {
        return problems.problems().stream().map(ConfigProblem::format).collect(Collectors.toList());
    }

    @Test
    void nestedBlocksValueBlocksAndOneLineBlocks() {
        String tree = parse("""
                vrrp_instance VI_1 {
                    state MASTER
                    virtual_ipaddress {
                        192.168.0.100/24 dev eth0 # VIP
                    }
                    track_script { chk_haproxy }
                    authentication{auth_type PASS}
                }
                """);
        assertEquals("1:1:vrrp_instance(VI_1){2:5:state(MASTER) 3:5:virtual_ipaddress{4:9:192.168.0.100/24(dev eth0)} "
                + "6:5:track_script{6:20:chk_haproxy} 7:5:authentication{7:20:auth_type(PASS)}}", tree);
        assertEquals(List.of(), problems());
    }

    @Test
    void aBraceOnTheNextLineOpensTheBlockAsKeepalivedAccepts() {
        assertEquals("1:1:virtual_server(10.0.0.1 80){3:5:delay_loop(6)}",
                parse("virtual_server 10.0.0.1 80\n{\n    delay_loop 6\n}\n"));
        assertEquals(List.of(), problems());
    }

    @Test
    void aBlockOpenerWithoutBraceIsReportedWhereTheBraceBelongsAndWhatFollowsIsItsBlock() {
        String tree = parse("""
                virtual_server 172.31.0.1 80
                  delay_loop 10
                  real_server 192.168.0.1 80 {
                    weight 1
                  }
                }
                """);
        assertEquals("1:1:virtual_server(172.31.0.1 80){2:3:delay_loop(10) 3:3:real_server(192.168.0.1 80){4:5:weight(1)}}",
                tree);
        assertEquals(List.of("k.conf:1:29: error: expected '{' to open the virtual_server block"), problems());
    }

    @Test
    void aMissingBraceBeforeAClosingBraceOrTheEndDoesNotSwallowTheRest() {
        String tree = parse("vrrp_instance VI_1 {\n  track_script\n}\nvirtual_server 10.0.0.1 80");
        assertEquals("1:1:vrrp_instance(VI_1){2:3:track_script} 4:1:virtual_server(10.0.0.1 80)", tree);
        assertEquals(List.of("k.conf:2:15: error: expected '{' to open the track_script block",
                "k.conf:4:27: error: expected '{' to open the virtual_server block"), problems());
    }

    @Test
    void inUnknownBlocksNoKeywordIsRequiredToOpenABlock() {
        assertEquals("1:1:global_defs{2:3:router_id(lb1) 3:3:notification_email{5:5:a@example.com}}",
                parse("global_defs {\n  router_id lb1\n  notification_email\n  {\n    a@example.com\n  }\n}"));
        assertEquals(List.of(), problems());
    }

    @Test
    void strayAndUnclosedBracesAreReportedWithBothEnds() {
        String tree = parse("}\nvrrp_instance VI_1 {\n  virtual_ipaddress {\n    10.0.0.1\n");
        assertEquals("2:1:vrrp_instance(VI_1){3:3:virtual_ipaddress{4:5:10.0.0.1}}", tree);
        assertEquals(List.of(
                "k.conf:1:1: error: '}': unexpected '}': no block is open here",
                "k.conf:3:21: error: '{': the virtual_ipaddress block is never closed: expected '}' before the end of input",
                "k.conf:4:13: error: expected '}' to close the virtual_ipaddress block opened at k.conf:3:21",
                "k.conf:2:20: error: '{': the vrrp_instance block is never closed: expected '}' before the end of input",
                "k.conf:4:13: error: expected '}' to close the vrrp_instance block opened at k.conf:2:20"), problems());
    }

    @Test
    void aBraceWithoutKeywordIsAnErrorAndItsContentIsDropped() {
        assertEquals("4:1:global_defs", parse("{\n  router_id x\n}\nglobal_defs {\n}\n"));
        assertEquals(List.of("k.conf:1:1: error: '{': unexpected '{': expected a keyword before it"), problems());
    }

    @Test
    void unknownTopLevelKeywordsAreErrorsWithASuggestion() {
        String tree = parse("vrp_instance RH_EXT {\n  state MASTER\n}\nGlobal_Defs {\n}\nfrobnicate\n");
        assertEquals("1:1:vrp_instance(RH_EXT){2:3:state(MASTER)} 4:1:Global_Defs 6:1:frobnicate", tree);
        String expected = "unknown keyword: expected vrrp_instance, vrrp_sync_group, vrrp_script, virtual_server, "
                + "virtual_server_group, global_defs, ...";
        assertEquals(List.of(
                "k.conf:1:1: error: 'vrp_instance': " + expected + " (did you mean vrrp_instance?)",
                "k.conf:4:1: error: 'Global_Defs': " + expected + " (did you mean global_defs?)",
                "k.conf:6:1: error: 'frobnicate': " + expected), problems());
    }

    @Test
    void nestingIsLimitedAndTheTooDeepBlockIsSkippedWithoutLosingBalance() {
        StringBuilder conf = new StringBuilder("global_defs {\n");
        for (int i = 0; i < 100; i++) {
            conf.append("a").append(i).append(" {\n");
        }
        conf.append("}\n".repeat(100)).append("}\nvrrp_instance after {\n}\n");
        String tree = parse(conf.toString());
        assertEquals(List.of("k.conf:65:5: error: '{': blocks nested deeper than 64 levels: this block is ignored"),
                problems());
        assertEquals(true, tree.endsWith("} 203:1:vrrp_instance(after)"), tree);
        // global_defs and a0..a62 are the 64 blocks kept; a63 and everything inside it are dropped.
        assertEquals(true, tree.contains("64:1:a62") && !tree.contains(":a63"), tree);
    }
}
