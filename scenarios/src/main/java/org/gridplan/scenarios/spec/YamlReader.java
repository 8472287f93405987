package org.gridplan.scenarios.spec;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.gridplan.scenarios.spec.YamlNode.Entry;
import org.gridplan.scenarios.spec.YamlNode.ListNode;
import org.gridplan.scenarios.spec.YamlNode.MapNode;
import org.gridplan.scenarios.spec.YamlNode.Scalar;

/**
 * Reads YAML text into {@link YamlNode}s with line numbers, by walking Jackson's YAML token
 * stream (a {@code JsonNode} tree forgets where its values were). Duplicate keys are reported
 * rather than silently overwritten.
 */
final class YamlReader {

    private static final YAMLFactory FACTORY = new YAMLFactory();

    private final Problems problems;

    YamlReader(Problems problems) {
        this.problems = problems;
    }

    /** The document's root; null after a syntax error (reported). */
    YamlNode read(byte[] text) {
        try (JsonParser p = FACTORY.createParser(text)) {
            JsonToken t = p.nextToken();
            if (t == null) {
                problems.add(1, "", "the file is empty");
                return null;
            }
            YamlNode root = value(p, "");
            if (p.nextToken() != null) {
                problems.add(line(p), "", "more than one YAML document; a scenario file holds one");
            }
            return root;
        } catch (JsonProcessingException e) {
            int line = e.getLocation() == null ? 1 : e.getLocation().getLineNr();
            problems.add(line, "", "YAML syntax error: " + e.getOriginalMessage().lines().findFirst().orElse(""));
            return null;
        } catch (IOException e) {
            problems.add(1, "", "cannot read: " + e.getMessage());
            return null;
        }
    }

    private YamlNode value(JsonParser p, String path) throws IOException {
        int line = line(p);
        JsonToken t = p.currentToken();
        switch (t) {
            case START_OBJECT: {
                Map<String, Entry> entries = new LinkedHashMap<>();
                while (p.nextToken() == JsonToken.FIELD_NAME) {
                    String key = p.currentName();
                    int keyLine = line(p);
                    p.nextToken();
                    String childPath = Problems.child(path, key);
                    YamlNode v = value(p, childPath);
                    if (entries.containsKey(key)) {
                        problems.add(keyLine, childPath, "duplicate key (also on line "
                                + entries.get(key).keyLine() + ")");
                    } else {
                        entries.put(key, new Entry(key, keyLine, v));
                    }
                }
                return new MapNode(line, entries);
            }
            case START_ARRAY: {
                List<YamlNode> items = new ArrayList<>();
                while (p.nextToken() != JsonToken.END_ARRAY) {
                    items.add(value(p, path + "[" + items.size() + "]"));
                }
                return new ListNode(line, items);
            }
            case VALUE_NUMBER_INT:
                return new Scalar(line, Scalar.Kind.INTEGER, p.getText());
            case VALUE_NUMBER_FLOAT:
                return new Scalar(line, Scalar.Kind.FLOAT, p.getText());
            case VALUE_TRUE:
            case VALUE_FALSE:
                return new Scalar(line, Scalar.Kind.BOOLEAN, p.getText());
            case VALUE_NULL:
                return new Scalar(line, Scalar.Kind.NULL, "");
            default:
                return new Scalar(line, Scalar.Kind.STRING, p.getText());
        }
    }

    private static int line(JsonParser p) {
        return p.currentTokenLocation().getLineNr();
    }
}
