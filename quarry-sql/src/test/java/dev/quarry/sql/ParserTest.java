package dev.quarry.sql;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.quarry.sql.ast.DataType;
import dev.quarry.sql.ast.Expr;
import dev.quarry.sql.ast.Query;
import dev.quarry.sql.ast.Statement;
import dev.quarry.sql.ast.TableStatement;
import dev.quarry.sql.ast.ViewStatement;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The trees the parser builds (docs/sql.md §3). */
class ParserTest {

    private static Query query(String sql) {
        return ((Statement.QueryStatement) SqlParser.parseStatement(sql)).query();
    }

    @Test
    void limitFormsGiveCountAndOffset() {
        assertThat(query("SELECT a FROM t LIMIT 10 OFFSET 20").limit()).contains(new Query.Limit(10, 20));
        assertThat(query("SELECT a FROM t LIMIT 20, 10").limit()).contains(new Query.Limit(10, 20));
        assertThat(query("SELECT a FROM t LIMIT 5").limit()).contains(new Query.Limit(5, 0));
    }

    @Test
    void precedenceFollowsStarRocks() {
        Expr e = SqlParser.parseExpression("1 + 2 * 3 = 7 AND NOT a OR b");
        assertThat(e).isInstanceOf(Expr.Binary.class);
        Expr.Binary or = (Expr.Binary) e;
        assertThat(or.op()).isEqualTo("OR");
        Expr.Binary and = (Expr.Binary) or.left();
        assertThat(and.op()).isEqualTo("AND");
        Expr.Binary eq = (Expr.Binary) and.left();
        assertThat(eq.op()).isEqualTo("=");
        Expr.Binary plus = (Expr.Binary) eq.left();
        assertThat(plus.op()).isEqualTo("+");
        assertThat(((Expr.Binary) plus.right()).op()).isEqualTo("*");
        assertThat(and.right()).isEqualTo(new Expr.Unary("NOT", new Expr.Name(List.of("a"))));
    }

    @Test
    void backquotedNamesAndStringsAreUnescaped() {
        Query q = query("SELECT `a``b`, 'it''s', \"say \\\"hi\\\"\" FROM `my table`");
        Query.Select s = (Query.Select) q.body();
        assertThat(s.items().get(0).expr()).isEqualTo(new Expr.Name(List.of("a`b")));
        assertThat(s.items().get(1).expr()).isEqualTo(new Expr.Literal(Expr.LiteralKind.STRING, "it's"));
        assertThat(s.items().get(2).expr()).isEqualTo(new Expr.Literal(Expr.LiteralKind.STRING, "say \"hi\""));
        assertThat(((Query.TableRef) s.from().get(0)).name()).containsExactly("my table");
    }

    @Test
    void lambdaAndJsonArrowAreToldApart() {
        Expr.Call call = (Expr.Call) SqlParser.parseExpression("array_map(x -> x + 1, arr)");
        assertThat(call.args().get(0)).isInstanceOf(Expr.Lambda.class);
        assertThat(SqlParser.parseExpression("j -> '$.a'"))
                .isEqualTo(new Expr.JsonArrow(new Expr.Name(List.of("j")), "$.a"));
    }

    @Test
    void nestedTypesCloseWithDoubleAngle() {
        Expr.Cast cast = (Expr.Cast) SqlParser.parseExpression("CAST(a AS ARRAY<ARRAY<INT>>)");
        DataType inner = new DataType("ARRAY", List.of(), List.of(DataType.of("INT", List.of())), List.of());
        assertThat(cast.type()).isEqualTo(new DataType("ARRAY", List.of(), List.of(inner), List.of()));
    }

    @Test
    void createTableKeepsEveryClause() {
        TableStatement.CreateTable t = (TableStatement.CreateTable) SqlParser.parseStatement(
                "CREATE TABLE IF NOT EXISTS d.t (k BIGINT NOT NULL AUTO_INCREMENT, v DECIMAL(10, 2) DEFAULT \"0\" "
                        + "COMMENT 'v') PRIMARY KEY(k) COMMENT 'c' PARTITION BY date_trunc('day', dt) "
                        + "DISTRIBUTED BY HASH(k) BUCKETS 4 ORDER BY (v) PROPERTIES (\"replication_num\" = \"1\")");
        assertThat(t.ifNotExists()).isTrue();
        assertThat(t.name()).containsExactly("d", "t");
        assertThat(t.columns()).hasSize(2);
        assertThat(t.columns().get(0).autoIncrement()).isTrue();
        assertThat(t.columns().get(0).nullable()).contains(false);
        assertThat(t.columns().get(1).type()).isEqualTo(DataType.of("DECIMAL", List.of(10, 2)));
        assertThat(t.key()).contains(new TableStatement.KeyDesc("PRIMARY", List.of("k")));
        assertThat(t.comment()).contains("c");
        assertThat(t.partition().orElseThrow().kind()).isEqualTo("EXPRESSION");
        assertThat(t.distribution()).contains(new TableStatement.Distribution("HASH", List.of("k"), Optional.of(4L)));
        assertThat(t.orderBy()).containsExactly("v");
        assertThat(t.properties()).containsEntry("replication_num", "1");
    }

    @Test
    void materializedViewRefreshClause() {
        ViewStatement.CreateMaterializedView mv = (ViewStatement.CreateMaterializedView) SqlParser.parseStatement(
                "CREATE MATERIALIZED VIEW mv REFRESH DEFERRED ASYNC START ('2024-01-01') EVERY (INTERVAL 1 HOUR) "
                        + "AS SELECT 1");
        ViewStatement.Refresh r = mv.refresh().orElseThrow();
        assertThat(r.moment()).isEqualTo("DEFERRED");
        assertThat(r.kind()).isEqualTo("ASYNC");
        assertThat(r.start()).contains("2024-01-01");
        assertThat(r.every()).contains(new Expr.Interval(new Expr.Literal(Expr.LiteralKind.INTEGER, "1"), "HOUR"));
    }

    @Test
    void loadColumnsDeriveFromTemporaryFields() {
        List<LoadColumn> cols = SqlParser.parseLoadColumns("id, v, temp, __op = temp");
        assertThat(cols).extracting(LoadColumn::name).containsExactly("id", "v", "temp", "__op");
        assertThat(cols.get(3).expression()).contains(new Expr.Name(List.of("temp")));
        assertThat(cols.get(3).expressionText()).contains("temp");
    }

    @Test
    void loadColumnsTakeBackquotedNamesAndKeepExpressionText() {
        List<LoadColumn> cols =
                SqlParser.parseLoadColumns("`Mixed Case`, `order`, tmp, c = if(tmp > 0, tmp * 2, NULL)");
        assertThat(cols).extracting(LoadColumn::name).containsExactly("Mixed Case", "order", "tmp", "c");
        assertThat(cols.get(3).expressionText()).contains("if(tmp > 0, tmp * 2, NULL)");
    }

    @Test
    void loadColumnsRefuseBareReservedWords() {
        assertThatThrownBy(() -> SqlParser.parseLoadColumns("id, order, v"))
                .hasMessage("Getting syntax error at line 1, column 4. Detail message: Unexpected input 'order', "
                        + "the most similar input is {a legal identifier}.");
    }
}
