package fr.manche.tna.platform.security;

import fr.manche.tna.platform.InvalidInputException;
import java.util.AbstractMap;
import java.util.Arrays;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.delegate.BaseDelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.camunda.bpm.engine.impl.el.Expression;
import org.camunda.bpm.engine.spring.SpringExpressionManager;
import org.springframework.context.ApplicationContext;

/**
 * The engine's expressions, reduced to what the models need.
 *
 * <ul>
 *   <li><b>Beans.</b> An expression of a model ({@code ${notifyConventionReviewers}}, {@code delegateExpression})
 *       reaches only the beans that models invoke: delegates and listeners ({@link JavaDelegate},
 *       {@link ExecutionListener}, {@link TaskListener}). The data source, repositories, {@code jdbcClient}
 *       and every other bean of the application are out of reach of any expression.
 *   <li><b>Queries.</b> An expression evaluated without a variable scope is one carried by a query. A caller's
 *       own query carries none ({@link CallerCommandGuard} refuses it before it runs); what remains are stored
 *       filters (created by administrators), whose expressions the engine evaluates only if they are exactly one
 *       of {@link #QUERY_EXPRESSIONS} (the current user and their groups, what Tasklist's default filters use),
 *       at any depth ({@code orQueries} included); literal text, which evaluates to itself, is harmless.
 *       Anything else is refused before evaluation.
 * </ul>
 */
final class ModelExpressionManager extends SpringExpressionManager {

  /** The only expressions a stored filter may carry. */
  static final Set<String> QUERY_EXPRESSIONS = Set.of("${currentUser()}", "${currentUserGroups()}");

  private static final Set<Class<?>> MODEL_BEAN_TYPES = Set.of(JavaDelegate.class, ExecutionListener.class, TaskListener.class);

  ModelExpressionManager(ApplicationContext applicationContext) {
    super(applicationContext, new ModelBeans(() -> modelBeanNames(applicationContext), applicationContext));
  }

  @Override
  public Expression createExpression(String expression) {
    Expression parsed = super.createExpression(expression);
    boolean harmless = parsed.isLiteralText() || QUERY_EXPRESSIONS.contains(expression.trim());
    return harmless ? parsed : new NoQueryExpression(parsed);
  }

  private static Set<String> modelBeanNames(ApplicationContext context) {
    return MODEL_BEAN_TYPES.stream()
        .flatMap(type -> Arrays.stream(context.getBeanNamesForType(type, false, false)))
        .collect(Collectors.toUnmodifiableSet());
  }

  /**
   * The beans models may name, looked up in the application context on use (the delegates depend on the
   * engine, which is built before them). Read-only.
   */
  private static final class ModelBeans extends AbstractMap<Object, Object> {
    private final Supplier<Set<String>> names;
    private final ApplicationContext context;
    private volatile Set<String> known;

    ModelBeans(Supplier<Set<String>> names, ApplicationContext context) {
      this.names = names;
      this.context = context;
    }

    private Set<String> names() {
      Set<String> result = known;
      if (result == null) {
        result = names.get();
        known = result;
      }
      return result;
    }

    @Override
    public boolean containsKey(Object key) {
      return key instanceof String name && names().contains(name);
    }

    @Override
    public Object get(Object key) {
      return containsKey(key) ? context.getBean((String) key) : null;
    }

    @Override
    public Set<Entry<Object, Object>> entrySet() {
      return names().stream()
          .map(name -> (Entry<Object, Object>) new SimpleImmutableEntry<Object, Object>(name, context.getBean(name)))
          .collect(Collectors.toUnmodifiableSet());
    }
  }

  /** An expression that a model may evaluate (with its execution or task) but a query may not. */
  private record NoQueryExpression(Expression parsed) implements Expression {

    @Override
    public Object getValue(VariableScope variableScope) {
      refuseWithoutScope(variableScope);
      return parsed.getValue(variableScope);
    }

    @Override
    public Object getValue(VariableScope variableScope, BaseDelegateExecution contextExecution) {
      refuseWithoutScope(variableScope);
      return parsed.getValue(variableScope, contextExecution);
    }

    @Override
    public void setValue(Object value, VariableScope variableScope) {
      refuseWithoutScope(variableScope);
      parsed.setValue(value, variableScope);
    }

    @Override
    public void setValue(Object value, VariableScope variableScope, BaseDelegateExecution contextExecution) {
      refuseWithoutScope(variableScope);
      parsed.setValue(value, variableScope, contextExecution);
    }

    @Override
    public String getExpressionText() {
      return parsed.getExpressionText();
    }

    @Override
    public boolean isLiteralText() {
      return parsed.isLiteralText();
    }

    private static void refuseWithoutScope(VariableScope variableScope) {
      if (variableScope == null) {
        throw new InvalidInputException(
            "Les expressions sont interdites dans les requêtes et les filtres, sauf ${currentUser()} et ${currentUserGroups()}.");
      }
    }
  }
}
