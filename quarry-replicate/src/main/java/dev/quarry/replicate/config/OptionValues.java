package dev.quarry.replicate.config;

import static java.util.Objects.requireNonNull;

import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/** The options a stream set explicitly (after {@code defaults} merging), read with their declared defaults. */
public final class OptionValues<K extends Enum<K> & Option> {
    private final Class<K> type;
    private final Map<K, Object> values;

    OptionValues(Class<K> type, Map<K, Object> values) {
        this.type = requireNonNull(type, "type is null");
        EnumMap<K, Object> copy = new EnumMap<>(type);
        copy.putAll(values);
        this.values = Collections.unmodifiableMap(copy);
    }

    public static <K extends Enum<K> & Option> OptionValues<K> empty(Class<K> type) {
        return new OptionValues<>(type, Map.of());
    }

    public boolean isSet(K key) {
        return values.containsKey(key);
    }

    /** The set value, else the declared default (may be null). */
    public Object get(K key) {
        Object v = values.get(key);
        return v != null ? v : key.defaultValue();
    }

    public String string(K key) {
        return (String) get(key);
    }

    public boolean bool(K key) {
        return Boolean.TRUE.equals(get(key));
    }

    public Long integer(K key) {
        return (Long) get(key);
    }

    @SuppressWarnings("unchecked")
    public List<String> names(K key) {
        List<String> v = (List<String>) get(key);
        return v == null ? List.of() : v;
    }

    @SuppressWarnings("unchecked")
    public <V> Map<String, V> map(K key) {
        Map<String, V> v = (Map<String, V>) get(key);
        return v == null ? Map.of() : v;
    }

    Map<K, Object> explicit() {
        return values;
    }

    /** Field-by-field merge: a key this set leaves unset comes from {@code defaults} (docs/sling.md §1.3). */
    OptionValues<K> over(OptionValues<K> defaults) {
        EnumMap<K, Object> merged = new EnumMap<>(type);
        merged.putAll(defaults.values);
        merged.putAll(values);
        return new OptionValues<>(type, merged);
    }

    public OptionValues<K> with(K key, Object value) {
        EnumMap<K, Object> copy = new EnumMap<>(type);
        copy.putAll(values);
        copy.put(key, value);
        return new OptionValues<>(type, copy);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof OptionValues && ((OptionValues<?>) o).values.equals(values);
    }

    @Override
    public int hashCode() {
        return values.hashCode();
    }

    @Override
    public String toString() {
        return values.toString();
    }
}
