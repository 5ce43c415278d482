package dev.workerhost.host.admin;

/** Every error the admin API answers with: what went wrong and what to do about it. */
record ErrorBody(String error, String hint) {
}
