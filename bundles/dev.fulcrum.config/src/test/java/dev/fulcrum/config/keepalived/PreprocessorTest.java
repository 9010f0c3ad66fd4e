package dev.fulcrum.config.keepalived;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.fulcrum.api.config.ConfigProblem;
import dev.fulcrum.config.internal.ProblemCollector;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** keepalived.conf(5) "Conditional configuration and configuration id" and "Parameter substitution". */
class PreprocessorTest {

    private final ProblemCollector problems = new ProblemCollector(false);

    private String run(Set<String> configIds, String text) {
        Preprocessor preprocessor = new Preprocessor(configIds, problems);
        List<List<Token>> lines = new ArrayList<>();
        for (LocatedLine line : Lexer.lines("k.conf", text)) {
            preprocessor.process(Lexer.stripComment(line), "/etc/keepalived")
                    .map(processed -> Lexer.tokenize(processed, problems))
                    .filter(tokens -> !tokens.isEmpty())
                    .ifPresent(lines::add);
        }
        return LexerTest.render(lines);
    }

    private List<String> problems() {
        return problems.problems().stream().map(ConfigProblem::format).collect(Collectors.toList());
    }

    @Test
    void definedParametersAreReplacedAndPointAtTheReference() {
        String out = run(Set.of(), "$PRIO=100\n$IF=eth0 # comment\npriority $PRIO\ninterface ${IF}.10 x\n");
        assertEquals("3:1-9 WORD priority | 3:10-15 WORD 100\n4:1-10 WORD interface | 4:11-19 WORD eth0.10 | 4:20-21 WORD x",
                out);
        assertEquals(List.of(), problems());
    }

    @Test
    void substitutionHappensWhenUsedNotWhenDefined() {
        // The example of keepalived.conf(5) "Parameter substitution".
        String out = run(Set.of(), """
                $ADDRESS_BASE=10.2.${ADDRESS_BASE_SUB}
                $ADDRESS_BASE_SUB=0
                ${ADDRESS_BASE}.100/32
                $ADDRESS_BASE_SUB=10
                ${ADDRESS_BASE}.100/32
                """);
        assertEquals("3:1-23 WORD 10.2.0.100/32\n5:1-23 WORD 10.2.10.100/32", out);
    }

    @Test
    void parametersAreReplacedInsideQuotedStrings() {
        String out = run(Set.of(), "$SCRIPT=/etc/keepalived/notify.sh\nnotify \"${SCRIPT} master\"");
        assertEquals("2:1-7 WORD notify | 2:8-26 QUOTED /etc/keepalived/notify.sh master", out);
    }

    @Test
    void textThatIsNoReferenceIsLeftAloneSilently() {
        // "$NAME" must be followed by white space, ',' or ')' (else braces are needed); "$1" is no name.
        String out = run(Set.of(), "$A=x\nnotify_master \"/bin/sh -c 'echo $1 $A.b'\" $\n");
        assertEquals("2:1-14 WORD notify_master | 2:15-42 QUOTED /bin/sh -c 'echo $1 $A.b' | 2:43-44 WORD $", out);
        assertEquals(List.of(), problems());
    }

    @Test
    void anUndefinedParameterIsKeptAsWrittenWithAWarning() {
        String out = run(Set.of(), "$DEFINED=1\npriority $PRIORTY ${DEFINED}\n$A =1\n");
        assertEquals("2:1-9 WORD priority | 2:10-18 WORD $PRIORTY | 2:19-29 WORD 1\n3:1-3 WORD $A | 3:4-6 WORD =1", out);
        assertEquals(List.of(
                "k.conf:2:10: warning: '$PRIORTY': undefined parameter: left as written, as keepalived does "
                        + "(define it with $PRIORTY=VALUE before this line)",
                "k.conf:3:1: warning: '$A': undefined parameter: left as written, as keepalived does "
                        + "(define it with $A=VALUE before this line)"), problems());
    }

    @Test
    void conditionalLinesFollowTheActiveConfigIds() {
        String conf = """
                @main   router_id main_router
                @backup router_id backup_router
                @^main  unicast_peer_a
                @^lb2   unicast_peer_b
                @main
                plain
                """;
        assertEquals("1:9-18 WORD router_id | 1:19-30 WORD main_router\n4:9-23 WORD unicast_peer_b\n6:1-6 WORD plain",
                run(Set.of("main", "lb1"), conf));
        assertEquals("2:9-18 WORD router_id | 2:19-32 WORD backup_router\n3:9-23 WORD unicast_peer_a\n"
                + "4:9-23 WORD unicast_peer_b\n6:1-6 WORD plain", run(Set.of("backup"), conf));
        assertEquals("3:9-23 WORD unicast_peer_a\n4:9-23 WORD unicast_peer_b\n6:1-6 WORD plain", run(Set.of(), conf));
    }

    @Test
    void conditionalDefinitionsAndConditionalsProducedBySubstitution() {
        // Both examples of keepalived.conf(5) "Parameter substitution".
        String conf = """
                @main $PRIORITY=240
                @backup $PRIORITY=200
                priority $PRIORITY
                $IF_MAIN=@main
                $IF_MAIN priority 241
                """;
        assertEquals("3:1-9 WORD priority | 3:10-19 WORD 240\n5:10-18 WORD priority | 5:19-22 WORD 241",
                run(Set.of("main"), conf));
        assertEquals("3:1-9 WORD priority | 3:10-19 WORD 200", run(Set.of("backup"), conf));
    }

    @Test
    void predefinedPwdAndInstance() {
        assertEquals("1:1-7 WORD script | 1:8-36 QUOTED /etc/keepalived/check lb1",
                run(Set.of("lb1"), "script \"${_PWD}/check ${_INSTANCE}\""));
    }

    @Test
    void aParameterDefinedInTermsOfItselfIsAnError() {
        assertEquals("", run(Set.of(), "$A=${A}\nx ${A}\n$B=${B}${B}\ny $B\n"));
        assertEquals(List.of(
                "k.conf:2:1: error: parameter substitution does not end after 32 rounds: is a parameter defined "
                        + "in terms of itself?",
                "k.conf:4:1: error: parameter substitution makes this line longer than 65536 characters"),
                problems());
    }

    @Test
    void multiLineDefinitionsAndSequencesAreRejectedNotMisread() {
        String out = run(Set.of(), """
                $INSTANCE= \\
                vrrp_instance VI_${NUM} { \\
                    interface eth0 \\
                }
                ~SEQ(NUM, 0, 3) $INSTANCE
                after
                """);
        assertEquals("6:1-6 WORD after", out);
        assertEquals(List.of(
                "k.conf:1:1: error: '$INSTANCE': unsupported keyword in keepalived.conf (multi-line parameter definitions)",
                "k.conf:5:1: error: '~SEQ': unsupported keyword in keepalived.conf (sequence and list blocks)"),
                problems());
    }
}
