package fr.manche.tna.platform.forms;

import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.variable.serializer.TypedValueSerializer;
import org.springframework.stereotype.Component;

/**
 * Gives the engine its serializer for {@code application/json} object values ({@link PlainJsonSerializer}),
 * so that the options of a task form's {@code valuesKey} field ({@link FormOptions}) can be stored and read as
 * Tasklist expects them.
 */
@Component
class PlainJsonSerializerPlugin extends AbstractProcessEnginePlugin {

  @Override
  @SuppressWarnings({"rawtypes", "unchecked"})
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    List<TypedValueSerializer> serializers = new ArrayList<>();
    if (configuration.getCustomPreVariableSerializers() != null) {
      serializers.addAll(configuration.getCustomPreVariableSerializers());
    }
    serializers.add(new PlainJsonSerializer());
    configuration.setCustomPreVariableSerializers(serializers);
  }
}
