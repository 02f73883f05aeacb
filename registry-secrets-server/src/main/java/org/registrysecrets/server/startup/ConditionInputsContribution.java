package org.registrysecrets.server.startup;

import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.aot.BeanFactoryInitializationAotContribution;
import org.springframework.beans.factory.aot.BeanFactoryInitializationAotProcessor;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.core.env.ConfigurableEnvironment;

/**
 * Writes what the conditions read during the build ({@link ConditionInputs#RESOURCE}) beside Spring
 * AOT's generated classes, once the bean definitions are fixed.
 */
class ConditionInputsContribution implements BeanFactoryInitializationAotProcessor {

  @Override
  public @Nullable BeanFactoryInitializationAotContribution processAheadOfTime(
      ConfigurableListableBeanFactory beanFactory) {
    ConfigurableEnvironment environment = beanFactory.getBean(ConfigurableEnvironment.class);
    if (!(environment.getPropertySources().get(ConditionInputRecorder.NAME)
        instanceof ConditionInputRecorder recorder)) {
      throw new IllegalStateException("The condition inputs were not recorded");
    }
    ClassLoader loader = beanFactory.getBeanClassLoader();
    String text =
        ConditionInputs.of(
                recorder.names(),
                environment,
                loader == null ? ConditionInputs.class.getClassLoader() : loader)
            .text();
    return (generation, code) ->
        generation.getGeneratedFiles().addResourceFile(ConditionInputs.RESOURCE, text);
  }
}
