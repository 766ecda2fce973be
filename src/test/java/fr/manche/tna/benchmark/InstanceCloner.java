package fr.manche.tna.benchmark;

import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.sql.DataSource;

/**
 * Copies, on PostgreSQL, every row that one real process instance (the template) left in the engine's tables
 * (runtime, history, authorizations, byte arrays) and the application's {@code communication_request}, as
 * many times as asked, in a few {@code INSERT ... SELECT} statements. A copy is the template with every id
 * that belongs to the template instance (its own, its executions', tasks', activity instances', jobs',
 * variables'...) replaced by a new one derived from it and the copy's number; whatever is shared (process definition, users, groups, permissions)
 * is kept. So a copy carries exactly the grants the real process gave the template, for the same group.
 *
 * <p>Creating 50,000 instances through the engine takes far longer than this machine allows; {@link
 * MemberListsSection} checks that a copy is read, continued and cleaned up by the engine as a real instance is.
 */
final class InstanceCloner {

  /** Columns that hold ids of things that belong to one process instance. */
  private static final Set<String> LOCAL_ID_COLUMNS =
      Set.of(
          "id_", "proc_inst_id_", "process_instance_id_", "root_proc_inst_id_", "execution_id_", "act_inst_id_",
          "parent_act_inst_id_", "task_id_", "parent_task_id_", "job_id_", "bytearray_id_", "var_inst_id_",
          "parent_id_", "super_exec_", "exception_stack_id_", "job_exception_stack_id_", "var_scope_",
          "process_instance_id");

  /** Shared or aggregated tables: never copied. */
  private static final Set<String> SKIPPED =
      Set.of("act_ru_meter_log", "act_ru_task_meter_log", "act_ge_property", "act_ge_schema_log");

  /**
   * The id of copy number {@code g} of the local id {@code {id}}: the UUID at its end replaced by one derived from
   * it and the copy's number (same length: activity instance ids fill their 64 characters).
   */
  private static final String NEW_ID =
      "(left({id}, length({id}) - 36) || cast(cast(md5(right({id}, 36) || '-' || g) as uuid) as varchar))";

  private final DataSource dataSource;
  private final Map<String, List<Column>> columns = new LinkedHashMap<>();
  /** The templates (which never change once copied). */
  private final Map<String, Template> templates = new java.util.HashMap<>();

  record Column(String name, boolean text) {}

  /** A template instance: its local ids and the ids of its rows, by table. */
  record Template(Set<String> localIds, Map<String, List<Object>> rows) {}

  InstanceCloner(DataSource dataSource) throws SQLException {
    this.dataSource = dataSource;
    try (Connection connection = dataSource.getConnection();
        PreparedStatement query =
            connection.prepareStatement(
                """
                select table_name, column_name, data_type from information_schema.columns
                where table_schema = current_schema() and (table_name like 'act\\_%' or table_name = 'communication_request')
                order by table_name, ordinal_position
                """);
        ResultSet rows = query.executeQuery()) {
      while (rows.next()) {
        String table = rows.getString(1);
        if (SKIPPED.contains(table) || table.startsWith("act_re_") || table.startsWith("act_id_")) {
          continue;
        }
        String type = rows.getString(3);
        columns.computeIfAbsent(table, t -> new ArrayList<>())
            .add(new Column(rows.getString(2), type.contains("char") || type.equals("text")));
      }
    }
    // Referenced tables first (foreign keys).
    for (String referenced : List.of("act_ru_task", "act_ru_execution", "act_ge_bytearray")) {
      List<Column> moved = columns.remove(referenced);
      Map<String, List<Column>> reordered = new LinkedHashMap<>();
      reordered.put(referenced, moved);
      reordered.putAll(columns);
      columns.clear();
      columns.putAll(reordered);
    }
  }

  /** The ids that belong to the instance: its rows' ids and the local ids they name. */
  Set<String> localIds(Connection connection, String instanceId) throws SQLException {
    Set<String> ids = new LinkedHashSet<>();
    ids.add(instanceId);
    for (int pass = 0; pass < 5; pass++) {
      int before = ids.size();
      collectLocalIds(connection, ids);
      if (ids.size() == before) {
        break;
      }
    }
    return ids;
  }

  private void collectLocalIds(Connection connection, Set<String> ids) throws SQLException {
    for (var table : columns.entrySet()) {
      String where = belongsTo(table.getKey(), table.getValue());
      if (where == null) {
        continue;
      }
      List<String> local =
          table.getValue().stream().filter(c -> c.text() && LOCAL_ID_COLUMNS.contains(c.name())).map(Column::name).toList();
      if (local.isEmpty()) {
        continue;
      }
      try (PreparedStatement query =
          connection.prepareStatement("select " + String.join(", ", local) + " from " + table.getKey() + " where " + where.replace("$", ""))) {
        bind(connection, query, ids, 1);
        try (ResultSet rows = query.executeQuery()) {
          while (rows.next()) {
            for (int i = 1; i <= local.size(); i++) {
              String value = rows.getString(i);
              if (value != null) {
                ids.add(value);
              }
            }
          }
        }
      }
    }
  }

  private Template template(Connection connection, String instanceId) throws SQLException {
    Set<String> ids = localIds(connection, instanceId);
    Map<String, List<Object>> rows = new LinkedHashMap<>();
    for (var table : columns.entrySet()) {
      String where = belongsTo(table.getKey(), table.getValue());
      if (where == null) {
        continue;
      }
      boolean business = table.getKey().equals("communication_request");
      try (PreparedStatement query =
          connection.prepareStatement("select " + (business ? "id" : "id_") + " from " + table.getKey() + " where " + where.replace("$", ""))) {
        bind(connection, query, ids, 1);
        try (ResultSet result = query.executeQuery()) {
          while (result.next()) {
            rows.computeIfAbsent(table.getKey(), t -> new ArrayList<>()).add(result.getObject(1));
          }
        }
      }
    }
    return new Template(ids, rows);
  }

  /** Rows of the template instance in each table (to compare a copy with a real instance). */
  Map<String, Integer> rowCounts(String instanceId) throws SQLException {
    Map<String, Integer> counts = new LinkedHashMap<>();
    try (Connection connection = dataSource.getConnection()) {
      Set<String> ids = localIds(connection, instanceId);
      for (var table : columns.entrySet()) {
        String where = belongsTo(table.getKey(), table.getValue());
        if (where == null) {
          continue;
        }
        try (PreparedStatement query = connection.prepareStatement("select count(*) from " + table.getKey() + " where " + where.replace("$", ""))) {
          bind(connection, query, ids, 1);
          try (ResultSet rows = query.executeQuery()) {
            rows.next();
            if (rows.getInt(1) > 0) {
              counts.put(table.getKey(), rows.getInt(1));
            }
          }
        }
      }
    }
    return counts;
  }

  /**
   * Copies the template instance {@code copies} times, as copies number {@code from} to {@code from + copies -
   * 1}; copy n of an id is always the same.
   *
   * @return the ids of the new process instances
   */
  List<String> copy(String instanceId, int from, int copies) throws SQLException {
    if (copies <= 0) {
      return List.of();
    }
    try (Connection connection = dataSource.getConnection()) {
      connection.setAutoCommit(false);
      Template template = templates.get(instanceId);
      if (template == null) {
        template = template(connection, instanceId);
        templates.put(instanceId, template);
      }
      Array localIds = connection.createArrayOf("varchar", template.localIds().toArray());
      for (var rows : template.rows().entrySet()) {
        String table = rows.getKey();
        boolean business = table.equals("communication_request");
        List<String> names = new ArrayList<>();
        List<String> values = new ArrayList<>();
        for (Column column : columns.get(table)) {
          if (business && column.name().equals("id")) {
            continue;
          }
          names.add(column.name());
          values.add(
              column.text()
                  ? "case when t." + column.name() + " = any(?) then " + NEW_ID.replace("{id}", "t." + column.name()) + " else t." + column.name() + " end"
                  : "t." + column.name());
        }
        String sql =
            "insert into " + table + " (" + String.join(", ", names) + ") select " + String.join(", ", values)
                + " from " + table + " t cross join generate_series(?, ?) g where t." + (business ? "id" : "id_") + " = any(?)";
        try (PreparedStatement insert = connection.prepareStatement(sql)) {
          int index = 1;
          for (Column column : columns.get(table)) {
            if (column.text()) {
              insert.setArray(index++, localIds);
            }
          }
          insert.setInt(index++, from);
          insert.setInt(index++, from + copies - 1);
          insert.setArray(index, connection.createArrayOf(business ? "bigint" : "varchar", rows.getValue().toArray()));
          insert.executeUpdate();
        }
      }
      List<String> created = new ArrayList<>();
      try (PreparedStatement ids2 =
          connection.prepareStatement("select " + NEW_ID.replace("{id}", "cast(? as varchar)") + " from generate_series(?, ?) g")) {
        ids2.setString(1, instanceId);
        ids2.setString(2, instanceId);
        ids2.setString(3, instanceId);
        ids2.setInt(4, from);
        ids2.setInt(5, from + copies - 1);
        try (ResultSet rows = ids2.executeQuery()) {
          while (rows.next()) {
            created.add(rows.getString(1));
          }
        }
      }
      // The copy's business row has its own id: the process variable "requestId" names it.
      Array createdIds = connection.createArrayOf("varchar", created.toArray());
      for (String table : List.of("act_ru_variable", "act_hi_varinst", "act_hi_detail")) {
        try (PreparedStatement update =
            connection.prepareStatement(
                "update " + table + " v set long_ = c.id, text_ = cast(c.id as varchar) from communication_request c"
                    + " where v.name_ = 'requestId' and v.proc_inst_id_ = c.process_instance_id and v.proc_inst_id_ = any(?)")) {
          update.setArray(1, createdIds);
          update.executeUpdate();
        }
      }
      connection.commit();
      return created;
    }
  }

  /** The instance's authorizations, ids left out: type, group or user, resource type, permissions. */
  List<String> authorizationShape(String instanceId) throws SQLException {
    List<String> shape = new ArrayList<>();
    try (Connection connection = dataSource.getConnection()) {
      Set<String> ids = localIds(connection, instanceId);
      try (PreparedStatement query =
          connection.prepareStatement(
              "select type_, coalesce(group_id_, 'user:' || user_id_), resource_type_, perms_ from act_ru_authorization"
                  + " where resource_id_ = any(?) or root_proc_inst_id_ = any(?) order by 1, 2, 3, 4")) {
        bind(connection, query, ids, 1);
        try (ResultSet rows = query.executeQuery()) {
          while (rows.next()) {
            shape.add(rows.getInt(1) + " " + rows.getString(2) + " " + rows.getInt(3) + " " + rows.getInt(4));
          }
        }
      }
    }
    return shape;
  }

  /** Condition selecting the rows of the instance whose local ids are the parameter (an array); null: none. */
  private static String belongsTo(String table, List<Column> tableColumns) {
    Set<String> names = new LinkedHashSet<>();
    tableColumns.forEach(c -> names.add(c.name()));
    if (table.equals("communication_request")) {
      return "$process_instance_id = any(?)";
    }
    if (table.equals("act_ru_authorization")) {
      return "($resource_id_ = any(?) or $root_proc_inst_id_ = any(?))";
    }
    if (table.equals("act_ge_bytearray")) {
      return "$id_ = any(?)";
    }
    if (table.equals("act_ru_identitylink")) {
      return "$task_id_ = any(?)";
    }
    List<String> conditions = new ArrayList<>();
    for (String column : List.of("proc_inst_id_", "process_instance_id_", "root_proc_inst_id_")) {
      if (names.contains(column)) {
        conditions.add("$" + column + " = any(?)");
      }
    }
    return conditions.isEmpty() ? null : "(" + String.join(" or ", conditions) + ")";
  }

  private static void bind(Connection connection, PreparedStatement statement, Set<String> ids, int from) throws SQLException {
    int parameters = statement.getParameterMetaData().getParameterCount();
    Array array = connection.createArrayOf("varchar", ids.toArray());
    for (int i = from; i <= parameters; i++) {
      statement.setArray(i, array);
    }
  }
}
