package org.opora.security;

/** What a login check needs; stays inside the security package with the hash. */
record LoginCredentials(UserAccount account, String passwordHash, boolean enabled, String securityStamp) {
}
