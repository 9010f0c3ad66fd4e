package dev.fulcrum.config.emit;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.fulcrum.api.model.global.GlobalSettings;
import dev.fulcrum.api.model.vrrp.VrrpConfig;
import dev.fulcrum.config.keepalived.model.KeepalivedConfig;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** parse(emit(m)) == m for generated keepalived models (see {@link VrrpArbitraries} and
 * {@link LvsArbitraries} for what is generated). */
class KeepalivedRoundTripPropertyTest {

    @Property(tries = 300)
    void readOfEmitGivesTheModel(@ForAll("vrrp") KeepalivedConfig model) {
        String emitted = KeepalivedEmitter.emit(model);
        assertEquals(model, KeepalivedCorpusRoundTripTest.read(emitted), emitted);
    }

    @Property(tries = 100)
    void emitIsIdempotent(@ForAll("vrrp") KeepalivedConfig model) {
        String emitted = KeepalivedEmitter.emit(model);
        assertEquals(emitted, KeepalivedEmitter.emit(KeepalivedCorpusRoundTripTest.read(emitted)));
    }

    @Property(tries = 200)
    void readOfEmitGivesTheLvsModel(@ForAll("lvs") KeepalivedConfig model) {
        String emitted = KeepalivedEmitter.emit(model);
        assertEquals(model, KeepalivedCorpusRoundTripTest.read(emitted), emitted);
    }

    @Provide
    Arbitrary<KeepalivedConfig> lvs() {
        return LvsArbitraries.configs().map(l -> new KeepalivedConfig(GlobalSettings.DEFAULTS, VrrpConfig.EMPTY, l));
    }

    @Provide
    Arbitrary<KeepalivedConfig> vrrp() {
        return VrrpArbitraries.configs();
    }
}
