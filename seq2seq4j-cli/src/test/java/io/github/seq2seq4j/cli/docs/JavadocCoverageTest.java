package io.github.seq2seq4j.cli.docs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.source.tree.ClassTree;
import com.sun.source.tree.CompilationUnitTree;
import com.sun.source.tree.MethodTree;
import com.sun.source.tree.ModifiersTree;
import com.sun.source.tree.Tree;
import com.sun.source.util.DocTrees;
import com.sun.source.util.JavacTask;
import com.sun.source.util.TreePath;
import com.sun.source.util.TreePathScanner;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import javax.lang.model.element.Modifier;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.Test;

/**
 * Every public type in every module's {@code src/main} has a Javadoc comment, and so has every
 * public method and constructor of the user-facing API: the classes a program that loads,
 * translates, trains or scores touches ({@link #API}). The sources are parsed with the JDK's own
 * compiler (parse only, nothing is compiled), so a comment counts only if javadoc would see it.
 * The syntax of the comments is checked by the compiler itself ({@code -Xdoclint} in the parent
 * pom).
 */
class JavadocCoverageTest {
    /** The repository root, seen from the cli module's directory (where the tests run). */
    private static final Path ROOT = Path.of("..");

    /** The user-facing API: every public member documented. */
    static final Set<String> API = Set.of(
            "io.github.seq2seq4j.Seq2SeqModel",
            "io.github.seq2seq4j.Translation",
            "io.github.seq2seq4j.InputException",
            "io.github.seq2seq4j.train.Trainer",
            "io.github.seq2seq4j.train.TrainOptions",
            "io.github.seq2seq4j.train.TrainingListener",
            "io.github.seq2seq4j.train.StepReport",
            "io.github.seq2seq4j.train.ValidationReport",
            "io.github.seq2seq4j.train.Checkpoints",
            "io.github.seq2seq4j.train.DevSet",
            "io.github.seq2seq4j.data.Tokenizer",
            "io.github.seq2seq4j.data.Vocabulary",
            "io.github.seq2seq4j.data.TokenCounts",
            "io.github.seq2seq4j.data.Example",
            "io.github.seq2seq4j.data.ExampleSource",
            "io.github.seq2seq4j.data.Batcher",
            "io.github.seq2seq4j.data.BatchingOptions",
            "io.github.seq2seq4j.data.ParallelCorpus",
            "io.github.seq2seq4j.decode.DecodeOptions",
            "io.github.seq2seq4j.decode.SamplingOptions",
            "io.github.seq2seq4j.decode.LengthLimit",
            "io.github.seq2seq4j.eval.Metric",
            "io.github.seq2seq4j.eval.Bleu",
            "io.github.seq2seq4j.eval.ChrF",
            "io.github.seq2seq4j.eval.Accuracy",
            "io.github.seq2seq4j.model.ModelConfig",
            "io.github.seq2seq4j.io.ModelBundle",
            "io.github.seq2seq4j.server.TranslationServer",
            "io.github.seq2seq4j.server.ServerConfig",
            "io.github.seq2seq4j.server.ModelRegistry",
            "io.github.seq2seq4j.server.ModelSpec");

    @Test
    void everyPublicTypeAndEveryPublicMemberOfTheApiHasAJavadocComment() throws IOException {
        List<String> missing = new ArrayList<>();
        int[] types = {0};
        List<Path> sources = sources();
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        try (StandardJavaFileManager files = javac.getStandardFileManager(null, null, null)) {
            Iterable<? extends JavaFileObject> units = files.getJavaFileObjectsFromPaths(sources);
            JavacTask task = (JavacTask) javac.getTask(null, files, null, List.of("-proc:none"), null, units);
            DocTrees docs = DocTrees.instance(task);
            for (CompilationUnitTree unit : task.parse()) {
                String pkg = unit.getPackageName() == null ? "" : unit.getPackageName().toString();
                new TreePathScanner<Void, String>() {
                    @Override
                    public Void visitClass(ClassTree c, String outer) {
                        TreePath here = getCurrentPath(); // scan(TreePath, ...) below clears the scanner's own
                        String name = (outer == null ? pkg : outer) + "." + c.getSimpleName();
                        boolean visible = outer == null ? isPublic(c.getModifiers()) : isVisible(c.getModifiers(), here);
                        if (visible) {
                            types[0]++;
                            if (docs.getDocCommentTree(here) == null) {
                                missing.add("type " + name + " (" + file(unit) + ")");
                            }
                        }
                        if (!visible) {
                            return null; // members of a hidden type are not API
                        }
                        for (Tree member : c.getMembers()) {
                            TreePath path = new TreePath(here, member);
                            if (member instanceof ClassTree) {
                                scan(path, name);
                            } else if (member instanceof MethodTree m && API.contains(name) && isApiMember(m, c)
                                    && docs.getDocCommentTree(path) == null) {
                                missing.add("method " + name + "." + m.getName() + " (" + file(unit) + ")");
                            }
                        }
                        return null;
                    }
                }.scan(unit, null);
            }
        }
        assertTrue(types[0] > 200, "parsed the public types of every module: " + types[0]);
        assertEquals(List.of(), missing, missing.size() + " without a Javadoc comment");
    }

    /**
     * Public methods and constructors written in the source, except overrides: javadoc copies
     * their comment from the method they override.
     */
    private static boolean isApiMember(MethodTree m, ClassTree owner) {
        boolean iface = owner.getKind() == Tree.Kind.INTERFACE;
        Set<Modifier> mods = m.getModifiers().getFlags();
        boolean isPublic = mods.contains(Modifier.PUBLIC) || (iface && !mods.contains(Modifier.PRIVATE));
        boolean override = m.getModifiers().getAnnotations().stream()
                .anyMatch(a -> a.getAnnotationType().toString().equals("Override"));
        return isPublic && !override;
    }

    private static boolean isPublic(ModifiersTree m) {
        return m.getFlags().contains(Modifier.PUBLIC) || m.getFlags().contains(Modifier.PROTECTED);
    }

    /** A nested type is visible when public/protected, or implicitly public inside an interface. */
    private static boolean isVisible(ModifiersTree m, TreePath path) {
        Tree parent = path.getParentPath().getLeaf();
        boolean inInterface = parent instanceof ClassTree p && (p.getKind() == Tree.Kind.INTERFACE
                || p.getKind() == Tree.Kind.ANNOTATION_TYPE);
        return isPublic(m) || (inInterface && !m.getFlags().contains(Modifier.PRIVATE));
    }

    private static String file(CompilationUnitTree unit) {
        return ROOT.toAbsolutePath().normalize().relativize(Path.of(unit.getSourceFile().toUri()).normalize()).toString();
    }

    private static List<Path> sources() throws IOException {
        List<Path> out = new ArrayList<>();
        try (Stream<Path> modules = Files.list(ROOT)) {
            for (Path main : modules.map(m -> m.resolve("src/main/java")).filter(Files::isDirectory).sorted().toList()) {
                try (Stream<Path> s = Files.walk(main)) {
                    s.filter(p -> p.toString().endsWith(".java"))
                            .filter(p -> !p.getFileName().toString().equals("package-info.java"))
                            .forEach(out::add);
                }
            }
        }
        return out;
    }
}
