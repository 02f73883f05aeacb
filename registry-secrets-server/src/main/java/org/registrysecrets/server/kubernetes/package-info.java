/**
 * Kubernetes sync: every secret becomes a {@code kubernetes.io/dockerconfigjson} Secret in its
 * tenant's namespace and stays right (outbox delivery, periodic reconcile, one leader).
 */
@NullMarked
package org.registrysecrets.server.kubernetes;

import org.jspecify.annotations.NullMarked;
