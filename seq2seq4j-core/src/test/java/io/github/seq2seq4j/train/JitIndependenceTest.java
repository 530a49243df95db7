package io.github.seq2seq4j.train;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A training step's bits do not depend on what the JIT has compiled: a child JVM limited to C1
 * (which does not intrinsify the Vector API, so every vector operation runs the API's own Java
 * code, as before C2 has compiled a method) and this JVM, after enough steps for C2 to compile the
 * kernels, give the same loss and gradients. JDK 25's C2 once summed vector lanes in another order
 * than that Java code, which made training irreproducible.
 */
class JitIndependenceTest {

    @Test
    void aStepGivesTheSameBitsWithAndWithoutC2() throws Exception {
        List<String> compiled = null;
        for (int i = 0; i < 300; i++) { // the kernels run often enough for C2 (tier 4) to compile them
            compiled = StepBitsProbe.bits();
        }
        List<String> withoutC2 = withoutC2InAChildJvm();
        assertEquals(String.join("\n", withoutC2), String.join("\n", compiled));
    }

    private static List<String> withoutC2InAChildJvm() throws Exception {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        if (ModuleLayer.boot().findModule("jdk.incubator.vector").isPresent()) {
            command.addAll(List.of("--add-modules", "jdk.incubator.vector"));
        }
        command.addAll(List.of("-XX:TieredStopAtLevel=1", "-cp", System.getProperty("java.class.path"), StepBitsProbe.class.getName()));
        Process p = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.DISCARD).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(0, p.waitFor(), "the probe without C2 failed: " + out);
        return out.lines().toList();
    }
}
