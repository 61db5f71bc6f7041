/**
 * Generalized estimating equations (Liang and Zeger 1986) as R's {@code geepack::geeglm} fits
 * them. {@link io.glimmer.gee.GeeEstimator} is the entry point ({@code Glimmer.fit} with
 * {@code Method.GEE} goes there); {@link io.glimmer.gee.GeeFit} carries what only GEE has
 * (all correlation parameters, model-based and robust covariances, {@link io.glimmer.gee.Qic}).
 *
 * <p>Decisions, and where they differ from geepack:
 * <ul>
 *   <li>Clusters are the rows with equal values of the cluster column, each in data order (the
 *       order AR(1) and unstructured use, as geepack without {@code waves}). geepack instead takes
 *       each run of equal values as a cluster; on data sorted by cluster the two agree, otherwise
 *       the fit warns. Rows with a missing cluster value are dropped and counted.</li>
 *   <li>Scale and correlation use geepack's moment estimators, with the number of observations
 *       (pairs) as divisor, no N − p correction ({@code ScaleEstimate},
 *       {@code CorrelationEstimate}).</li>
 *   <li>The iterations run to 1e-8 on natural scales rather than geepack's absolute 1e-4, so the
 *       estimates are geepack's converged values (the difference is at most about 1e-5 SE).</li>
 *   <li>QIC follows geepack's {@code QIC()} except that prior weights multiply the quasi-likelihood
 *       and Gamma uses the correct −y/μ − log μ.</li>
 *   <li>The fixed-effects table reports robust SEs with z = β/SE and its two-sided normal p-value
 *       (geepack prints the Wald χ² = z², same p-value).</li>
 * </ul>
 */
package io.glimmer.gee;
