/**
 * Renders the results of a pagestate run. Depends on no other pagestate module: the CLI fills in the
 * immutable records ({@link pagestate.reports.RunReport}, {@link pagestate.reports.SpecReport},
 * {@link pagestate.reports.RunStats}, {@link pagestate.reports.PropertyReport},
 * {@link pagestate.reports.TraceView} built with {@link pagestate.reports.TraceView#builder},
 * {@link pagestate.reports.TraceStep}) and hands them to the writers:
 * <ul>
 *   <li>{@link pagestate.reports.TextTrace#render} — text trace, 100 columns ({@code pagestate explain});</li>
 *   <li>{@link pagestate.reports.JsonReport#write} and {@link pagestate.reports.JunitXml#write};</li>
 *   <li>{@link pagestate.reports.HtmlReport#write} — under {@code --out DIR}: index.html, a page per spec
 *       and every counterexample as .txt, .dot, .svg and .png ({@link pagestate.reports.CounterexampleFiles});</li>
 *   <li>{@link pagestate.reports.TraceDot} and {@link pagestate.reports.StateGraphDot} — DOT sources, drawn
 *       by {@link pagestate.reports.Diagrams} with the engine {@link pagestate.reports.DiagramEngine} picks.</li>
 * </ul>
 */
package pagestate.reports;
