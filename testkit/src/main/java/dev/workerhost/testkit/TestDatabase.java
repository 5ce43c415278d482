package dev.workerhost.testkit;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import javax.sql.DataSource;
import org.h2.jdbcx.JdbcDataSource;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * A database of its own for one test: an in-memory H2 database, or a PostgreSQL database created on the server
 * named by {@code WORKER_HOST_TEST_PG} (default {@code 127.0.0.1:5432}, user {@code postgres}) and dropped on close,
 * so that tests running at the same time never see each other's rows.
 */
public final class TestDatabase implements AutoCloseable {

    /** Which engine a test runs on; parameterized tests iterate over both. */
    public enum Engine { H2, POSTGRESQL }

    private final Engine engine;
    private final String name;
    private final DataSource dataSource;
    private final String url;

    private TestDatabase(Engine engine, String name, DataSource dataSource, String url) {
        this.engine = engine;
        this.name = name;
        this.dataSource = dataSource;
        this.url = url;
    }

    public static TestDatabase create(Engine engine) {
        return engine == Engine.H2 ? h2() : postgres();
    }

    public static TestDatabase h2() {
        String name = uniqueName();
        JdbcDataSource dataSource = new JdbcDataSource();
        // DB_CLOSE_DELAY keeps the in-memory database alive between connections until close() drops it.
        String url = "jdbc:h2:mem:" + name + ";DB_CLOSE_DELAY=-1";
        dataSource.setURL(url);
        return new TestDatabase(Engine.H2, name, dataSource, url);
    }

    public static TestDatabase postgres() {
        String name = uniqueName();
        String server = System.getenv().getOrDefault("WORKER_HOST_TEST_PG", "127.0.0.1:5432");
        try (Connection admin = DriverManager.getConnection("jdbc:postgresql://" + server + "/postgres", "postgres", "");
                Statement statement = admin.createStatement()) {
            statement.execute("CREATE DATABASE " + name);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot create a test database on PostgreSQL at " + server
                    + " (is it running? see .ci/run): " + e.getMessage(), e);
        }
        String url = "jdbc:postgresql://" + server + "/" + name;
        PGSimpleDataSource dataSource = new PGSimpleDataSource();
        dataSource.setURL(url);
        dataSource.setUser("postgres");
        return new TestDatabase(Engine.POSTGRESQL, name, dataSource, url);
    }

    public Engine engine() {
        return engine;
    }

    public DataSource dataSource() {
        return dataSource;
    }

    /** The JDBC URL, e.g. to configure a host under test ({@code datasources.default.url}). */
    public String url() {
        return url;
    }

    /** The user to connect as, matching {@link #url()}. */
    public String user() {
        return engine == Engine.H2 ? "" : "postgres";
    }

    /** Runs SQL statements, e.g. to insert rows by hand as an operator would. */
    public void execute(String... statements) {
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            for (String sql : statements) {
                statement.execute(sql);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("SQL failed on the " + engine + " test database: " + e.getMessage(), e);
        }
    }

    /**
     * Reads rows back, e.g. to assert what a workflow wrote: one map per row, from each column's label in lower case
     * to its value, in the query's column order (so columns need distinct names). {@code parameters} fill the query's {@code ?} in order. A timestamp
     * with time zone is an {@link OffsetDateTime} on both engines (PostgreSQL's driver would give a
     * {@link Timestamp}).
     */
    public List<Map<String, Object>> rows(String sql, Object... parameters) {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement query = connection.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                query.setObject(i + 1, parameters[i]);
            }
            List<Map<String, Object>> rows = new ArrayList<>();
            try (ResultSet result = query.executeQuery()) {
                ResultSetMetaData columns = result.getMetaData();
                while (result.next()) {
                    Map<String, Object> row = new LinkedHashMap<>();
                    for (int c = 1; c <= columns.getColumnCount(); c++) {
                        Object value = result.getObject(c);
                        row.put(columns.getColumnLabel(c).toLowerCase(Locale.ROOT),
                                value instanceof Timestamp ? result.getObject(c, OffsetDateTime.class) : value);
                        if (row.size() < c) {
                            throw new IllegalArgumentException("two columns are named " + columns.getColumnLabel(c)
                                    + " (name them with AS): " + sql);
                        }
                    }
                    rows.add(row);
                }
            }
            return rows;
        } catch (SQLException e) {
            throw new IllegalStateException(sql + " failed on the " + engine + " test database: " + e.getMessage(), e);
        }
    }

    @Override
    public void close() {
        if (engine == Engine.H2) {
            execute("DROP ALL OBJECTS");
            return;
        }
        String server = url.substring("jdbc:postgresql://".length(), url.lastIndexOf('/'));
        try (Connection admin = DriverManager.getConnection("jdbc:postgresql://" + server + "/postgres", "postgres", "");
                Statement statement = admin.createStatement()) {
            statement.execute("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
        } catch (SQLException e) {
            throw new IllegalStateException("cannot drop test database " + name + ": " + e.getMessage(), e);
        }
    }

    @Override
    public String toString() {
        return engine.name().toLowerCase(Locale.ROOT);
    }

    private static String uniqueName() {
        return "wh_test_" + UUID.randomUUID().toString().replace("-", "").substring(0, 16);
    }
}
