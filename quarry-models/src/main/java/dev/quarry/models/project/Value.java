package dev.quarry.models.project;

import static java.util.Objects.requireNonNull;

import dev.quarry.core.Location;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * A value written in a MODEL or AUDIT block. Every value keeps its exact source text ({@link #sql()}) and
 * where it was written, so SQL expressions can be passed on unchanged and errors can point at them.
 */
sealed interface Value {

    Location location();

    /** The value exactly as written. */
    String sql();

    /** An identifier, possibly dotted ({@code db.tbl}) or quoted ({@code "x"}, {@code `x`}). */
    record Ident(String name, boolean quoted, Location location, String sql) implements Value {
        public Ident {
            requireNonNull(name, "name is null");
        }
    }

    /** A single-quoted string, unescaped. */
    record Str(String value, Location location, String sql) implements Value {
        public Str {
            requireNonNull(value, "value is null");
        }
    }

    record Num(String digits, Location location, String sql) implements Value {
        public Num {
            requireNonNull(digits, "digits is null");
        }
    }

    record Bool(boolean value, Location location, String sql) implements Value {}

    /** {@code (a, b)}; also a parenthesized single value. */
    record Tuple(List<Value> items, Location location, String sql) implements Value {
        public Tuple {
            items = List.copyOf(items);
        }
    }

    /** {@code [a, b]}. */
    record Array(List<Value> items, Location location, String sql) implements Value {
        public Array {
            items = List.copyOf(items);
        }
    }

    /** {@code name(args)}: a function, a kind with options, RANGE(...), an audit with arguments. */
    record Call(String name, List<Value> args, Location location, String sql) implements Value {
        public Call {
            requireNonNull(name, "name is null");
            args = List.copyOf(args);
        }
    }

    /** {@code key = value}, {@code key := value} or {@code key value} inside a list. */
    record Pair(String key, Value value, Location location, String sql) implements Value {
        public Pair {
            requireNonNull(key, "key is null");
            requireNonNull(value, "value is null");
        }
    }

    /** Any other SQL expression ({@code a + 1}, {@code x > 0}, {@code @macro(...)}), kept as written. */
    record Raw(Location location, String sql) implements Value {}

    /**
     * The value read as plain text, the way SQLMesh reads property values: a string's content, an identifier's
     * name (so {@code 'x'} and {@code "x"} both mean x), a number or boolean as written. Empty for structures.
     */
    default Optional<String> text() {
        if (this instanceof Str s) {
            return Optional.of(s.value());
        }
        if (this instanceof Ident i) {
            return Optional.of(i.name());
        }
        if (this instanceof Num n) {
            return Optional.of(n.digits());
        }
        if (this instanceof Bool b) {
            return Optional.of(Boolean.toString(b.value()));
        }
        return Optional.empty();
    }

    /** The items of a tuple or array; any other value is a list of itself. */
    default List<Value> items() {
        if (this instanceof Tuple t) {
            return t.items();
        }
        if (this instanceof Array a) {
            return a.items();
        }
        return List.of(this);
    }

    /** A short description for messages: "a string", "a tuple", ... */
    default String describe() {
        if (this instanceof Ident) {
            return "an identifier";
        }
        if (this instanceof Str) {
            return "a string";
        }
        if (this instanceof Num) {
            return "a number";
        }
        if (this instanceof Bool) {
            return "a boolean";
        }
        if (this instanceof Tuple) {
            return "a tuple";
        }
        if (this instanceof Array) {
            return "an array";
        }
        if (this instanceof Call c) {
            return "a call of " + c.name().toUpperCase(Locale.ROOT);
        }
        if (this instanceof Pair) {
            return "a key/value pair";
        }
        return "an expression";
    }
}
