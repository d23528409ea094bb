package dev.quarry.models.render;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.quarry.models.project.Model;
import dev.quarry.models.project.ModelException;
import dev.quarry.models.project.ModelFixtures;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RendererTest {

    private static Model model(String body) {
        return ModelFixtures.read(
                "models/r.sql",
                "MODEL (name db.r, kind INCREMENTAL_BY_TIME_RANGE (time_column ds), physical_properties (primary_key = (id, ds)));\n"
                        + body);
    }

    private static MacroContext day(String date, Map<String, Object> vars) {
        Instant start = Instant.parse(date + "T00:00:00Z");
        return new MacroContext(
                start,
                start.plusSeconds(86_400),
                Instant.parse("2024-03-05T06:07:08.123456Z"),
                "quarry__db.db__r__abc",
                vars,
                "local");
    }

    private static String render(String query, Map<String, Object> vars) {
        return Renderer.render(model(query), day("2024-01-01", vars)).query().orElseThrow();
    }

    @Test
    void dateVariablesHaveAnInclusiveEndInUtc() {
        assertThat(render("SELECT @start_ds, @end_ds, @start_ts, @end_ts, @start_tstz, @end_tstz", Map.of()))
                .isEqualTo("SELECT '2024-01-01', '2024-01-01', '2024-01-01 00:00:00', '2024-01-01 23:59:59.999999', "
                        + "'2024-01-01 00:00:00+00:00', '2024-01-01 23:59:59.999999+00:00'");
        assertThat(render("SELECT @start_date, @end_date, @start_dt, @end_dt, @end_dtntz", Map.of()))
                .isEqualTo(
                        "SELECT CAST('2024-01-01' AS DATE), CAST('2024-01-01' AS DATE), CAST('2024-01-01 00:00:00' AS DATETIME), "
                                + "CAST('2024-01-01 23:59:59.999999' AS DATETIME), CAST('2024-01-01 23:59:59.999999' AS DATETIME)");
        assertThat(render(
                        "SELECT @start_hour, @end_hour, @start_epoch, @end_epoch, @start_millis, @end_millis",
                        Map.of()))
                .isEqualTo("SELECT 0, 23, 1704067200.0, 1704153599.999999, 1704067200000, 1704153599999");
        assertThat(render("SELECT @execution_ds, @execution_ts, @execution_dt, @latest_ds", Map.of()))
                .isEqualTo(
                        "SELECT '2024-03-05', '2024-03-05 06:07:08.123456', CAST('2024-03-05 06:07:08.123456' AS DATETIME), "
                                + "'2024-03-05'");
    }

    @Test
    void dateVariablesIgnoreTheJvmZoneAcrossDaylightSavingChanges() {
        // The build runs tests in America/Bahia_Banderas, which changed clocks on these dates in 2021.
        assertThat(ZoneId.systemDefault()).isEqualTo(ZoneId.of("America/Bahia_Banderas"));
        for (String date : List.of("2021-04-04", "2021-10-31", "2021-03-14", "2024-03-10")) {
            Model m = model("SELECT @start_ds, @end_ts, @start_hour, @end_hour");
            assertThat(Renderer.render(m, day(date, Map.of())).query().orElseThrow())
                    .isEqualTo("SELECT '" + date + "', '" + date + " 23:59:59.999999', 0, 23");
        }
        Instant start = Instant.parse("2021-04-04T07:00:00Z");
        MacroContext hour = new MacroContext(start, start.plusSeconds(3600), start, "t", Map.of(), "g");
        assertThat(Renderer.render(model("SELECT @start_ts, @end_ts"), hour)
                        .query()
                        .orElseThrow())
                .isEqualTo("SELECT '2021-04-04 07:00:00', '2021-04-04 07:59:59.999999'");
    }

    @Test
    void variablesThisModelAndFunctions() {
        Map<String, Object> vars =
                Map.of("min_amount", 10L, "currency", "EUR", "regions", List.of("eu", "us"), "flag", true);
        assertThat(render(
                        "SELECT * FROM @this_model WHERE amount > @min_amount AND c = @VAR('currency') AND f = @flag",
                        vars))
                .isEqualTo("SELECT * FROM quarry__db.db__r__abc WHERE amount > 10 AND c = 'EUR' AND f = TRUE");
        assertThat(render("SELECT @VAR('missing', 42), @VAR('currency', 'x')", vars))
                .isEqualTo("SELECT 42, 'EUR'");
        assertThat(render("SELECT @{currency}_total FROM t", vars)).isEqualTo("SELECT EUR_total FROM t");
        assertThat(render("SELECT @IF(@currency = 'EUR', amount * 1.1, amount) AS a", vars))
                .isEqualTo("SELECT amount * 1.1 AS a");
        assertThat(render("SELECT @IF(@min_amount > 100 OR NOT TRUE, big, small) AS a", vars))
                .isEqualTo("SELECT small AS a");
        assertThat(render("SELECT 1 @IF(@flag AND @currency IS NOT NULL, , x) FROM t", vars))
                .isEqualTo("SELECT 1  FROM t");
        assertThat(render("SELECT @EACH(['a', 'b'], x -> SUM(CASE WHEN k = x THEN 1 END) AS @{x}_n) FROM t", vars))
                .isEqualTo(
                        "SELECT SUM(CASE WHEN k = 'a' THEN 1 END) AS a_n, SUM(CASE WHEN k = 'b' THEN 1 END) AS b_n FROM t");
        assertThat(render("SELECT @EACH(@regions, r -> r) FROM t", vars)).isEqualTo("SELECT 'eu', 'us' FROM t");
        assertThat(render("SELECT * FROM t WHERE @AND(a > 1, @IF(@flag, b < 2), NULL)", vars))
                .isEqualTo("SELECT * FROM t WHERE ((a > 1) AND (b < 2))");
        assertThat(render("SELECT @@session.time_zone, @@version_comment", vars))
                .isEqualTo("SELECT @@session.time_zone, @@version_comment");
        assertThat(render("SELECT 'not @a macro', \"@x\" -- @comment\nFROM t", vars))
                .isEqualTo("SELECT 'not @a macro', \"@x\" -- @comment\nFROM t");
    }

    @Test
    void defStatementsDefineLocals() {
        Model m = model(
                "@DEF(threshold, 5);\n@DEF(label, 'big');\nSET x = @threshold;\nSELECT @label, v > @threshold FROM t;\n"
                        + "ANALYZE TABLE @this_model");
        Renderer.Rendered r = Renderer.render(m, day("2024-01-01", Map.of()));
        assertThat(r.preStatements()).containsExactly("SET x = 5");
        assertThat(r.query()).contains("SELECT 'big', v > 5 FROM t");
        assertThat(r.postStatements()).containsExactly("ANALYZE TABLE quarry__db.db__r__abc");
    }

    @Test
    void macroErrorsPointAtTheMacro() {
        assertThatThrownBy(() -> render("SELECT\n  @start_dss", Map.of()))
                .isInstanceOf(ModelException.class)
                .hasMessage(
                        "models/r.sql:3:3: unknown macro variable @start_dss (did you mean start_ds or start_dt or start_ts?)");
        assertThatThrownBy(() -> render("SELECT @VAR('nope')", Map.of("nop", 1L)))
                .hasMessage(
                        "models/r.sql:2:8: variable nope is not defined in config.yaml variables (did you mean nop?)");
        assertThatThrownBy(() -> render("SELECT @IF(col > 1, a, b)", Map.of()))
                .hasMessageStartingWith("models/r.sql:2:12: cannot evaluate @IF condition 'col > 1'");
        assertThatThrownBy(() -> render("SELECT @STAR(t)", Map.of()))
                .hasMessageStartingWith("models/r.sql:2:8: unknown macro @STAR");
        assertThatThrownBy(() -> render("SELECT @EACH([1, 2], 3)", Map.of()))
                .hasMessageStartingWith("models/r.sql:2:22: @EACH needs a lambda");
    }

    @Test
    void renderQueryUsesProjectVariables() {
        assertThat(Renderer.dateVariables(day("2024-02-29", Map.of())))
                .containsEntry("end_ds", "'2024-02-29'")
                .containsEntry("start_date", "CAST('2024-02-29' AS DATE)");
    }

    @Test
    void tableReferencesCanBePointedElsewhere() {
        Map<String, String> targets = Map.of(
                "sales.orders", "`quarry__sales`.`sales__orders__0123456789`", "sales.items", "(SELECT 1 AS id)");
        assertThat(Renderer.resolveTables("""
                WITH orders AS (SELECT * FROM sales.orders WHERE ok)
                SELECT orders.id, i.id FROM orders, `Sales`.`Orders` o JOIN sales.items i ON i.id = orders.id
                WHERE x = 'FROM sales.orders' -- JOIN sales.items
                """, targets)).isEqualTo("""
                WITH orders AS (SELECT * FROM `quarry__sales`.`sales__orders__0123456789` AS `orders` WHERE ok)
                SELECT orders.id, i.id FROM orders, `quarry__sales`.`sales__orders__0123456789` o JOIN (SELECT 1 AS id) i ON i.id = orders.id
                WHERE x = 'FROM sales.orders' -- JOIN sales.items
                """);
        assertThat(Renderer.resolveTables("SELECT * FROM raw.t", targets)).isEqualTo("SELECT * FROM raw.t");
    }
}
