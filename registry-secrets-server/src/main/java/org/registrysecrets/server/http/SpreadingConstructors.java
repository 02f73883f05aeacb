package org.registrysecrets.server.http;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.lang.reflect.Constructor;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.BeanDescription;
import tools.jackson.databind.DeserializationConfig;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.deser.ValueInstantiator;
import tools.jackson.databind.deser.ValueInstantiators;
import tools.jackson.databind.deser.std.StdValueInstantiator;
import tools.jackson.databind.introspect.AnnotatedConstructor;
import tools.jackson.databind.module.SimpleModule;

/**
 * Request bodies are records, which Jackson 3 (3.1) builds through a constructor's {@code
 * MethodHandle.invokeWithArguments}: that adapts the handle to the argument array again on every
 * call, 3.8% of a create's CPU. This module gives each such constructor a handle adapted once,
 * called with {@code invokeExact}; errors are reported as Jackson reports them.
 */
final class SpreadingConstructors extends SimpleModule {

  SpreadingConstructors() {
    super("spreading-constructors");
  }

  @Override
  public void setupModule(SetupContext context) {
    super.setupModule(context);
    context.addValueInstantiators(new Instantiators());
  }

  private static final class Instantiators implements ValueInstantiators {

    @Override
    public @Nullable ValueInstantiator findValueInstantiator(
        DeserializationConfig config, BeanDescription.Supplier bean) {
      return null;
    }

    @Override
    public ValueInstantiator modifyValueInstantiator(
        DeserializationConfig config,
        BeanDescription.Supplier bean,
        ValueInstantiator instantiator) {
      if (instantiator.getClass() == StdValueInstantiator.class
          && instantiator.getWithArgsCreator() instanceof AnnotatedConstructor creator) {
        try {
          return new Spreading((StdValueInstantiator) instantiator, creator.getAnnotated());
        } catch (IllegalAccessException e) {
          return instantiator; // Jackson's own call path still works
        }
      }
      return instantiator;
    }
  }

  private static final class Spreading extends StdValueInstantiator {

    /** {@code (Object[]) -> Object}, built once. */
    private final MethodHandle constructor;

    Spreading(StdValueInstantiator jacksons, Constructor<?> constructor)
        throws IllegalAccessException {
      super(jacksons);
      // Jackson made the constructor accessible where its settings allow; unreflect honours that.
      this.constructor =
          MethodHandles.lookup()
              .unreflectConstructor(constructor)
              .asSpreader(Object[].class, constructor.getParameterCount())
              .asType(MethodType.methodType(Object.class, Object[].class));
    }

    @Override
    public Object createFromObjectWith(DeserializationContext context, Object[] arguments) {
      try {
        return (Object) constructor.invokeExact(arguments);
      } catch (Error e) {
        throw e;
      } catch (Throwable e) {
        return context.handleInstantiationProblem(
            getValueClass(), arguments, rewrapCtorProblem(context, e));
      }
    }
  }
}
