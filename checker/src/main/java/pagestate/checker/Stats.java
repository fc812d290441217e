package pagestate.checker;

/**
 * Figures of one run.
 *
 * @param distinctStates      distinct states stored
 * @param transitions         transitions generated (successors reported, including already-seen states)
 * @param maxDepth            deepest BFS level reached
 * @param seconds             wall time of the exploration
 * @param bytesPerState       the most memory the safety search held at once (visited set, trace data,
 *                            frontiers, candidate and sort buffers) divided by distinct states
 * @param collisionProbability estimated probability that a fingerprint collision hid a state (0 in exact mode)
 * @param threads             worker threads used
 * @param mode                "fingerprint" or "exact"
 */
public record Stats(long distinctStates, long transitions, int maxDepth, double seconds, double bytesPerState,
                    double collisionProbability, int threads, String mode) {

    public double statesPerSecond() {
        return seconds > 0 ? distinctStates / seconds : 0;
    }
}
