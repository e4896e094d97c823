package io.roundtable.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;

/**
 * The docs show real code: every Java snippet in docs/ is a passage of a source file that compiles and
 * is tested (lines marked {@code …} stand for omitted code), and every complete JSON example parses.
 */
class DocsTest {
    static final Path ROOT = Path.of("..").toAbsolutePath().normalize();

    /** JSON examples may explain their fields with {@code //} comments; everything else must be strict JSON. */
    private static final ObjectMapper COMMENTED_JSON = JsonMapper.builder()
            .enable(JsonReadFeature.ALLOW_JAVA_COMMENTS).build();

    static List<String> blocks(Path markdown, String language) throws IOException {
        List<String> blocks = new ArrayList<>();
        StringBuilder current = null;
        for (String line : Files.readAllLines(markdown)) {
            if (current == null && line.strip().equals("```" + language)) {
                current = new StringBuilder();
            } else if (current != null && line.strip().equals("```")) {
                blocks.add(current.toString());
                current = null;
            } else if (current != null) {
                current.append(line).append('\n');
            }
        }
        return blocks;
    }

    static List<Path> docs() throws IOException {
        List<Path> docs = new ArrayList<>();
        try (Stream<Path> files = Files.list(ROOT.resolve("docs"))) {
            files.filter(p -> p.toString().endsWith(".md")).sorted().forEach(docs::add);
        }
        docs.add(ROOT.resolve("README.md"));
        docs.add(ROOT.resolve("templates/game-archetype/src/main/resources/archetype-resources/README.md"));
        return docs;
    }

    /** All Java source of the repository, each file as trimmed non-blank lines. */
    static List<List<String>> sources() throws IOException {
        return List.copyOf(sourcesByFile().values());
    }

    static java.util.Map<Path, List<String>> sourcesByFile() throws IOException {
        java.util.Map<Path, List<String>> sources = new java.util.LinkedHashMap<>();
        try (Stream<Path> files = Files.walk(ROOT)) {
            files.filter(p -> p.toString().endsWith(".java") && !p.toString().contains("/target/")).sorted()
                    .forEach(p -> sources.put(p, lines(read(p))));
        }
        return sources;
    }

    private static String read(Path p) {
        try {
            return Files.readString(p);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static List<String> lines(String text) {
        return text.lines().map(String::strip).filter(l -> !l.isEmpty()).toList();
    }

    /** A snippet's parts between elisions, each found in order in one source file. */
    static boolean mirrored(String snippet, List<List<String>> sources) {
        List<List<String>> parts = parts(snippet);
        return sources.stream().anyMatch(source -> inOrder(parts, source));
    }

    private static List<List<String>> parts(String snippet) {
        List<List<String>> parts = new ArrayList<>();
        List<String> part = new ArrayList<>();
        for (String line : lines(snippet)) {
            if (line.equals("…") || line.equals("...") || line.equals("// …") || line.equals("// ...")) {
                parts.add(part);
                part = new ArrayList<>();
            } else {
                part.add(line);
            }
        }
        parts.add(part);
        return parts;
    }

    private static boolean inOrder(List<List<String>> parts, List<String> source) {
        int from = 0;
        for (List<String> part : parts) {
            if (part.isEmpty()) {
                continue;
            }
            int at = java.util.Collections.indexOfSubList(source.subList(from, source.size()), part);
            if (at < 0) {
                return false;
            }
            from += at + part.size();
        }
        return true;
    }

    @Test
    void every_java_snippet_in_the_docs_is_real_tested_code() throws IOException {
        List<List<String>> sources = sources();
        List<String> missing = new ArrayList<>();
        int checked = 0;
        for (Path doc : docs()) {
            for (String snippet : blocks(doc, "java")) {
                checked++;
                if (!mirrored(snippet, sources)) {
                    missing.add(ROOT.relativize(doc) + ":\n" + snippet);
                }
            }
        }
        assertThat(checked).isGreaterThan(20);
        assertThat(missing).as("snippets that match no source file").isEmpty();
    }

    @Test
    void every_complete_json_example_in_the_docs_parses() throws IOException {
        int checked = 0;
        for (Path doc : docs()) {
            for (String snippet : blocks(doc, "json")) {
                if (snippet.contains("…") || snippet.contains("...")) {
                    continue;
                }
                for (String document : snippet.strip().startsWith("{") && snippet.strip().lines().count() > 1
                        && snippet.strip().lines().allMatch(l -> l.startsWith("{") && l.endsWith("}"))
                                ? snippet.strip().lines().toList() : List.of(snippet)) {
                    COMMENTED_JSON.readTree(document.strip().startsWith("\"") ? "{" + document + "}" : document);
                    checked++;
                }
            }
        }
        assertThat(checked).isGreaterThan(2);
    }

    private static final java.util.regex.Pattern ROUNDTABLE_IMPORT =
            java.util.regex.Pattern.compile("import (io\\.roundtable\\.[\\w.]+)\\.(\\w+);");

    /**
     * Where a type lives must never have to be guessed: a snippet that names a Roundtable type its source
     * file imports carries that import line too (and since it mirrors the source, the line is true).
     */
    @Test
    void every_java_snippet_imports_the_roundtable_types_it_names() throws IOException {
        java.util.Map<Path, List<String>> sources = sourcesByFile();
        List<String> missing = new ArrayList<>();
        int withImports = 0;
        for (Path doc : docs()) {
            for (String snippet : blocks(doc, "java")) {
                List<List<String>> parts = parts(snippet);
                List<String> snippetLines = lines(snippet);
                String code = snippetLines.stream().filter(l -> !l.startsWith("import "))
                        .map(l -> l.replaceAll("\"[^\"]*\"", "")).collect(java.util.stream.Collectors.joining("\n"));
                // A short snippet may mirror several files: it passes when it carries the imports of one of them.
                List<List<String>> lacking = sources.values().stream().filter(s -> inOrder(parts, s))
                        .map(source -> source.stream().filter(line -> {
                            java.util.regex.Matcher m = ROUNDTABLE_IMPORT.matcher(line);
                            return m.matches() && java.util.regex.Pattern.compile("(?<![\\w.])" + m.group(2) + "\\b")
                                    .matcher(code).find() && !snippetLines.contains(line);
                        }).toList()).toList();
                if (!lacking.isEmpty() && lacking.stream().noneMatch(List::isEmpty)) {
                    missing.add(ROOT.relativize(doc) + ": " + lacking.get(0) + " for\n" + snippet);
                }
                withImports += snippetLines.stream().anyMatch(l -> l.startsWith("import io.roundtable.")) ? 1 : 0;
            }
        }
        assertThat(missing).as("snippets without the import of a Roundtable type they name").isEmpty();
        assertThat(withImports).isGreaterThan(40);
    }

    /** Every fully qualified Roundtable type the docs name (the table of where each type lives, say) exists. */
    @Test
    void every_roundtable_type_the_docs_name_exists() throws IOException {
        java.util.Set<String> types = new java.util.HashSet<>();
        for (Path file : sourcesByFile().keySet()) {
            String text = read(file);
            java.util.regex.Matcher pkg = java.util.regex.Pattern.compile("(?m)^package ([\\w.]+);").matcher(text);
            if (pkg.find()) {
                String top = pkg.group(1) + "." + file.getFileName().toString().replace(".java", "");
                types.add(top);
                java.util.regex.Matcher nested = java.util.regex.Pattern
                        .compile("(?m)^\\s+(?:public |static |sealed |final |non-sealed )*(?:record|enum|interface|class) (\\w+)")
                        .matcher(text);
                while (nested.find()) {
                    types.add(top + "." + nested.group(1));
                }
            }
        }
        List<String> unknown = new ArrayList<>();
        int named = 0;
        java.util.regex.Pattern fqn = java.util.regex.Pattern.compile("`(io\\.roundtable\\.[a-z][\\w.]*\\.[A-Z]\\w*(?:\\.[A-Z]\\w*)*)`");
        for (Path doc : docs()) {
            java.util.regex.Matcher m = fqn.matcher(Files.readString(doc));
            while (m.find()) {
                named++;
                if (!types.contains(m.group(1))) {
                    unknown.add(ROOT.relativize(doc) + ": " + m.group(1));
                }
            }
        }
        assertThat(unknown).as("types named in the docs that do not exist").isEmpty();
        assertThat(named).isGreaterThan(20);
    }
}
