/** {@code /platform/v1/audit-events}: a tenant's audit trail for holders of the audit scope. */
@NullMarked
package org.registrysecrets.server.audit.web;

import org.jspecify.annotations.NullMarked;
