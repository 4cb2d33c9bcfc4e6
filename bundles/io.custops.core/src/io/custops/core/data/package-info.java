/** The domain facts (orders, customers, events) in the columnar form analyses read. */
package io.custops.core.data;
