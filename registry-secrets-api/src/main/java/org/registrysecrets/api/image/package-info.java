/** Image references as Docker and the kubelet read them, and which registry key serves one. */
@NullMarked
package org.registrysecrets.api.image;

import org.jspecify.annotations.NullMarked;
