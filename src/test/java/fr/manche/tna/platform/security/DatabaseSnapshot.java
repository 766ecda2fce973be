package fr.manche.tna.platform.security;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import javax.sql.DataSource;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * What a refused request must leave as it was: every row of the engine's runtime tables that say who may do
 * what on which task, job, variable or execution (retries and due dates of jobs included), and the number of
 * rows of the history, the operation log and every table of the application.
 */
final class DatabaseSnapshot {

  /** Engine tables compared row by row. */
  static final List<String> ROW_TABLES =
      List.of("ACT_RU_TASK", "ACT_RU_JOB", "ACT_RU_VARIABLE", "ACT_RU_EXECUTION", "ACT_RU_IDENTITYLINK", "ACT_RU_AUTHORIZATION",
          "ACT_RU_INCIDENT", "ACT_RU_EVENT_SUBSCR");
  /** Engine tables compared by their number of rows. */
  static final List<String> COUNTED_TABLES =
      List.of("ACT_HI_OP_LOG", "ACT_HI_PROCINST", "ACT_HI_TASKINST", "ACT_HI_ACTINST", "ACT_HI_VARINST", "ACT_HI_DETAIL",
          "ACT_HI_COMMENT", "ACT_HI_ATTACHMENT", "ACT_HI_IDENTITYLINK", "ACT_GE_BYTEARRAY");

  /** Rows of each compared table, by their ID_. */
  private final Map<String, Map<String, Map<String, String>>> rows;
  private final Map<String, Long> counts;
  /** Whether {@link #rows} holds every row of its tables (not only one instance's). */
  private final boolean whole;

  private DatabaseSnapshot(Map<String, Map<String, Map<String, String>>> rows, Map<String, Long> counts, boolean whole) {
    this.rows = rows;
    this.counts = counts;
    this.whole = whole;
  }

  /** Every row of the row tables, and the counts. */
  static DatabaseSnapshot full(JdbcClient jdbc, DataSource dataSource) {
    Map<String, Map<String, Map<String, String>>> rows = new LinkedHashMap<>();
    for (String table : ROW_TABLES) {
      rows.put(table, rowsOf(jdbc, "select * from " + table + " order by ID_"));
    }
    return new DatabaseSnapshot(rows, counts(jdbc, dataSource), true);
  }

  /**
   * Cheap enough for every request: the rows of one process instance's tasks, variables, executions and jobs
   * (none when {@code processInstanceId} is null), and the number of instances, tasks, jobs and authorizations.
   * What else a request could change is left to a {@link #full} snapshot around many requests.
   */
  static DatabaseSnapshot ofInstance(JdbcClient jdbc, String processInstanceId) {
    Map<String, Map<String, Map<String, String>>> rows = new LinkedHashMap<>();
    if (processInstanceId != null) {
      for (String table : List.of("ACT_RU_TASK", "ACT_RU_VARIABLE", "ACT_RU_EXECUTION", "ACT_RU_JOB")) {
        String column = table.equals("ACT_RU_JOB") ? "PROCESS_INSTANCE_ID_" : "PROC_INST_ID_";
        rows.put(table, rowsOf(jdbc, "select * from " + table + " where " + column + " = ? order by ID_", processInstanceId));
      }
    }
    Map<String, Long> counts = new LinkedHashMap<>();
    for (String table : List.of("ACT_HI_PROCINST", "ACT_RU_TASK", "ACT_RU_JOB", "ACT_RU_AUTHORIZATION", "ACT_HI_OP_LOG")) {
      counts.put(table, count(jdbc, table));
    }
    return new DatabaseSnapshot(rows, counts, false);
  }

  /** What changed since {@code before}, in words (empty when nothing changed). */
  List<String> changesSince(DatabaseSnapshot before) {
    List<String> changes = new ArrayList<>();
    for (Map.Entry<String, Map<String, Map<String, String>>> table : rows.entrySet()) {
      Map<String, Map<String, String>> old = before.rows.getOrDefault(table.getKey(), Map.of());
      Map<String, Map<String, String>> now = table.getValue();
      List<String> removed = old.keySet().stream().filter(id -> !now.containsKey(id)).toList();
      List<String> added = now.keySet().stream().filter(id -> !old.containsKey(id)).toList();
      List<String> modified = new ArrayList<>();
      for (String id : now.keySet()) {
        if (old.containsKey(id) && !old.get(id).equals(now.get(id))) {
          List<String> columns = new ArrayList<>();
          now.get(id).forEach((column, value) -> {
            String previous = old.get(id).get(column);
            if (!value.equals(previous)) {
              columns.add(column + " " + shorten(previous) + " → " + shorten(value));
            }
          });
          modified.add(id + " (" + String.join(", ", columns) + ")");
        }
      }
      if (!removed.isEmpty() || !added.isEmpty() || !modified.isEmpty()) {
        StringBuilder change = new StringBuilder(table.getKey() + " :");
        if (!removed.isEmpty()) {
          change.append(" ").append(removed.size()).append(" ligne(s) supprimée(s) ").append(describe(old, removed));
        }
        if (!added.isEmpty()) {
          change.append(" ").append(added.size()).append(" ligne(s) ajoutée(s) ").append(describe(now, added));
        }
        if (!modified.isEmpty()) {
          change.append(" ").append(modified.size()).append(" ligne(s) modifiée(s) ").append(abbreviate(modified.toString()));
        }
        changes.add(change.toString());
      }
    }
    for (Map.Entry<String, Long> count : counts.entrySet()) {
      Long old = before.counts.get(count.getKey());
      if (!count.getValue().equals(old) && !(whole && rows.containsKey(count.getKey()))) {
        changes.add(count.getKey() + " : " + old + " → " + count.getValue() + " lignes");
      }
    }
    return changes;
  }

  /** A few telling columns of the first rows. */
  private static String describe(Map<String, Map<String, String>> rows, List<String> ids) {
    List<String> described = new ArrayList<>();
    for (String id : ids.subList(0, Math.min(3, ids.size()))) {
      Map<String, String> row = rows.get(id);
      List<String> telling = new ArrayList<>();
      for (String column : List.of("TASK_DEF_KEY_", "ACT_ID_", "NAME_", "TEXT_", "HANDLER_TYPE_", "RESOURCE_TYPE_", "RESOURCE_ID_",
          "GROUP_ID_", "USER_ID_", "ASSIGNEE_", "RETRIES_", "DUEDATE_", "PROC_DEF_KEY_", "BUSINESS_KEY_")) {
        if (row.get(column) != null && !row.get(column).equals("null")) {
          telling.add(column + "=" + row.get(column));
        }
      }
      described.add(abbreviate(String.join(" ", telling)));
    }
    return described + (ids.size() > 3 ? "…" : "");
  }

  private static String shorten(String value) {
    return value == null || value.length() <= 40 ? value : value.substring(0, 40) + "…";
  }

  private static String abbreviate(String text) {
    return text.length() > 600 ? text.substring(0, 600) + "…" : text;
  }

  private static Map<String, Map<String, String>> rowsOf(JdbcClient jdbc, String sql, Object... params) {
    Map<String, Map<String, String>> rows = new LinkedHashMap<>();
    jdbc.sql(sql).params(params).query((resultSet, rowNumber) -> {
      int columns = resultSet.getMetaData().getColumnCount();
      Map<String, String> row = new TreeMap<>();
      for (int column = 1; column <= columns; column++) {
        Object value = resultSet.getObject(column);
        row.put(resultSet.getMetaData().getColumnLabel(column).toUpperCase(Locale.ROOT),
            value instanceof byte[] bytes ? Arrays.toString(bytes) : String.valueOf(value));
      }
      return row;
    }).list().forEach(row -> rows.put(row.get("ID_"), row));
    return rows;
  }

  private static Map<String, Long> counts(JdbcClient jdbc, DataSource dataSource) {
    Map<String, Long> counts = new LinkedHashMap<>();
    for (String table : ROW_TABLES) {
      counts.put(table, count(jdbc, table));
    }
    for (String table : COUNTED_TABLES) {
      counts.put(table, count(jdbc, table));
    }
    for (String table : applicationTables(dataSource)) {
      counts.put(table, count(jdbc, table));
    }
    return counts;
  }

  private static long count(JdbcClient jdbc, String table) {
    return jdbc.sql("select count(*) from " + table).query(Long.class).single();
  }

  private static List<String> applicationTablesCache;

  /** The application's own tables (Flyway's), whatever they are: not the engine's, not Flyway's history. */
  private static synchronized List<String> applicationTables(DataSource dataSource) {
    if (applicationTablesCache == null) {
      List<String> tables = new ArrayList<>();
      try (Connection connection = dataSource.getConnection()) {
        DatabaseMetaData metaData = connection.getMetaData();
        String schema = connection.getSchema();
        try (ResultSet resultSet = metaData.getTables(null, schema, "%", new String[] {"TABLE"})) {
          while (resultSet.next()) {
            String name = resultSet.getString("TABLE_NAME");
            String upper = name.toUpperCase(Locale.ROOT);
            if (!upper.startsWith("ACT_") && !upper.startsWith("FLYWAY")) {
              tables.add(name);
            }
          }
        }
      } catch (SQLException e) {
        throw new IllegalStateException(e);
      }
      if (tables.isEmpty()) {
        throw new AssertionError("No application table found");
      }
      applicationTablesCache = List.copyOf(tables);
    }
    return applicationTablesCache;
  }
}
