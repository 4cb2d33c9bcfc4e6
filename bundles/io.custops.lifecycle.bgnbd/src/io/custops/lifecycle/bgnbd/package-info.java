/**
 * The customer-base models as plain, reusable mathematics: BG/NBD, Pareto/NBD, modified BG/NBD and Gamma-Gamma
 * with their maximum-likelihood fits over grouped per-customer summaries, the special functions
 * they need and the optimiser. No OSGi and no CustOps types: usable from any Java code.
 */
@Version("1.1.0")
package io.custops.lifecycle.bgnbd;

import org.osgi.annotation.versioning.Version;
