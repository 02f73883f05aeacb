package org.registrysecrets.server.crypto.web;

import java.util.List;
import org.registrysecrets.api.wire.DataKeyInfo;
import org.registrysecrets.api.wire.DataKeyList;
import org.registrysecrets.server.crypto.DataKeys;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code /platform/v1/data-keys} (scope {@code registrysecrets.keys.manage}, the bootstrap key
 * only): the keys with the rows each seals; {@code POST …/rotate} makes a new primary key and the
 * server seals every row again in the background; {@code POST …/{id}/disable} retires an old key
 * once no row uses it.
 */
@RestController
@RequestMapping(path = "/platform/v1/data-keys", produces = MediaType.APPLICATION_JSON_VALUE)
class DataKeysController {

  private final DataKeys keys;

  DataKeysController(DataKeys keys) {
    this.keys = keys;
  }

  @GetMapping
  DataKeyList list() {
    // One count of the sealed tables: the rows still to re-seal are those of the other keys.
    List<DataKeys.Key> all = keys.keys();
    long primary = all.stream().filter(DataKeys.Key::primary).findFirst().orElseThrow().id();
    long toReseal = all.stream().filter(key -> !key.primary()).mapToLong(DataKeys.Key::rows).sum();
    return new DataKeyList(
        primary,
        toReseal,
        all.stream()
            .map(
                key ->
                    new DataKeyInfo(
                        key.id(),
                        key.enabled() ? "enabled" : "disabled",
                        key.primary(),
                        key.rows()))
            .toList());
  }

  @PostMapping("/rotate")
  ResponseEntity<DataKeyList> rotate() {
    keys.rotate();
    return ResponseEntity.status(HttpStatus.ACCEPTED).body(list());
  }

  @PostMapping("/{id}/disable")
  DataKeyList disable(@PathVariable long id) {
    keys.disable(id);
    return list();
  }
}
