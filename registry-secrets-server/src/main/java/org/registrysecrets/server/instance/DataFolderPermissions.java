package org.registrysecrets.server.instance;

import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Once the database and the keys exist, makes every file of the data folder owner-only (the folder
 * itself is owner-only from the start, so nothing was readable by others in between).
 */
@Component
class DataFolderPermissions {

  private final DataDirectory dataDirectory;

  DataFolderPermissions(DataDirectory dataDirectory) {
    this.dataDirectory = dataDirectory;
  }

  @EventListener(ApplicationReadyEvent.class)
  void restrict() {
    dataDirectory.restrictToOwner();
  }
}
