package dev.workerhost.dist;

/** How a finished {@code bin/worker-host} process ended: its exit code, standard output and standard error. */
record CommandResult(int exitCode, String stdout, String stderr) {

    @Override
    public String toString() {
        return "exit " + exitCode + "\n--- stdout:\n" + stdout + "\n--- stderr:\n" + stderr;
    }
}
