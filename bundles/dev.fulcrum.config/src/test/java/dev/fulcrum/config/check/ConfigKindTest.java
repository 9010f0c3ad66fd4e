package dev.fulcrum.config.check;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Optional;
import org.junit.jupiter.api.Test;

class ConfigKindTest {

    @Test
    void keepalivedByFirstKeywordAfterCommentsAndDefinitions() {
        assertEquals(Optional.of(ConfigKind.KEEPALIVED), ConfigKind.detect("! Configuration File\n# c\n\nglobal_defs {\n}\n"));
        assertEquals(Optional.of(ConfigKind.KEEPALIVED), ConfigKind.detect("$IF=eth0\nvrrp_instance VI_1 {\n}\n"));
        assertEquals(Optional.of(ConfigKind.KEEPALIVED), ConfigKind.detect("virtual_server 10.0.0.1 80 {\n}"));
        assertEquals(Optional.of(ConfigKind.KEEPALIVED), ConfigKind.detect("@lb1 vrrp_script chk {\n}"));
        assertEquals(Optional.of(ConfigKind.KEEPALIVED), ConfigKind.detect("global_defs{\n}"));
    }

    @Test
    void haproxyByFirstSection() {
        assertEquals(Optional.of(ConfigKind.HAPROXY), ConfigKind.detect("# haproxy\n  global\n    daemon\n"));
        assertEquals(Optional.of(ConfigKind.HAPROXY), ConfigKind.detect("frontend web *:80\n"));
        assertEquals(Optional.of(ConfigKind.HAPROXY), ConfigKind.detect(".if defined(X)\n.endif\nbackend b\n"));
    }

    @Test
    void undecidableIsEmpty() {
        assertEquals(Optional.empty(), ConfigKind.detect(""));
        assertEquals(Optional.empty(), ConfigKind.detect("# only a comment\n"));
        assertEquals(Optional.empty(), ConfigKind.detect("[section]\nkey=value\n"));
        // a misspelt first keyword is not guessed at: the user says which it is
        assertEquals(Optional.empty(), ConfigKind.detect("global_def {\n}\n"));
    }
}
