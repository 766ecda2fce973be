package fr.manche.tna.membership;

import fr.manche.tna.membership.AccountService;
import fr.manche.tna.membership.Organisation;
import fr.manche.tna.membership.OrganisationRepository;
import fr.manche.tna.membership.Person;
import fr.manche.tna.platform.process.CommonVariables;
import fr.manche.tna.platform.security.StaffGroup;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.cfg.multitenancy.TenantIdProvider;
import org.camunda.bpm.engine.impl.cfg.multitenancy.TenantIdProviderCaseInstanceContext;
import org.camunda.bpm.engine.impl.cfg.multitenancy.TenantIdProviderHistoricDecisionInstanceContext;
import org.camunda.bpm.engine.impl.cfg.multitenancy.TenantIdProviderProcessInstanceContext;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.interceptor.CommandInterceptor;
import org.camunda.bpm.engine.variable.VariableMap;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * One Camunda tenant per member organisation (README, "Isolation: how it works"): every process instance about
 * an organisation belongs to its tenant, whose only member is the organisation's group, so that the engine
 * shows a member's people the instances of their organisation only, with a filter on the indexed {@code
 * TENANT_ID_} column of each table; the process definitions stay shared (no tenant). The département's staff
 * work for every organisation: the tenant check does not apply to them (as it does not to administrators).
 *
 * <p>The tenant of a new instance, in this order: the calling instance's (a called process, e.g. a signature);
 * the organisation of the member who starts it (members act for their organisation only); the organisation
 * named by the start variable {@link CommonVariables#ORGANISATION_ID} (processes started by the
 * application) or {@link CommonVariables#SIRET} (staff's start forms); otherwise the département's own tenant
 * {@value #DEPARTMENT_TENANT} (the staff's own processes, such as an application from an organisation not
 * registered yet). No instance is left without a tenant: the engine shows an instance without one to every
 * tenant, so that a grant on its process would open it to every member. {@link InstanceGrants#letGroupRead}
 * checks the tenant before an organisation's people may read an instance.
 */
@Component
public class OrganisationTenants extends AbstractProcessEnginePlugin implements TenantIdProvider {

  /** The tenant of the instances about no organisation: no member belongs to it. */
  public static final String DEPARTMENT_TENANT = "departement";

  private static final Set<String> STAFF =
      Arrays.stream(StaffGroup.values()).map(StaffGroup::groupId).collect(Collectors.toUnmodifiableSet());

  // Looked up when first needed: the engine is built before the application's beans.
  private final ObjectProvider<OrganisationRepository> organisations;
  private final ObjectProvider<AccountService> accounts;

  OrganisationTenants(ObjectProvider<OrganisationRepository> organisations, ObjectProvider<AccountService> accounts) {
    this.organisations = organisations;
    this.accounts = accounts;
  }

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    configuration.setTenantIdProvider(this);
    configuration.setCustomPostCommandInterceptorsTxRequired(
        withStaffInterceptor(configuration.getCustomPostCommandInterceptorsTxRequired()));
    configuration.setCustomPostCommandInterceptorsTxRequiresNew(
        withStaffInterceptor(configuration.getCustomPostCommandInterceptorsTxRequiresNew()));
  }

  @Override
  public String provideTenantIdForProcessInstance(TenantIdProviderProcessInstanceContext context) {
    if (context.getSuperExecution() != null) {
      return context.getSuperExecution().getTenantId();
    }
    return organisationOf(context.getVariables()).map(Organisation::tenantId).orElse(DEPARTMENT_TENANT);
  }

  @Override
  public String provideTenantIdForCaseInstance(TenantIdProviderCaseInstanceContext context) {
    return null;
  }

  @Override
  public String provideTenantIdForHistoricDecisionInstance(TenantIdProviderHistoricDecisionInstanceContext context) {
    DelegateExecution execution = context.getExecution();
    return execution != null ? execution.getTenantId() : null;
  }

  private Optional<Organisation> organisationOf(VariableMap variables) {
    Authentication authentication = Context.getCommandContext().getAuthentication();
    if (authentication != null && authentication.getUserId() != null) {
      Optional<Person> member = accounts.getObject().personOfUser(authentication.getUserId()).filter(Person::active);
      if (member.isPresent()) {
        return organisations.getObject().findById(member.get().organisationId());
      }
    }
    Optional<Long> organisationId = CommonVariables.ORGANISATION_ID.getOptional(variables);
    if (organisationId.isPresent()) {
      return organisations.getObject().findById(organisationId.get());
    }
    Optional<String> siret = CommonVariables.SIRET.getOptional(variables);
    if (siret.isPresent()) {
      return organisations.getObject().findBySiret(siret.get().replaceAll("\\s", ""));
    }
    return Optional.empty();
  }

  private static List<CommandInterceptor> withStaffInterceptor(List<CommandInterceptor> interceptors) {
    List<CommandInterceptor> all = interceptors == null ? new ArrayList<>() : new ArrayList<>(interceptors);
    all.add(new StaffSeeEveryOrganisation());
    all.add(new OtherOrganisationsRefused());
    return all;
  }

  /**
   * A command on another organisation's data is refused as any unauthorized command is (the REST API answers
   * 403), not as an engine failure (500): the engine's tenant check throws a plain {@link
   * ProcessEngineException}.
   */
  static class OtherOrganisationsRefused extends CommandInterceptor {

    private static final Pattern TENANT_REFUSAL = Pattern.compile("ENGINE-\\d+ Cannot .* because it belongs to no authenticated tenant\\.");

    @Override
    public <T> T execute(Command<T> command) {
      try {
        return next.execute(command);
      } catch (ProcessEngineException e) {
        if (e.getClass() == ProcessEngineException.class && e.getMessage() != null && TENANT_REFUSAL.matcher(e.getMessage()).matches()) {
          throw new AuthorizationException("Ces données appartiennent à une autre organisation du réseau.");
        }
        throw e;
      }
    }
  }

  /** The tenant check does not apply to a command run for someone of the département's staff. */
  static class StaffSeeEveryOrganisation extends CommandInterceptor {

    @Override
    public <T> T execute(Command<T> command) {
      CommandContext commandContext = Context.getCommandContext();
      Authentication authentication = commandContext.getAuthentication();
      if (authentication != null && authentication.getGroupIds() != null
          && authentication.getGroupIds().stream().anyMatch(STAFF::contains)) {
        commandContext.disableTenantCheck();
      }
      return next.execute(command);
    }
  }
}
