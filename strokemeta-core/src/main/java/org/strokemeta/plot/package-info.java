/**
 * Figures as SVG documents: forest plots ({@link org.strokemeta.plot.ForestPlot}, laid out from a
 * meta-analysis by {@link org.strokemeta.plot.MetaForest}), funnel plots
 * ({@link org.strokemeta.plot.FunnelSvg}), bubble plots of a meta-regression
 * ({@link org.strokemeta.plot.BubblePlot}), Grotta bars of an ordinal outcome
 * ({@link org.strokemeta.plot.GrottaPlot}) and the common odds ratio against time from onset to
 * randomisation ({@link org.strokemeta.plot.TimeCurve}); {@link org.strokemeta.plot.Raster} renders the
 * SVG as PNG or PDF. {@link org.strokemeta.Figures} draws them from results in one call. Estimates given
 * to the plots are on the analysis scale (log for ratio measures) and are labelled as ratios on a log axis.
 */
package org.strokemeta.plot;
