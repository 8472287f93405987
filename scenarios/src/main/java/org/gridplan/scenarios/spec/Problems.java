package org.gridplan.scenarios.spec;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The errors found in one scenario file, each formatted {@code file:line path: problem}, in the
 * order found, without repeats (a bad value shared by several sweep points is reported once).
 */
final class Problems {

    private final String fileName;
    private final Set<String> messages = new LinkedHashSet<>();

    Problems(String fileName) {
        this.fileName = fileName;
    }

    /** Adds a problem at {@code line} ({@link YamlNode#COMMAND_LINE} for an override) about {@code path}. */
    void add(int line, String path, String problem) {
        messages.add(at(line, path) + ": " + problem);
    }

    /** Where a problem at {@code line} about {@code path} is: {@code file:line path}. */
    String at(int line, String path) {
        String where = line == YamlNode.COMMAND_LINE ? fileName + " (command-line override)" : fileName + ":" + line;
        return where + (path.isEmpty() ? "" : " " + path);
    }

    boolean isEmpty() {
        return messages.isEmpty();
    }

    List<String> messages() {
        return new ArrayList<>(messages);
    }

    /** The path of key {@code key} under {@code parent}; keys with dots are quoted. */
    static String child(String parent, String key) {
        String k = key.contains(".") || key.contains(" ") ? "\"" + key + "\"" : key;
        return parent.isEmpty() ? k : parent + "." + k;
    }
}
