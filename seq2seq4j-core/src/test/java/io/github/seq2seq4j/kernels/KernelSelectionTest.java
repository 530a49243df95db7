package io.github.seq2seq4j.kernels;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Start-up selection, checked in fresh JVMs: the core must load and compute without the incubator
 * module, the property must force the plain-Java kernels, and a wrong value must be reported.
 */
class KernelSelectionTest {

    private record Outcome(int exitCode, String output) {}

    private static Outcome probe(String... jvmArgs) throws IOException, InterruptedException, URISyntaxException {
        String classpath = location(Gemm.class) + File.pathSeparator + location(SelectionProbe.class);
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(List.of(jvmArgs));
        command.addAll(List.of("-cp", classpath, SelectionProbe.class.getName()));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        return new Outcome(process.waitFor(), output);
    }

    private static String location(Class<?> type) throws URISyntaxException {
        return Path.of(type.getProtectionDomain().getCodeSource().getLocation().toURI()).toString();
    }

    @Test
    void runsWithoutTheIncubatorModule() throws Exception {
        Outcome out = probe();
        assertEquals(0, out.exitCode(), out.output());
        assertTrue(out.output().contains("vectorModule=false"), out.output());
        assertTrue(out.output().contains("gemm=java-blocked"), out.output());
        assertTrue(out.output().contains("blas1=scalar"), out.output());
        assertTrue(out.output().contains("results=ok"), out.output());
    }

    @Test
    void picksVectorKernelsWhenTheModuleIsAdded() throws Exception {
        Outcome out = probe("--add-modules", "jdk.incubator.vector");
        assertEquals(0, out.exitCode(), out.output());
        assertTrue(out.output().contains("gemm=vector-"), out.output());
        assertTrue(out.output().contains("blas1=vector"), out.output());
        assertTrue(out.output().contains("results=ok"), out.output());
    }

    @Test
    void propertyForcesPlainJava() throws Exception {
        Outcome out = probe("--add-modules", "jdk.incubator.vector", "-Dseq2seq4j.kernels=scalar");
        assertEquals(0, out.exitCode(), out.output());
        assertTrue(out.output().contains("vectorModule=true"), out.output());
        assertTrue(out.output().contains("gemm=java-blocked"), out.output());
        assertTrue(out.output().contains("blas1=scalar"), out.output());
        assertTrue(out.output().contains("results=ok"), out.output());
    }

    @Test
    void unknownOrUnavailableChoiceIsReported() throws Exception {
        Outcome wrong = probe("-Dseq2seq4j.kernels=fast");
        assertNotEquals(0, wrong.exitCode());
        assertTrue(wrong.output().contains("expected vector, scalar or reference"), wrong.output());
        Outcome missing = probe("-Dseq2seq4j.kernels=vector");
        assertNotEquals(0, missing.exitCode());
        assertTrue(missing.output().contains("--add-modules jdk.incubator.vector"), missing.output());
    }
}
