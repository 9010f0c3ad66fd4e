package dev.fulcrum.config.keepalived;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import org.junit.jupiter.api.Test;

class KeepalivedGrammarTest {

    @Test
    void theSeedsTyposSuggestTheKeywordMeant() {
        assertEquals(Optional.of("vrrp_instance"), KeepalivedGrammar.suggest("vrp_instance", KeepalivedGrammar.TOP_LEVEL_KEYWORDS));
        assertEquals(Optional.of("vrrp_sync_group"), KeepalivedGrammar.suggest("vrp_sync_group", KeepalivedGrammar.TOP_LEVEL_KEYWORDS));
        assertEquals(Optional.of("vrrp_script"), KeepalivedGrammar.suggest("vrp_script", KeepalivedGrammar.TOP_LEVEL_KEYWORDS));
        assertEquals(Optional.of("virtual_server"), KeepalivedGrammar.suggest("virtual_sevrer", KeepalivedGrammar.TOP_LEVEL_KEYWORDS));
        assertEquals(Optional.of("SSL"), KeepalivedGrammar.suggest("ssl", KeepalivedGrammar.TOP_LEVEL_KEYWORDS));
    }

    @Test
    void farAwayWordsGetNoSuggestion() {
        assertEquals(Optional.empty(), KeepalivedGrammar.suggest("frobnicate", KeepalivedGrammar.TOP_LEVEL_KEYWORDS));
        assertEquals(Optional.empty(), KeepalivedGrammar.suggest("virtual_ipaddress", KeepalivedGrammar.TOP_LEVEL_KEYWORDS));
        assertEquals(Optional.empty(), KeepalivedGrammar.suggest("x".repeat(100_000), KeepalivedGrammar.TOP_LEVEL_KEYWORDS));
    }

    @Test
    void distanceCountsTranspositionsAsOneEdit() {
        assertEquals(1, KeepalivedGrammar.distance("vrrp_isntance", "vrrp_instance"));
        assertEquals(1, KeepalivedGrammar.distance("vrp_instance", "vrrp_instance"));
        assertEquals(0, KeepalivedGrammar.distance("", ""));
        assertEquals(3, KeepalivedGrammar.distance("abc", ""));
    }

    @Test
    void blockOpenersDependOnTheirContext() {
        assertTrue(KeepalivedGrammar.opensBlock(null, "virtual_server"));
        assertTrue(KeepalivedGrammar.opensBlock("virtual_server", "real_server"));
        assertTrue(KeepalivedGrammar.opensBlock("real_server", "TCP_CHECK"));
        assertTrue(KeepalivedGrammar.opensBlock("HTTP_GET", "url"));
        assertTrue(KeepalivedGrammar.opensBlock("vrrp_sync_group", "group"));
        assertTrue(KeepalivedGrammar.opensBlock("vrrp_instance", "track_file"));
        assertTrue(KeepalivedGrammar.opensBlock(null, "track_file"));
        assertFalse(KeepalivedGrammar.opensBlock(null, "real_server"));
        assertFalse(KeepalivedGrammar.opensBlock("vrrp_instance", "group"));
        assertFalse(KeepalivedGrammar.opensBlock("vrrp_instance", "priority"));
        assertFalse(KeepalivedGrammar.opensBlock("unknown", "url"));
    }
}
