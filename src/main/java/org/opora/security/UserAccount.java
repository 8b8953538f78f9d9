package org.opora.security;

import org.opora.platform.auth.Role;
import org.opora.platform.auth.Scope;

import java.util.Set;

/** A stored login. The password hash never leaves the security package. */
public record UserAccount(String username, String displayName, Set<Role> roles, Scope scope) {
}
