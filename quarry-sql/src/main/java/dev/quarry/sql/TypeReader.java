package dev.quarry.sql;

import dev.quarry.sql.ast.DataType;
import java.util.ArrayList;
import java.util.List;

/** StarRocks' types (docs/sql.md §2): the words of {@link Types} with their parameters and element types. */
final class TypeReader {
    private TypeReader() {}

    static DataType type(ParserBase p) {
        Token t = p.peek();
        String w = t.kind() == Token.Kind.WORD ? t.upper() : "";
        if (Types.PLAIN.contains(w)) {
            p.next();
            return DataType.of(w.equals("BOOL") ? "BOOLEAN" : w, List.of());
        }
        if (Types.SIZED.contains(w)) {
            p.next();
            List<Integer> params = new ArrayList<>();
            if (p.acceptSymbol("(")) {
                params.add((int) p.integer());
                p.expectSymbol(")");
            }
            return DataType.of(w.equals("INTEGER") ? "INT" : w, params);
        }
        if (Types.DECIMAL.contains(w)) {
            p.next();
            List<Integer> params = new ArrayList<>();
            if (p.acceptSymbol("(")) {
                params.add((int) p.integer());
                if (p.acceptSymbol(",")) {
                    params.add((int) p.integer());
                }
                p.expectSymbol(")");
            }
            return DataType.of(w, params);
        }
        if (w.equals("SIGNED") || w.equals("UNSIGNED")) {
            p.next();
            if (!p.accept("INT")) {
                p.accept("INTEGER");
            }
            return DataType.of(w.equals("SIGNED") ? "BIGINT" : "LARGEINT", List.of());
        }
        if (w.equals("ARRAY")) {
            p.next();
            p.expectSymbol("<");
            DataType element = type(p);
            p.expectCloseAngle();
            return new DataType("ARRAY", List.of(), List.of(element), List.of());
        }
        if (w.equals("MAP")) {
            p.next();
            p.expectSymbol("<");
            DataType key = type(p);
            p.expectSymbol(",");
            DataType value = type(p);
            p.expectCloseAngle();
            return new DataType("MAP", List.of(), List.of(key, value), List.of());
        }
        if (w.equals("STRUCT")) {
            p.next();
            p.expectSymbol("<");
            List<String> names = new ArrayList<>();
            List<DataType> types = new ArrayList<>();
            do {
                names.add(p.identifier());
                types.add(type(p));
            } while (p.acceptSymbol(","));
            p.expectCloseAngle();
            return new DataType("STRUCT", List.of(), types, names);
        }
        throw p.unexpected("a type");
    }
}
