package dev.workerhost.plugins.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.workerhost.testkit.TestDatabase;
import java.io.IOException;
import java.math.BigDecimal;
import java.net.ServerSocket;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.postgresql.ds.PGSimpleDataSource;

/** Real errors from real databases, classified: refused values and setups fail once, an unreachable server retries. */
class SqlErrorsTest {

    private static final String INSERT_ID = "INSERT INTO plans (id, tenant_id, environment_id) VALUES (?, 't', 'e')";

    /** The failure of running {@code sql} with one string parameter, as a plugin's data access reports it. */
    private static DataAccessException failure(TestDatabase db, String sql, Object parameter) {
        Transactions transactions = new Transactions(db.dataSource());
        try {
            transactions.inTransaction(connection -> {
                try (PreparedStatement statement = connection.prepareStatement(sql)) {
                    statement.setObject(1, parameter);
                    return statement.executeUpdate();
                }
            });
        } catch (DataAccessException e) {
            return e;
        }
        throw new AssertionError("expected " + sql + " to fail on " + db);
    }

    private static TestDatabase migrated(TestDatabase.Engine engine) {
        TestDatabase db = TestDatabase.create(engine);
        DomainSchema.migrate(db.dataSource());
        return db;
    }

    @Test
    void aNulCharacterIsADataErrorOnPostgresql() {
        try (TestDatabase db = migrated(TestDatabase.Engine.POSTGRESQL)) {
            DataAccessException e = failure(db, INSERT_ID, "plan\u0000id");

            assertThat(SqlErrors.isDataError(e.sqlException())).isTrue();
            assertThat(SqlErrors.classify(e))
                    .isInstanceOf(InvalidDataException.class)
                    .hasMessageContaining("(SQLState 22021)")
                    .hasCause(e.sqlException());
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.Engine.class)
    void aValueTooLongForItsColumnIsADataError(TestDatabase.Engine engine) {
        try (TestDatabase db = migrated(engine)) {
            DataAccessException e = failure(db, INSERT_ID, "x".repeat(300));

            assertThat(e.sqlException().getSQLState()).isEqualTo("22001");
            assertThat(SqlErrors.classify(e)).isInstanceOf(InvalidDataException.class);
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.Engine.class)
    void aNumberOutOfItsColumnsRangeIsADataError(TestDatabase.Engine engine) {
        try (TestDatabase db = migrated(engine)) {
            DataAccessException e = failure(db, "INSERT INTO invoice_line_items (id, invoice_id, quantity)"
                    + " VALUES ('il', 'inv', ?)", new BigDecimal("1E+30"));

            assertThat(e.sqlException().getSQLState()).startsWith("22");
            assertThat(SqlErrors.classify(e)).isInstanceOf(InvalidDataException.class);
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.Engine.class)
    void aDuplicateKeyIsADataError(TestDatabase.Engine engine) {
        try (TestDatabase db = migrated(engine)) {
            db.execute("INSERT INTO plans (id, tenant_id, environment_id) VALUES ('plan1', 't', 'e')");

            DataAccessException e = failure(db, INSERT_ID, "plan1");

            assertThat(e.sqlException().getSQLState()).isEqualTo("23505");
            assertThat(SqlErrors.classify(e)).isInstanceOf(InvalidDataException.class);
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.Engine.class)
    void aMissingTableIsAProblemOfTheSetupNotOfTheData(TestDatabase.Engine engine) {
        try (TestDatabase db = TestDatabase.create(engine)) {
            DataAccessException e = failure(db, INSERT_ID, "plan1");

            assertThat(SqlErrors.isTransient(e.sqlException())).isFalse();
            assertThat(SqlErrors.isDataError(e.sqlException())).isFalse();
            assertThat(SqlErrors.classify(e))
                    .isInstanceOf(DatabaseSetupException.class)
                    .hasMessageStartingWith("the database refused the statement: ");
        }
    }

    @Test
    void anUnreachableServerIsTransient() throws IOException {
        PGSimpleDataSource nobody = new PGSimpleDataSource();
        try (ServerSocket socket = new ServerSocket(0)) {
            nobody.setURL("jdbc:postgresql://127.0.0.1:" + socket.getLocalPort() + "/none?connectTimeout=2");
        }
        nobody.setUser("postgres");

        assertThatThrownBy(() -> new Transactions(nobody).inTransaction(connection -> null))
                .isInstanceOfSatisfying(DataAccessException.class, e -> {
                    assertThat(SqlErrors.isTransient(e.sqlException())).isTrue();
                    assertThat(SqlErrors.classify(e)).isSameAs(e);
                });
    }

    @Test
    void anErrorWithoutASqlStateIsRetriedRatherThanGuessed() {
        assertThat(SqlErrors.isTransient(new SQLException("no state"))).isTrue();
        assertThat(SqlErrors.isDataError(new SQLException("no state"))).isFalse();
    }
}
