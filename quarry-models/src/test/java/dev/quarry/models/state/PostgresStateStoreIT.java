package dev.quarry.models.state;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.quarry.core.ConfigException;
import dev.quarry.core.RunException;
import dev.quarry.models.project.ProjectConfig;
import dev.quarry.testing.TestingPostgres;
import org.junit.jupiter.api.Test;

/** The state store on a real PostgreSQL server, each test in a fresh database. */
class PostgresStateStoreIT extends StateStoreCases {
    PostgresStateStoreIT() {
        super(StateStore.Kind.POSTGRES);
    }

    @Test
    void aWrongPostgresPasswordIsReportedWithoutTheAttemptedPassword() {
        TestingPostgres server = postgres.server();
        String wrong = "s3cret-" + server.password();
        ProjectConfig.StateConnection.Postgres state = new ProjectConfig.StateConnection.Postgres(
                server.host(), server.port(), server.user(), wrong, postgres.name());
        assertThatThrownBy(() -> StateStore.open(state, dir, "quarry"))
                .isInstanceOf(RunException.class)
                .hasMessageStartingWith("cannot open the state database postgres " + server.user() + "@")
                .hasMessageContaining("password authentication failed")
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain(wrong).doesNotContain(server.password()));
        assertThatThrownBy(() -> StateStore.open(connection(), dir, "team-state"))
                .isInstanceOf(ConfigException.class)
                .hasMessage("state_schema team-state is not a plain PostgreSQL name (letters, digits, _)");
    }
}
