package fr.manche.tna.membership;

import fr.manche.tna.membership.AccountService;
import fr.manche.tna.membership.Directory;
import fr.manche.tna.membership.Organisation;
import fr.manche.tna.membership.OrganisationRepository;
import fr.manche.tna.platform.security.StaffGroup;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.authorization.ProcessDefinitionPermissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * At every start, after {@link AuthorizationSetup}: every organisation with people has its tenant ({@link
 * OrganisationTenants}), and what earlier versions wrote is brought to today's shape, once (idempotent): an
 * instance that an organisation's group was granted per instance moves to that organisation's tenant, in every
 * table of the engine, and the per-instance grants go; per-task grants to staff who hold {@code *} grants go.
 */
@Component
@Order(2)
public class OrganisationTenantsSetup implements ApplicationRunner {

  private static final Logger LOG = LoggerFactory.getLogger(OrganisationTenantsSetup.class);

  /** A grant of one process instance, or of its history, to an organisation's group (earlier versions). */
  private static final String PER_INSTANCE_GRANT =
      "a.TYPE_ = 1 and a.RESOURCE_TYPE_ in (" + Resources.PROCESS_INSTANCE.resourceType() + ", "
          + Resources.HISTORIC_PROCESS_INSTANCE.resourceType() + ") and a.GROUP_ID_ is not null and a.GROUP_ID_ <> '"
          + AccountService.ALL_MEMBERS_GROUP + "' and a.RESOURCE_ID_ <> '*' and a.GROUP_ID_ in (select ID_ from ACT_ID_TENANT)";

  private final OrganisationRepository organisations;
  private final Directory directory;
  private final JdbcTemplate jdbc;
  private final TransactionTemplate transaction;

  OrganisationTenantsSetup(
      OrganisationRepository organisations, Directory directory, JdbcTemplate jdbc, TransactionTemplate transaction) {
    this.organisations = organisations;
    this.directory = directory;
    this.jdbc = jdbc;
    this.transaction = transaction;
  }

  @Override
  public void run(ApplicationArguments args) {
    for (Organisation organisation : organisations.findAll()) {
      if (organisation.memberGroupId() != null) {
        directory.ensureTenant(organisation.memberGroupId(), organisation.name());
      }
    }
    transaction.executeWithoutResult(status -> {
      moveEarlierInstancesToTheirTenant();
      moveTenantlessInstancesToTheDepartment();
      removeRedundantStaffTaskGrants();
    });
  }

  /** Instances granted per instance to an organisation's group (before tenants) join its tenant. */
  private void moveEarlierInstancesToTheirTenant() {
    String granted = "select a.RESOURCE_ID_ from ACT_RU_AUTHORIZATION a where " + PER_INSTANCE_GRANT;
    Integer earlier = jdbc.queryForObject("select count(*) from ACT_RU_AUTHORIZATION a where " + PER_INSTANCE_GRANT, Integer.class);
    if (earlier == null || earlier == 0) {
      return;
    }
    for (String[] table : tablesWithTenantAndInstance()) {
      jdbc.update("update " + table[0] + " set TENANT_ID_ = (select max(a.GROUP_ID_) from ACT_RU_AUTHORIZATION a where "
          + PER_INSTANCE_GRANT + " and a.RESOURCE_ID_ = " + table[0] + "." + table[1] + ") where TENANT_ID_ is null and "
          + table[1] + " in (" + granted + ")");
    }
    for (String[] links : new String[][] {{"ACT_RU_IDENTITYLINK", "ACT_RU_TASK"}, {"ACT_HI_IDENTITYLINK", "ACT_HI_TASKINST"}}) {
      jdbc.update("update " + links[0] + " set TENANT_ID_ = (select t.TENANT_ID_ from " + links[1] + " t where t.ID_ = "
          + links[0] + ".TASK_ID_) where TENANT_ID_ is null and TASK_ID_ in (select t.ID_ from " + links[1]
          + " t where t.PROC_INST_ID_ in (" + granted + "))");
    }
    jdbc.queryForList("select distinct PROC_DEF_KEY_ from ACT_HI_PROCINST where PROC_INST_ID_ in (" + granted + ")", String.class)
        .forEach(this::membersReadOwnInstancesOf);
    int removed = jdbc.update("delete from ACT_RU_AUTHORIZATION where ID_ in (select a.ID_ from ACT_RU_AUTHORIZATION a where "
        + PER_INSTANCE_GRANT + ")");
    LOG.info("Instances des organisations rattachées à leur tenant ; {} autorisations par instance retirées", removed);
  }

  /**
   * Instances earlier versions left without a tenant (the staff's own, about no organisation) join the
   * département's tenant, {@value OrganisationTenants#DEPARTMENT_TENANT}, as new ones do.
   */
  private void moveTenantlessInstancesToTheDepartment() {
    // Once done, never again: every new instance gets a tenant (two counts rather than an update of every table).
    if (!hasTenantless("ACT_RU_EXECUTION") && !hasTenantless("ACT_HI_PROCINST")) {
      return;
    }
    String department = OrganisationTenants.DEPARTMENT_TENANT;
    int moved = 0;
    for (String[] table : tablesWithTenantAndInstance()) {
      moved += jdbc.update("update " + table[0] + " set TENANT_ID_ = ? where TENANT_ID_ is null and " + table[1] + " is not null",
          department);
    }
    for (String[] links : new String[][] {{"ACT_RU_IDENTITYLINK", "ACT_RU_TASK"}, {"ACT_HI_IDENTITYLINK", "ACT_HI_TASKINST"}}) {
      moved += jdbc.update("update " + links[0] + " set TENANT_ID_ = ? where TENANT_ID_ is null and TASK_ID_ in (select t.ID_ from "
          + links[1] + " t where t.TENANT_ID_ = ?)", department, department);
    }
    if (moved > 0) {
      LOG.info("Instances sans organisation rattachées au tenant du Département : {} lignes", moved);
    }
  }

  private boolean hasTenantless(String table) {
    Integer count = jdbc.queryForObject("select count(*) from " + table + " where TENANT_ID_ is null", Integer.class);
    return count != null && count > 0;
  }

  private void membersReadOwnInstancesOf(String processKey) {
    int readOwn = ProcessDefinitionPermissions.READ_INSTANCE.getValue() | ProcessDefinitionPermissions.READ_HISTORY.getValue();
    List<Map<String, Object>> grant = jdbc.queryForList(
        "select ID_, PERMS_ from ACT_RU_AUTHORIZATION where TYPE_ = 1 and GROUP_ID_ = ? and RESOURCE_TYPE_ = ? and RESOURCE_ID_ = ?",
        AccountService.ALL_MEMBERS_GROUP, Resources.PROCESS_DEFINITION.resourceType(), processKey);
    if (grant.isEmpty()) {
      jdbc.update("insert into ACT_RU_AUTHORIZATION (ID_, REV_, TYPE_, GROUP_ID_, RESOURCE_TYPE_, RESOURCE_ID_, PERMS_)"
              + " values (?, 1, 1, ?, ?, ?, ?)",
          UUID.randomUUID().toString(), AccountService.ALL_MEMBERS_GROUP, Resources.PROCESS_DEFINITION.resourceType(), processKey,
          readOwn);
    } else {
      jdbc.update("update ACT_RU_AUTHORIZATION set PERMS_ = ?, REV_ = REV_ + 1 where ID_ = ?",
          ((Number) grant.get(0).get("PERMS_")).intValue() | readOwn, grant.get(0).get("ID_"));
    }
  }

  /** The engine's tables with a tenant and a process instance column: {table, instance column}. */
  private List<String[]> tablesWithTenantAndInstance() {
    List<Map<String, Object>> columns =
        jdbc.queryForList(
            "select upper(TABLE_NAME) as T, upper(COLUMN_NAME) as C from INFORMATION_SCHEMA.COLUMNS"
                + " where upper(TABLE_SCHEMA) = upper(current_schema) and upper(TABLE_NAME) like 'ACT\\_%' escape '\\'");
    Map<String, List<String>> byTable =
        columns.stream().collect(Collectors.groupingBy(c -> (String) c.get("T"), Collectors.mapping(c -> (String) c.get("C"), Collectors.toList())));
    return byTable.entrySet().stream()
        .filter(table -> table.getValue().contains("TENANT_ID_"))
        .flatMap(table -> Arrays.stream(new String[] {"PROC_INST_ID_", "PROCESS_INSTANCE_ID_"})
            .filter(table.getValue()::contains)
            .map(column -> new String[] {table.getKey(), column}))
        .toList();
  }

  /** Per-task grants to staff groups and their people, who hold {@code *} grants on tasks ({@link ScalableAuthorizations}). */
  private void removeRedundantStaffTaskGrants() {
    String staff = Arrays.stream(StaffGroup.values()).map(group -> "'" + group.groupId() + "'").collect(Collectors.joining(", "));
    int removed = jdbc.update(
        "delete from ACT_RU_AUTHORIZATION where TYPE_ = 1 and RESOURCE_TYPE_ in (?, ?) and RESOURCE_ID_ <> '*'"
            + " and (GROUP_ID_ in (" + staff + ") or USER_ID_ in (select USER_ID_ from ACT_ID_MEMBERSHIP where GROUP_ID_ in (" + staff + ")))",
        Resources.TASK.resourceType(), Resources.HISTORIC_TASK.resourceType());
    if (removed > 0) {
      LOG.info("{} autorisations par tâche du personnel retirées (il a déjà les autorisations « * »)", removed);
    }
  }
}
