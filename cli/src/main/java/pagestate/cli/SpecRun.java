package pagestate.cli;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.SortedMap;
import pagestate.checker.CheckResult;
import pagestate.checker.Checker;
import pagestate.checker.CheckerConfig;
import pagestate.model.ModelAction;
import pagestate.model.SystemModel;
import pagestate.specs.Spec;

/**
 * One spec explored: the spec, its system's model, the engine's result and the coverage counted while
 * exploring ({@code actorsFired} by actor index, {@code stepsFired} by the first converter's pc,
 * {@code kindsFired} by actor index and kind of action).
 */
record SpecRun<S, A extends ModelAction>(Spec spec, SystemModel<S, A> model, CheckResult<S, A> result,
                                         long[] actorsFired, long[] stepsFired,
                                         List<SortedMap<String, Long>> kindsFired) {

    /** Builds the spec's model (of whichever seed system it configures) and explores it under {@code config}. */
    static SpecRun<?, ?> run(Spec spec, CheckerConfig config) {
        return run(spec, spec.config().newModel(), config, System.nanoTime());
    }

    /**
     * As {@link #run(Spec, CheckerConfig)}, with {@code --max-seconds} counted from {@code startNanos} (when
     * the spec began to be read), so reading the spec and building its model count against the limit too.
     */
    static SpecRun<?, ?> run(Spec spec, CheckerConfig config, long startNanos) {
        return run(spec, spec.config().newModel(), config, startNanos);
    }

    private static <S, A extends ModelAction> SpecRun<S, A> run(Spec spec, SystemModel<S, A> model, CheckerConfig config,
                                                                long startNanos) {
        ModelSystem<S, A> system = new ModelSystem<>(model, new LinkedHashSet<>(spec.properties()));
        double bound = config.maxSeconds();
        if (bound <= 0) {
            return new SpecRun<>(spec, model, Checker.check(system, config), system.actorsFired(), system.stepsFired(),
                    system.kindsFired());
        }
        double spent = (System.nanoTime() - startNanos) / 1e9;
        // what is left of the bound (never 0, which would mean no limit)
        CheckResult<S, A> r = Checker.check(system, config.withMaxSeconds(Math.max(bound - spent, 1e-3)));
        String reason = r.stopReason();
        if (reason != null && reason.startsWith("max-seconds ")) {
            // the engine saw what was left; the user set the bound
            reason = "max-seconds " + (bound == Math.rint(bound) ? Long.toString((long) bound) : Double.toString(bound));
            r = new CheckResult<>(r.complete(), reason, r.properties(), r.stats());
        }
        return new SpecRun<>(spec, model, r, system.actorsFired(), system.stepsFired(), system.kindsFired());
    }
}
