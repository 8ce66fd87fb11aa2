package org.herald.bench.spec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class SpecLoaderTest {

    @Test
    void emptySpecGetsDefaults() throws Exception {
        BenchSpec s = SpecLoader.parse("", List.of());
        assertEquals(5060, s.target().port());
        assertEquals(BenchSpec.Transport.UDP, s.target().transport());
        assertEquals(100, s.population().presentities());
        assertEquals(2, s.population().watchersPerPresentity());
        assertEquals(BenchSpec.Mode.FIXED, s.load().mode());
        assertEquals(2000, s.success().notifyTimeoutMs());
        assertTrue(s.success().acceptCoalesced());
    }

    @Test
    void yamlWithKebabKeysAndOverrides() throws Exception {
        String yaml = """
                target: {host: 127.0.0.1, port: 5080, transport: tcp, domain: example.com, label: kamailio}
                population: {presentities: 1000, watchers-per-presentity: 20, presentity-pattern: "p{n}"}
                load: {mode: search, rates: [500, 1000, 2000], warmup: 10, duration: 30}
                body: {size: 1000}
                success: {notify-timeout-ms: 5000, accept-coalesced: false}
                """;
        BenchSpec s = SpecLoader.parse(yaml, List.of("load.rates=100,200", "target.pid=42", "output.progress=false"));
        assertEquals(BenchSpec.Transport.TCP, s.target().transport());
        assertEquals("p7", s.population().presentityUser(7));
        assertEquals(20_000, s.population().watchers());
        assertEquals(BenchSpec.Mode.SEARCH, s.load().mode());
        assertEquals(List.of(100.0, 200.0), s.load().rates());
        assertEquals(42L, s.target().pid());
        assertEquals(5000, s.success().notifyTimeoutMs());
        assertEquals(false, s.success().acceptCoalesced());
        assertEquals(false, s.output().progress());
        assertEquals(List.of(300.0), SpecLoader.parse("", List.of("load.rates=300")).load().rates());
    }

    @Test
    void aRampExpandsIntoRates() throws Exception {
        BenchSpec s = SpecLoader.parse("load: {mode: search, ramp: {from: 1000, to: 2500, step: 500}}", List.of());
        assertEquals(List.of(1000.0, 1500.0, 2000.0, 2500.0), s.load().rates());
        assertEquals(s, SpecLoader.parse(SpecLoader.toYaml(s), List.of()));
        assertThrows(Exception.class, () -> SpecLoader.parse("load: {rates: [1], ramp: {from: 1, to: 2, step: 1}}", List.of()));
        assertThrows(Exception.class, () -> SpecLoader.parse("load: {ramp: {from: 1, to: 1000000, step: 1}}", List.of()));
    }

    @Test
    void typosAndNonsenseAreRefused() {
        assertThrows(Exception.class, () -> SpecLoader.parse("load: {rate: 5}", List.of()));
        assertThrows(IllegalArgumentException.class, () -> SpecLoader.parse("", List.of("load.rates=-5")));
        assertThrows(IllegalArgumentException.class, () -> SpecLoader.parse("", List.of("population.presentity-pattern=fixed")));
        assertThrows(IllegalArgumentException.class, () -> SpecLoader.parse("", List.of("body.size=10")));
        assertThrows(IllegalArgumentException.class, () -> SpecLoader.parse("", List.of("novalue")));
    }

    @Test
    void effectiveSpecRoundTrips() throws Exception {
        BenchSpec s = SpecLoader.parse("target: {port: 7000}", List.of());
        assertEquals(s, SpecLoader.parse(SpecLoader.toYaml(s), List.of()));
    }
}
