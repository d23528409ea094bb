package dev.quarry.models.render;

import dev.quarry.core.Location;
import dev.quarry.core.Names;
import dev.quarry.models.project.Lexer;
import dev.quarry.models.project.Model;
import dev.quarry.models.project.ModelException;
import dev.quarry.models.project.Project;
import dev.quarry.models.project.References;
import dev.quarry.models.project.Statement;
import dev.quarry.models.project.Token;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoField;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Expands SQLMesh macros in model SQL: the date variables (docs/sqlmesh.md §4.1), {@code @this_model},
 * {@code @VAR('x')} and {@code @x}, {@code @{x}} (unquoted), {@code @IF}, {@code @EACH}, {@code @DEF},
 * {@code @AND}/{@code @OR}. Text between macros is copied unchanged, comments included.
 *
 * <p>All times are UTC whatever the JVM's zone. Intervals are half-open {@code [start, end)}; the {@code end}
 * variables show the inclusive end {@code end - 1 µs}, so a day renders as {@code 2024-01-01 00:00:00} to
 * {@code 2024-01-01 23:59:59.999999}.
 */
public final class Renderer {
    private static final DateTimeFormatter DS = DateTimeFormatter.ofPattern("yyyy-MM-dd", Locale.ROOT);
    private static final DateTimeFormatter TS = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss", Locale.ROOT);

    private final Map<String, String> builtins;
    private final Map<String, Object> variables;
    private final Map<String, String> locals = new HashMap<>();
    private final String file;
    private final MacroContext.Functions functions;

    private Renderer(MacroContext ctx, String kindName, String file) {
        this.functions = ctx.functions();
        this.builtins = dateVariables(ctx);
        builtins.put("this_model", ctx.thisModel());
        builtins.put("model_kind_name", "'" + kindName + "'");
        builtins.put("gateway", literal(ctx.gateway()));
        builtins.put("runtime_stage", "'evaluating'");
        this.variables = new HashMap<>();
        ctx.variables().forEach((k, v) -> variables.put(k.toLowerCase(Locale.ROOT), v));
        this.file = file;
    }

    /**
     * A rendered model: pre-statements ({@code @DEF} statements removed), the query, post-statements.
     *
     * @param preStatements rendered pre-statements
     * @param query rendered query; empty for SEED and EXTERNAL
     * @param postStatements rendered post-statements
     */
    public record Rendered(List<String> preStatements, Optional<String> query, List<String> postStatements) {
        public Rendered {
            preStatements = List.copyOf(preStatements);
            postStatements = List.copyOf(postStatements);
            java.util.Objects.requireNonNull(query, "query is null");
        }
    }

    /** Renders a model's statements for one interval. */
    public static Rendered render(Model model, MacroContext ctx) {
        Renderer r =
                new Renderer(ctx, model.kind().kind().name(), model.location().file());
        List<String> pre = new ArrayList<>();
        for (Statement s : model.preStatements()) {
            if (!r.define(s)) {
                pre.add(r.render(s.sql(), s.location()));
            }
        }
        Optional<String> query = model.query().map(q -> r.render(q.sql(), q.location()));
        List<String> post = new ArrayList<>();
        for (Statement s : model.postStatements()) {
            post.add(r.render(s.sql(), s.location()));
        }
        return new Rendered(pre, query, post);
    }

    /** Renders the query of {@code model} for {@code [start, end)}, with the project's variables and default gateway. */
    public static String renderQuery(Project project, Model model, Instant start, Instant end) {
        Map<String, Object> vars = new LinkedHashMap<>(project.config().variables());
        String gateway = project.config().defaultGateway().orElse("");
        project.config()
                .defaultGateway()
                .map(g -> project.config().gateways().get(g))
                .ifPresent(g -> vars.putAll(g.variables()));
        MacroContext ctx = new MacroContext(
                start, end, end, model.name(), vars, gateway, PythonMacros.of(project, vars, start, end, end));
        return render(model, ctx)
                .query()
                .orElseThrow(() -> new IllegalArgumentException(model.name() + " has no query"));
    }

    /** The statement stripped of surrounding space and any trailing semicolons, ready to embed or send alone. */
    public static String withoutTrailingSemicolons(String sql) {
        String s = sql.strip();
        while (s.endsWith(";")) {
            s = s.substring(0, s.length() - 1).strip();
        }
        return s;
    }

    /**
     * Points a rendered query's table references elsewhere: {@code targets} maps model names (lower case) to what to
     * read instead, such as a physical table ({@code `quarry__sales`.`sales__orders__1a2b3c4d5e`}), an environment
     * view, or, for an EMBEDDED model, its parenthesized query. A reference without an alias keeps its table name as
     * alias, so qualified columns still resolve. CTE names, strings and comments are left alone.
     */
    public static String resolveTables(String sql, Map<String, String> targets) {
        return References.rewrite(sql, name -> Optional.ofNullable(targets.get(name)));
    }

    static Map<String, String> dateVariables(MacroContext ctx) {
        Map<String, String> out = new HashMap<>();
        Instant inclusiveEnd = ctx.end().minus(1, ChronoUnit.MICROS);
        put(out, "start", ctx.start().truncatedTo(ChronoUnit.MICROS));
        put(out, "end", inclusiveEnd);
        put(out, "execution", ctx.executionTime().truncatedTo(ChronoUnit.MICROS));
        put(out, "latest", ctx.executionTime().truncatedTo(ChronoUnit.MICROS));
        return out;
    }

    private static void put(Map<String, String> out, String prefix, Instant at) {
        LocalDateTime t = LocalDateTime.ofInstant(at, ZoneOffset.UTC);
        int micros = t.get(ChronoField.MICRO_OF_SECOND);
        String ts = t.format(TS) + (micros == 0 ? "" : String.format(Locale.ROOT, ".%06d", micros));
        String ds = t.format(DS);
        out.put(prefix + "_ds", "'" + ds + "'");
        out.put(prefix + "_ts", "'" + ts + "'");
        out.put(prefix + "_tstz", "'" + ts + "+00:00'");
        out.put(prefix + "_dt", "CAST('" + ts + "' AS DATETIME)");
        out.put(prefix + "_dtntz", "CAST('" + ts + "' AS DATETIME)");
        out.put(prefix + "_date", "CAST('" + ds + "' AS DATE)");
        out.put(prefix + "_hour", Integer.toString(t.getHour()));
        long seconds = at.getEpochSecond();
        String fraction =
                micros == 0 ? "0" : String.format(Locale.ROOT, "%06d", micros).replaceAll("0+$", "");
        out.put(prefix + "_epoch", seconds + "." + fraction);
        out.put(prefix + "_millis", Long.toString(seconds * 1000 + micros / 1000));
    }

    private ModelException error(Location base, String text, int offset, String message) {
        return new ModelException(shift(base, text, offset), message);
    }

    /** The location of {@code offset} within {@code text}, which starts at {@code base}. */
    private static Location shift(Location base, String text, int offset) {
        int line = base.line();
        int column = base.column();
        for (int i = 0; i < offset && i < text.length(); i++) {
            if (text.charAt(i) == '\n') {
                line++;
                column = 1;
            } else {
                column++;
            }
        }
        return new Location(base.file(), line, column);
    }

    /** Handles a pre-statement that is only {@code @DEF(name, value)}; returns whether it was one. */
    private boolean define(Statement s) {
        List<Token> tokens = Lexer.tokens(file, s.sql());
        if (tokens.size() < 3
                || !tokens.get(0).is(Token.Type.MACRO)
                || !tokens.get(0).text().equalsIgnoreCase("def")
                || !tokens.get(1).is(Token.Type.LPAREN)) {
            return false;
        }
        int close = closing(tokens, 1, s.sql(), s.location());
        if (close != tokens.size() - 2) {
            return false;
        }
        call(s.sql(), s.location(), tokens, 0, close);
        return true;
    }

    String render(String text, Location base) {
        List<Token> tokens = Lexer.tokens(base.file(), text);
        StringBuilder out = new StringBuilder(text.length() + 32);
        int copied = 0;
        for (int i = 0; i < tokens.size(); i++) {
            Token t = tokens.get(i);
            if (!t.is(Token.Type.MACRO)) {
                continue;
            }
            out.append(text, copied, t.start());
            if (!t.text().startsWith("{") && tokens.get(i + 1).is(Token.Type.LPAREN)) {
                int close = closing(tokens, i + 1, text, base);
                out.append(call(text, base, tokens, i, close));
                copied = tokens.get(close).end();
                i = close;
            } else {
                boolean raw = t.text().startsWith("{");
                String name = raw ? t.text().substring(1, t.text().length() - 1) : t.text();
                String value = variable(name.toLowerCase(Locale.ROOT))
                        .orElseThrow(() -> error(
                                base,
                                text,
                                t.start(),
                                "unknown macro variable @" + name + Names.didYouMean(name, known())));
                out.append(raw ? unquote(value) : value);
                copied = t.end();
            }
        }
        out.append(text, copied, text.length());
        return out.toString();
    }

    private List<String> known() {
        List<String> names = new ArrayList<>(builtins.keySet());
        names.addAll(variables.keySet());
        names.addAll(locals.keySet());
        return names;
    }

    private Optional<String> variable(String name) {
        if (locals.containsKey(name)) {
            return Optional.of(locals.get(name));
        }
        if (builtins.containsKey(name)) {
            return Optional.of(builtins.get(name));
        }
        if (variables.containsKey(name)) {
            return Optional.of(literal(variables.get(name)));
        }
        return Optional.empty();
    }

    private static String unquote(String value) {
        if (value.length() >= 2 && value.startsWith("'") && value.endsWith("'")) {
            return value.substring(1, value.length() - 1).replace("''", "'");
        }
        return value;
    }

    /** A variable whose value is SQL text, inserted as written (audit arguments such as {@code columns := (id)}). */
    public record SqlText(String sql) {
        public SqlText {
            java.util.Objects.requireNonNull(sql, "sql is null");
        }
    }

    /** Renders SQL that belongs to no model (an audit query) with {@code ctx}'s variables. */
    public static String renderText(String sql, Location at, MacroContext ctx, String kindName) {
        return new Renderer(ctx, kindName, at.file()).render(sql, at);
    }

    /** A variable value as SQL: strings quoted, lists as {@code (a, b)}, null as NULL. */
    public static String literal(Object v) {
        if (v == null) {
            return "NULL";
        }
        if (v instanceof SqlText t) {
            return t.sql();
        }
        if (v instanceof Boolean b) {
            return b ? "TRUE" : "FALSE";
        }
        if (v instanceof Number) {
            return v.toString();
        }
        if (v instanceof List<?> list) {
            List<String> items = new ArrayList<>();
            list.forEach(x -> items.add(literal(x)));
            return "(" + String.join(", ", items) + ")";
        }
        return "'" + v.toString().replace("'", "''") + "'";
    }

    private static int closing(List<Token> tokens, int open, String text, Location base) {
        int depth = 0;
        for (int i = open; i < tokens.size(); i++) {
            switch (tokens.get(i).type()) {
                case LPAREN -> depth++;
                case RPAREN -> {
                    if (--depth == 0) {
                        return i;
                    }
                }
                default -> {}
            }
        }
        throw new ModelException(shift(base, text, tokens.get(open).start()), "unclosed '(' of a macro call");
    }

    /**
     * The arguments of a call as {start, end} offsets, split at top-level commas.
     */
    private static List<int[]> args(List<Token> tokens, int open, int close) {
        List<int[]> out = new ArrayList<>();
        int depth = 0;
        int argStart = tokens.get(open).end();
        for (int i = open + 1; i < close; i++) {
            Token t = tokens.get(i);
            switch (t.type()) {
                case LPAREN, LBRACKET -> depth++;
                case RPAREN, RBRACKET -> depth--;
                case COMMA -> {
                    if (depth == 0) {
                        out.add(new int[] {argStart, t.start()});
                        argStart = t.end();
                    }
                }
                default -> {}
            }
        }
        if (close > open + 1) {
            out.add(new int[] {argStart, tokens.get(close).start()});
        }
        return out;
    }

    private String call(String text, Location base, List<Token> tokens, int at, int close) {
        Token macro = tokens.get(at);
        String name = macro.text().toUpperCase(Locale.ROOT);
        List<int[]> args = args(tokens, at + 1, close);
        List<String> raw = new ArrayList<>();
        args.forEach(a -> raw.add(text.substring(a[0], a[1])));
        List<Location> where = new ArrayList<>();
        args.forEach(a -> where.add(shift(base, text, a[0] + leading(text, a[0]))));
        switch (name) {
            case "VAR" -> {
                if (raw.isEmpty() || raw.size() > 2) {
                    throw error(base, text, macro.start(), "@VAR takes a variable name and an optional default");
                }
                String var = unquote(render(raw.get(0), where.get(0)).strip()).toLowerCase(Locale.ROOT);
                if (variables.containsKey(var)) {
                    return literal(variables.get(var));
                }
                if (raw.size() == 2) {
                    return render(raw.get(1), where.get(1)).strip();
                }
                throw error(
                        base,
                        text,
                        macro.start(),
                        "variable " + var + " is not defined in config.yaml variables"
                                + Names.didYouMean(var, variables.keySet()));
            }
            case "DEF" -> {
                if (raw.size() != 2) {
                    throw error(base, text, macro.start(), "@DEF takes a name and a value");
                }
                locals.put(
                        raw.get(0).strip().toLowerCase(Locale.ROOT),
                        render(raw.get(1), where.get(1)).strip());
                return "";
            }
            case "IF" -> {
                if (raw.size() < 2 || raw.size() > 3) {
                    throw error(base, text, macro.start(), "@IF takes a condition, a value and an optional else value");
                }
                String condition = render(raw.get(0), where.get(0));
                boolean truth = Conditions.evaluate(condition, where.get(0));
                if (truth) {
                    return render(raw.get(1), where.get(1)).strip();
                }
                return raw.size() == 3 ? render(raw.get(2), where.get(2)).strip() : "";
            }
            case "EACH" -> {
                if (raw.size() != 2) {
                    throw error(base, text, macro.start(), "@EACH takes a list and a lambda (x -> ...)");
                }
                return each(render(raw.get(0), where.get(0)).strip(), raw.get(1), where.get(1));
            }
            case "AND", "OR" -> {
                List<String> parts = new ArrayList<>();
                for (int i = 0; i < raw.size(); i++) {
                    String part = render(raw.get(i), where.get(i)).strip();
                    if (!part.isEmpty() && !part.equalsIgnoreCase("NULL")) {
                        parts.add("(" + part + ")");
                    }
                }
                if (parts.isEmpty()) {
                    return name.equals("AND") ? "TRUE" : "FALSE";
                }
                return parts.size() == 1 ? parts.get(0) : "(" + String.join(" " + name + " ", parts) + ")";
            }
            default -> {
                List<String> rendered = new ArrayList<>();
                for (int i = 0; i < raw.size(); i++) {
                    rendered.add(render(raw.get(i), where.get(i)).strip());
                }
                Optional<String> sql;
                try {
                    sql = functions.call(macro.text(), rendered);
                } catch (RuntimeException e) {
                    throw error(base, text, macro.start(), "macro @" + macro.text() + " failed: " + e.getMessage());
                }
                return sql.orElseThrow(() -> error(
                        base,
                        text,
                        macro.start(),
                        "unknown macro @" + macro.text()
                                + "; Quarry supports @VAR, @IF, @EACH, @DEF, @AND, @OR, macro variables and the"
                                + " project's Python macros (macros/*.py)"));
            }
        }
    }

    private static int leading(String text, int from) {
        int i = from;
        while (i < text.length() && Character.isWhitespace(text.charAt(i))) {
            i++;
        }
        return i - from;
    }

    /** {@code @EACH([a, b], x -> f(x))} is {@code f(a), f(b)}. */
    private String each(String list, String lambda, Location lambdaAt) {
        String items = list;
        if ((items.startsWith("[") && items.endsWith("]")) || (items.startsWith("(") && items.endsWith(")"))) {
            items = items.substring(1, items.length() - 1);
        }
        List<Token> itemTokens = Lexer.tokens(lambdaAt.file(), items);
        List<String> elements = new ArrayList<>();
        if (itemTokens.size() > 1) {
            for (int[] a : args(withParens(itemTokens), 0, itemTokens.size())) {
                elements.add(items.substring(Math.max(0, a[0] - 1), Math.max(0, a[1] - 1))
                        .strip());
            }
        }
        List<Token> lt = Lexer.tokens(lambdaAt.file(), lambda);
        int arrow = -1;
        for (int i = 0; i < lt.size(); i++) {
            if (lt.get(i).is(Token.Type.ARROW)) {
                arrow = i;
                break;
            }
        }
        if (arrow != 1 || !lt.get(0).is(Token.Type.IDENT)) {
            throw new ModelException(lambdaAt, "@EACH needs a lambda like x -> expression, not " + lambda.strip());
        }
        String param = lt.get(0).text();
        String body = lambda.substring(lt.get(arrow).end());
        List<Token> bodyTokens = Lexer.tokens(lambdaAt.file(), body);
        List<String> out = new ArrayList<>();
        for (String element : elements) {
            StringBuilder sb = new StringBuilder();
            int copied = 0;
            for (Token t : bodyTokens) {
                boolean plain = t.is(Token.Type.IDENT) && t.text().equalsIgnoreCase(param);
                boolean macro = t.is(Token.Type.MACRO)
                        && (t.text().equalsIgnoreCase(param) || t.text().equalsIgnoreCase("{" + param + "}"));
                if (plain || macro) {
                    sb.append(body, copied, t.start());
                    sb.append(t.text().startsWith("{") ? unquote(element) : element);
                    copied = t.end();
                }
            }
            sb.append(body.substring(copied));
            out.add(render(sb.toString(), lambdaAt).strip());
        }
        return String.join(", ", out);
    }

    /** Tokens of an element list as if wrapped in parentheses, so {@link #args} can split them; offsets shift by one. */
    private static List<Token> withParens(List<Token> tokens) {
        List<Token> out = new ArrayList<>(tokens.size() + 2);
        out.add(new Token(Token.Type.LPAREN, "(", 0, 1));
        for (int i = 0; i < tokens.size() - 1; i++) {
            Token t = tokens.get(i);
            out.add(new Token(t.type(), t.text(), t.start() + 1, t.end() + 1));
        }
        Token eof = tokens.get(tokens.size() - 1);
        out.add(new Token(Token.Type.RPAREN, ")", eof.start() + 1, eof.start() + 2));
        return out;
    }
}
