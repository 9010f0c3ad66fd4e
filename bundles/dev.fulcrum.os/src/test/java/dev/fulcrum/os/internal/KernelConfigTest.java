package dev.fulcrum.os.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class KernelConfigTest {

    @TempDir
    Path temp;

    @Test
    void readsTheCompressedProcConfig() {
        new FakeTree(temp).gzip("proc/config.gz", "#\n# Automatically generated file; DO NOT EDIT.\n"
                + "CONFIG_NF_TABLES=y\n# CONFIG_IP_VS is not set\nCONFIG_LOCALVERSION=\"-fc\"\n");
        KernelConfig config = new KernelConfig(temp);
        KernelConfig.Option nftables = config.find("CONFIG_NF_TABLES").orElseThrow();
        assertTrue(nftables.builtIn());
        assertEquals(temp.resolve("proc/config.gz"), nftables.source());
        assertEquals("n", config.find("CONFIG_IP_VS").orElseThrow().value());
        assertEquals("n", config.find("CONFIG_ABSENT").orElseThrow().value());
        assertEquals("-fc", config.find("CONFIG_LOCALVERSION").orElseThrow().value());
    }

    @Test
    void fallsBackToTheDistributionsBootConfig() {
        new FakeTree(temp).release().file("boot/config-" + FakeTree.RELEASE, "CONFIG_IP_VS=m\n");
        KernelConfig.Option ipvs = new KernelConfig(temp).find("CONFIG_IP_VS").orElseThrow();
        assertEquals("m", ipvs.value());
        assertFalse(ipvs.builtIn());
    }

    @Test
    void aPrefixIsNotTheOption() {
        new FakeTree(temp).gzip("proc/config.gz", "CONFIG_NF_TABLES_INET=y\n");
        assertEquals("n", new KernelConfig(temp).find("CONFIG_NF_TABLES").orElseThrow().value());
    }

    @Test
    void corruptOrMissingConfigurationIsEmpty() {
        assertTrue(new KernelConfig(temp).find("CONFIG_NF_TABLES").isEmpty());
        new FakeTree(temp).file("proc/config.gz", "not gzip");
        assertTrue(new KernelConfig(temp).find("CONFIG_NF_TABLES").isEmpty());
    }
}
