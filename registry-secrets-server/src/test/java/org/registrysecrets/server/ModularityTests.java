package org.registrysecrets.server;

import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModules;
import org.springframework.modulith.docs.Documenter;

/** The feature packages are modules: no cycles, no reaching into another module's internals. */
class ModularityTests {

  private final ApplicationModules modules =
      ApplicationModules.of(RegistrySecretsApplication.class);

  @Test
  void verifiesModuleStructure() {
    modules.verify();
  }

  @Test
  void writesModuleDocumentation() {
    new Documenter(modules).writeModulesAsPlantUml().writeIndividualModulesAsPlantUml();
  }
}
