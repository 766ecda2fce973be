package fr.manche.tna.benchmark;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Rows and bytes of every table, by family: the engine's runtime ({@code ACT_RU_*}), its history ({@code ACT_HI_*}),
 * its shared tables ({@code ACT_GE_*}: byte arrays of variables, history and deployments) and the application's own
 * tables. Rows are counted exactly; bytes are PostgreSQL's size of each table with its indexes and TOAST.
 */
final class Footprint {

  enum Family { RUNTIME, HISTORY, SHARED, APPLICATION }

  record Count(long rows, long bytes) {

    Count minus(Count before) {
      return new Count(rows - before.rows, bytes - before.bytes);
    }
  }

  private final JdbcClient jdbc;

  Footprint(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /** Rows of each table. */
  Map<String, Long> rowsByTable() {
    Map<String, Long> rows = new LinkedHashMap<>();
    for (String table : tables()) {
      rows.put(table, jdbc.sql("select count(*) from " + table).query(Long.class).single());
    }
    return rows;
  }

  private List<String> tables() {
    return jdbc.sql("""
        select tablename from pg_tables where schemaname = 'public' and tablename <> 'flyway_schema_history'
        order by tablename
        """).query(String.class).list();
  }

  Map<Family, Count> measure() {
    List<String> tables = tables();
    Map<Family, Count> counts = new LinkedHashMap<>();
    for (Family family : Family.values()) {
      counts.put(family, new Count(0, 0));
    }
    for (String table : tables) {
      long rows = jdbc.sql("select count(*) from " + table).query(Long.class).single();
      long bytes = jdbc.sql("select pg_total_relation_size(?::regclass)").param(table).query(Long.class).single();
      Family family = familyOf(table);
      Count sum = counts.get(family);
      counts.put(family, new Count(sum.rows() + rows, sum.bytes() + bytes));
    }
    return counts;
  }

  /** Rows of the history tables (and history byte arrays) that belong to these root process instances. */
  long historyRowsOf(String rootInstancesSql) {
    List<String> tables = jdbc.sql("""
        select c.table_name from information_schema.columns c
        where c.table_schema = 'public' and c.column_name = 'root_proc_inst_id_'
          and (c.table_name like 'act_hi_%' or c.table_name = 'act_ge_bytearray')
        """).query(String.class).list();
    long rows = 0;
    for (String table : tables) {
      rows += jdbc.sql("select count(*) from " + table + " where root_proc_inst_id_ in (" + rootInstancesSql + ")")
          .query(Long.class).single();
    }
    return rows;
  }

  static Family familyOf(String table) {
    String name = table.toLowerCase();
    if (name.startsWith("act_ru_")) {
      return Family.RUNTIME;
    }
    if (name.startsWith("act_hi_")) {
      return Family.HISTORY;
    }
    if (name.startsWith("act_")) {
      return Family.SHARED;
    }
    return Family.APPLICATION;
  }
}
