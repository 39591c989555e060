/**
 * The qualification suite: reference cases whose expected values come from R's reference packages
 * (metafor, ordinal, lme4; format in validation/FORMAT.md) are read
 * ({@link org.strokemeta.qualify.ValidationCase}), run through the same paths as the command line and
 * compared value by value within each case's tolerance ({@link org.strokemeta.qualify.Comparison}).
 * {@link org.strokemeta.qualify.Qualifications#full()} runs every analysis type; the cases are bundled
 * in the jar so that {@code strokemeta verify} checks an installation. {@link org.strokemeta.Verify} is
 * the entry point for running them from code.
 */
package org.strokemeta.qualify;
