package org.gridplan.scenarios.spec;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A node of a parsed YAML document that remembers the line it starts on, so every error can
 * point at it. Line {@value #COMMAND_LINE} marks a value given on the command line.
 */
sealed interface YamlNode {

    /** The line of a value that came from a command-line override rather than the file. */
    int COMMAND_LINE = -1;

    /** 1-based line in the file, or {@link #COMMAND_LINE}. */
    int line();

    /** A short description of the node's kind for type errors ("a list", "text 'abc'"). */
    String describe();

    /** A mapping; entries in file order. */
    record MapNode(int line, Map<String, Entry> entries) implements YamlNode {
        public MapNode {
            entries = new LinkedHashMap<>(entries);
        }

        @Override
        public String describe() {
            return "a mapping";
        }

        /** A deep copy, so a sweep point can change its own tree. */
        MapNode copy() {
            Map<String, Entry> out = new LinkedHashMap<>();
            entries.forEach((k, e) -> out.put(k, new Entry(k, e.keyLine(), deepCopy(e.value()))));
            return new MapNode(line, out);
        }
    }

    /** One key of a mapping with the line the key is on. */
    record Entry(String key, int keyLine, YamlNode value) {
    }

    /** A sequence. */
    record ListNode(int line, List<YamlNode> items) implements YamlNode {
        @Override
        public String describe() {
            return "a list";
        }
    }

    /**
     * A scalar as YAML typed it.
     *
     * @param kind what the YAML parser made of it
     * @param text its text ("" for null)
     */
    record Scalar(int line, Kind kind, String text) implements YamlNode {

        /** The scalar types of YAML's core schema. */
        enum Kind { INTEGER, FLOAT, BOOLEAN, STRING, NULL }

        @Override
        public String describe() {
            return switch (kind) {
                case INTEGER -> "the whole number " + text;
                case FLOAT -> "the number " + text;
                case BOOLEAN -> text;
                case STRING -> "text '" + text + "'";
                case NULL -> "nothing (null)";
            };
        }
    }

    /** A deep copy of {@code node} (scalars are immutable and shared). */
    static YamlNode deepCopy(YamlNode node) {
        if (node instanceof MapNode m) {
            return m.copy();
        }
        if (node instanceof ListNode l) {
            return new ListNode(l.line(), new java.util.ArrayList<>(l.items().stream().map(YamlNode::deepCopy)
                    .toList()));
        }
        return node;
    }
}
