package dev.booking.helm;

import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Test fixture: the Kubernetes objects of one `helm template` output, as plain YAML trees. */
record Manifests(List<Map<String, Object>> objects) {

    @SuppressWarnings("unchecked")
    static Manifests parse(String renderedYaml) {
        var yaml = new Yaml(new SafeConstructor(new LoaderOptions()));
        var objects = new ArrayList<Map<String, Object>>();
        for (Object document : yaml.loadAll(renderedYaml)) {
            if (document != null) {
                objects.add((Map<String, Object>) document);
            }
        }
        return new Manifests(List.copyOf(objects));
    }

    List<String> kinds() {
        return objects.stream().map(o -> (String) o.get("kind")).toList();
    }

    Optional<Node> find(String kind) {
        var matches = objects.stream().filter(o -> kind.equals(o.get("kind"))).toList();
        if (matches.size() > 1) {
            throw new AssertionError("expected at most one " + kind + " but found " + matches.size());
        }
        return matches.stream().findFirst().map(Node::new);
    }

    Node one(String kind) {
        return find(kind).orElseThrow(() -> new AssertionError("no " + kind + " in " + kinds()));
    }

    Node statefulSet() {
        return one("StatefulSet");
    }

    Node podSpec() {
        return statefulSet().at("spec", "template", "spec");
    }

    Node container() {
        return podSpec().list("containers").get(0);
    }

    /** The node container's environment, by name (values only; none of ours come from refs). */
    Map<String, String> env() {
        var env = new LinkedHashMap<String, String>();
        for (Node variable : container().list("env")) {
            env.put(variable.string("name"), variable.string("value"));
        }
        return env;
    }

    /** A step into a YAML tree, so tests read as paths instead of casts. */
    record Node(Object value) {

        @SuppressWarnings("unchecked")
        Node at(Object... path) {
            Object current = value;
            for (Object step : path) {
                if (step instanceof Integer index) {
                    current = ((List<Object>) current).get(index);
                } else {
                    if (!(current instanceof Map<?, ?> map) || !map.containsKey(step)) {
                        throw new AssertionError("no '" + step + "' in " + current);
                    }
                    current = map.get(step);
                }
            }
            return new Node(current);
        }

        boolean has(String key) {
            return value instanceof Map<?, ?> map && map.containsKey(key);
        }

        String string(Object... path) {
            return String.valueOf(at(path).value);
        }

        int integer(Object... path) {
            return ((Number) at(path).value).intValue();
        }

        @SuppressWarnings("unchecked")
        List<Node> list(Object... path) {
            return ((List<Object>) at(path).value).stream().map(Node::new).toList();
        }

        @SuppressWarnings("unchecked")
        Map<String, Object> map(Object... path) {
            return (Map<String, Object>) at(path).value;
        }
    }
}
